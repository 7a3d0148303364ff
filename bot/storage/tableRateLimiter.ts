import type { TableClient } from '@azure/data-tables';
import { counterKey, type RateLimiter, type RateLimitRule } from '../domain/webIntake/rateLimits';
import { isNotFound, retryOnConflict } from './tableErrors';

type Row = Record<string, unknown>;

/**
 * Fixed-window counters in Table Storage, shared by every instance of the app: partition
 * `<rule>|<window start>`, row the hashed client address (or 'all'). An increment is a write
 * conditioned on the ETag it read (or a create that fails if another instance created first), and is
 * retried on conflict, so concurrent requests never count the same slot twice.
 */
export class TableRateLimiter implements RateLimiter {
  constructor(private readonly table: TableClient) {}

  async take(rule: RateLimitRule, address: string | undefined, at: Date): Promise<boolean> {
    const { window, subject } = counterKey(rule, address, at);
    const partitionKey = `${rule.name}|${window.replace(/[:.]/g, '-')}`;
    return retryOnConflict(async () => {
      let row: Row | undefined;
      try {
        row = await this.table.getEntity<Row>(partitionKey, subject);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      if (!row) {
        if (rule.limit < 1) return false;
        await this.table.createEntity({ partitionKey, rowKey: subject, count: 1 });
        return true;
      }
      const count = Number(row.count ?? 0);
      if (count >= rule.limit) return false;
      await this.table.updateEntity({ partitionKey, rowKey: subject, count: count + 1 }, 'Replace', {
        etag: row.etag as string,
      });
      return true;
    }, 20);
  }
}
