import type { TableClient } from '@azure/data-tables';
import type { StatusLinkRepository } from '../domain/webIntake/webIntakeService';
import { isNotFound } from './tableErrors';

type Row = Record<string, unknown>;
const PARTITION = 'link';

/** Private status links of web submitters: the SHA-256 of the token (never the token) → case number. */
export class TableStatusLinkRepository implements StatusLinkRepository {
  constructor(private readonly table: TableClient) {}

  async put(tokenHash: string, caseNumber: string): Promise<void> {
    await this.table.createEntity({ partitionKey: PARTITION, rowKey: tokenHash, caseNumber });
  }

  async caseOf(tokenHash: string): Promise<string | undefined> {
    try {
      const row = await this.table.getEntity<Row>(PARTITION, tokenHash);
      return row.caseNumber as string;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
