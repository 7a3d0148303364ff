import type { App } from '../../bot/app';
import { TABLES, type TableName } from '../../bot/storage/storageAccount';

/**
 * Every row of the app's tables, as comparable text (Table Storage's own timestamp and ETag left out),
 * so a test can say "nothing was stored" or "these rows did not change".
 */
export async function storedRows(
  app: App,
  names: readonly TableName[] = Object.keys(TABLES) as TableName[],
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const rows: string[] = [];
    for await (const row of app.storage.table(name).listEntities()) {
      const { timestamp: _t, etag: _e, ...rest } = row as Record<string, unknown>;
      rows.push(JSON.stringify(rest));
    }
    out[name] = rows.sort();
  }
  return out;
}

/** The rows a person's turns write: bot state, conversation references and cases. */
export const TURN_TABLES: readonly TableName[] = ['botState', 'conversationRefs', 'cases'];
