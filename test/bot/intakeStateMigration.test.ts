import assert from 'node:assert/strict';
import { FORM_FIELDS } from '../../bot/domain/form/intakeForm';
import { TableStateStorage } from '../../bot/storage/tableStateStorage';
import { RunningBot, TestChannel, TestUser, textOf } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';

/**
 * Drafts were once kept as the one dialog on a botbuilder-dialogs stack. A draft stored that way
 * before a deploy goes on after it: read once from the old place and kept in the new one.
 */
describe('a draft stored in the old dialog-stack shape', () => {
  let channel: TestChannel;
  let bot: RunningBot;
  const runa = { id: '29:runa', aadObjectId: 'aad-runa', name: 'Runa Bakke', locale: 'nn-NO' };

  beforeEach(async () => {
    channel = new TestChannel();
    await channel.start();
    bot = await RunningBot.start(testConfig());
  });
  afterEach(async () => {
    await bot.stop();
    await channel.stop();
  });

  it('is continued where it stood, and then kept in the intake property only', async () => {
    const user = new TestUser(channel, bot, runa);
    await user.send({ type: 'message', text: 'ny sak' });
    await user.send({ type: 'message', text: 'Ventetid på rehabilitering' });

    // Put the open draft where the running app kept it before: dialogState.dialogStack[0].state.
    const states = new TableStateStorage(bot.app.storage.table('botState'));
    const key = `msteams/conversations/${user.conversationId}/`;
    const { intake, eTag: _eTag, ...rest } = (await states.read([key]))[key] as Record<string, unknown>;
    assert.ok(intake, 'the draft is open');
    await states.write({
      [key]: { ...rest, dialogState: { dialogStack: [{ id: 'intake', state: intake }] }, eTag: '*' },
    });

    const replies = await user.send({ type: 'message', text: 'Runa Bakke' });
    const third = FORM_FIELDS[2]!;
    assert.match(
      textOf(replies),
      new RegExp(third.prompt.nn.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );

    const after = (await states.read([key]))[key] as {
      intake?: { draft: { answers: Record<string, unknown> } };
      dialogState?: unknown;
    };
    assert.equal(after.dialogState, undefined, 'the old place is emptied');
    assert.deepEqual(after.intake?.draft.answers, {
      [FORM_FIELDS[0]!.id]: 'Ventetid på rehabilitering',
      [FORM_FIELDS[1]!.id]: 'Runa Bakke',
    });
  });
});
