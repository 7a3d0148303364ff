import assert from 'node:assert/strict';
import { CardFactory } from 'botbuilder';
import { cardMessage } from '../../bot/notifications/outgoing';

/**
 * The notifications build their messages without the SDK; what they build (and the outbox stores)
 * must be what they built with the SDK's CardFactory before, so messages stored then are sent the same way.
 */
describe('a notification message with a card (cardMessage)', () => {
  it("is the activity built with the SDK's card attachment", () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Sak 2026-001' }],
    };
    const sdk = { type: 'message', summary: 'Sak 2026-001', attachments: [CardFactory.adaptiveCard(card)] };
    assert.deepEqual(cardMessage(card, 'Sak 2026-001'), sdk);
  });
});
