import assert from 'node:assert/strict';
import { HANDLED_ACTIVITY_LIMIT, rememberHandled, trackedActivityId } from '../../bot/teams/turnBookkeeping';

describe('the ids of handled activities a conversation remembers', () => {
  it('keeps the last ones in order, each once, and forgets the oldest beyond the limit', () => {
    let handled: string[] = [];
    for (let n = 1; n <= HANDLED_ACTIVITY_LIMIT + 5; n++) handled = rememberHandled(handled, `a${n}`);
    assert.equal(handled.length, HANDLED_ACTIVITY_LIMIT);
    assert.equal(handled[0], 'a6');
    assert.equal(handled.at(-1), `a${HANDLED_ACTIVITY_LIMIT + 5}`);
    assert.deepEqual(rememberHandled(['a', 'b', 'c'], 'b'), ['a', 'c', 'b']);
  });

  it('tracks messages, conversation updates and card actions, not other invokes or activities without an id', () => {
    assert.equal(trackedActivityId({ id: 'm1', type: 'message' }), 'm1');
    assert.equal(trackedActivityId({ id: 'u1', type: 'conversationUpdate' }), 'u1');
    assert.equal(trackedActivityId({ id: 'i1', type: 'invoke', name: 'adaptiveCard/action' }), 'i1');
    assert.equal(trackedActivityId({ id: 'i2', type: 'invoke', name: 'task/fetch' }), undefined);
    assert.equal(trackedActivityId({ type: 'message' }), undefined);
  });
});
