import type { ConversationReference } from 'botbuilder';
import type { TableClient } from '@azure/data-tables';
import type { Lang } from '../domain/i18n/language';
import type { ConversationRefRepository } from '../domain/notifications/conversationRefRepository';
import { packJson, unpackJson } from './chunkedJson';
import { encodeKey } from './keys';
import { isNotFound } from './tableErrors';

/** Each person's chat reference and language (ConversationRefRepository), keyed by the person's id. */
export class TableConversationRefRepository implements ConversationRefRepository<
  Partial<ConversationReference>
> {
  constructor(private readonly table: TableClient) {}

  async save(personId: string, reference: Partial<ConversationReference>, lang?: Lang): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: encodeKey(personId),
        rowKey: 'personal',
        savedAt: new Date().toISOString(),
        ...(lang ? { lang } : {}),
        ...packJson(reference, 'ref'),
      },
      // Merge keeps the language when a caller does not know it; the reference is always replaced.
      'Merge',
    );
  }

  async lookup(
    personId: string,
  ): Promise<{ reference: Partial<ConversationReference>; lang?: Lang } | undefined> {
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(encodeKey(personId), 'personal');
      const lang = entity.lang;
      return {
        reference: unpackJson(entity, 'ref'),
        ...(lang === 'nn' || lang === 'nb' || lang === 'en' ? { lang } : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
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
