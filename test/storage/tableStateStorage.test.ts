import assert from 'node:assert/strict';
import { StateConflictError } from '../../bot/domain/stateConflict';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TableStateStorage } from '../../bot/storage/tableStateStorage';
import { testStorage, uniquePrefix } from '../support/globalAzurite';

describe('TableStateStorage (botbuilder Storage over Azurite)', () => {
  let storage: TableStateStorage;
  beforeEach(async () => {
    const account = new StorageAccount(testStorage(), uniquePrefix());
    await account.ensureTables(['botState']);
    storage = new TableStateStorage(account.table('botState'));
  });

  const key = 'msteams/conversations/a:1Xy#?\\/';
  type Item = { n?: number; eTag?: string; [k: string]: unknown };
  const readOne = async (k: string): Promise<Item> => {
    const items = (await storage.read([k])) as Record<string, Item>;
    const item = items[k];
    if (!item) throw new Error(`${k} not found`);
    return item;
  };

  it('round-trips state far larger than one table property, with Norwegian text and emoji', async () => {
    const answers = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`q${i}`, `Svar ${i} æøå 🙂\n• punkt\n`.repeat(300)]),
    );
    await storage.write({ [key]: { dialogState: { answers } } });
    const read = await storage.read([key, 'missing']);
    assert.deepEqual(Object.keys(read), [key]);
    const { eTag, ...state } = read[key] as Record<string, unknown>;
    assert.ok(typeof eTag === 'string' && eTag.length > 0);
    assert.deepEqual(state, { dialogState: { answers } });
  });

  it('refuses a write based on an old eTag, and accepts one based on the current', async () => {
    await storage.write({ [key]: { n: 1 } });
    const first = await readOne(key);
    const second = await readOne(key);
    await storage.write({ [key]: { ...first, n: 2 } });
    await assert.rejects(storage.write({ [key]: { ...second, n: 3 } }), StateConflictError);
    const current = await readOne(key);
    assert.equal(current.n, 2);
    await storage.write({ [key]: { ...current, n: 4 } });
    assert.equal((await readOne(key)).n, 4);
  });

  it('creates an item read as absent only if nobody created it meanwhile, and `*` overwrites', async () => {
    const first: Item = { n: 1 };
    const second: Item = { n: 2 };
    await storage.write({ [key]: first });
    await assert.rejects(storage.write({ [key]: second }), StateConflictError);
    assert.equal((await readOne(key)).n, 1);
    await storage.write({ [key]: { n: 3, eTag: '*' } });
    assert.equal((await readOne(key)).n, 3);
  });

  it('keeps the eTag current after a write, so a second save in one turn is not a conflict', async () => {
    await storage.write({ [key]: { n: 1 } });
    const item = await readOne(key);
    item.n = 2;
    await storage.write({ [key]: item });
    item.n = 3;
    await storage.write({ [key]: item });
    assert.equal((await readOne(key)).n, 3);
  });

  it('deletes, and deleting what is not there is fine', async () => {
    await storage.write({ [key]: { n: 1 } });
    await storage.delete([key, 'never-written']);
    assert.deepEqual(await storage.read([key]), {});
  });
});
