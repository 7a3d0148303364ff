import type { ConversationReference } from 'botbuilder';
import type { TableClient } from '@azure/data-tables';
import { packJson, unpackJson } from './chunkedJson';
import { encodeKey } from './keys';
import { isNotFound } from './tableErrors';

/**
 * Where to reach each person proactively (receipts, routing news): the reference of their 1:1 chat
 * with the bot, kept durably so notifications survive restarts. Keyed by the person's id.
 */
export class ConversationRefRepository {
  constructor(private readonly table: TableClient) {}

  async save(personId: string, reference: Partial<ConversationReference>): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: encodeKey(personId),
        rowKey: 'personal',
        savedAt: new Date().toISOString(),
        ...packJson(reference, 'ref'),
      },
      'Replace',
    );
  }

  async get(personId: string): Promise<Partial<ConversationReference> | undefined> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(encodeKey(personId), 'personal');
      return unpackJson(entity, 'ref');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
