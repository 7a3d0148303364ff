import type { Storage, StoreItems } from 'botbuilder';
import type { TableClient } from '@azure/data-tables';
import { StateConflictError } from '../domain/stateConflict';
import { packJson, unpackJson } from './chunkedJson';
import { encodeKey } from './keys';
import { isNotFound, statusOf } from './tableErrors';

const ROW = 'state';

/**
 * botbuilder's `Storage` over Azure Table Storage, so conversation and user state (and with them
 * every intake draft) survive restarts and are shared by all server instances.
 *
 * ETags: an item read from storage carries its `eTag`, and writing it back succeeds only if nobody
 * wrote in between; an item without an eTag is new (it was read as absent) and is created only if
 * it is still absent. Either refusal is a `StateConflictError`, so two turns that raced are told
 * apart from a storage failure. `*` writes unconditionally.
 */
export class TableStateStorage implements Storage {
  constructor(private readonly table: TableClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          const entity = await this.table.getEntity<Record<string, unknown>>(encodeKey(key), ROW);
          items[key] = { ...unpackJson<Record<string, unknown>>(entity, 'state'), eTag: entity.etag };
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...state } = (item ?? {}) as Record<string, unknown>;
        const entity = { partitionKey: encodeKey(key), rowKey: ROW, ...packJson(state, 'state') };
        let response;
        try {
          if (eTag === '*') response = await this.table.upsertEntity(entity, 'Replace');
          else if (typeof eTag === 'string') {
            response = await this.table.updateEntity(entity, 'Replace', { etag: eTag });
          } else response = await this.table.createEntity(entity);
        } catch (error) {
          // 412: changed since read; 404: deleted since read; 409: created by someone else meanwhile.
          if ([404, 409, 412].includes(statusOf(error) ?? 0)) throw new StateConflictError(key);
          throw error;
        }
        // Keep the caller's copy current, so a second save in the same turn is not a false conflict.
        if (item && response.etag) (item as { eTag?: string }).eTag = response.etag;
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.table.deleteEntity(encodeKey(key), ROW);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }),
    );
  }
}
