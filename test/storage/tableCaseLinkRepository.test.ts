import assert from 'node:assert/strict';
import type { TableClient } from '@azure/data-tables';
import type { CaseLink } from '../../bot/domain/caseLinks/caseLink';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TableCaseLinkRepository } from '../../bot/storage/tableCaseLinkRepository';
import { testStorage, uniquePrefix } from '../support/globalAzurite';

const link: CaseLink = {
  caseNumber: '2026-001',
  committeeId: 'fsu-rehabilitering',
  measureId: 'fsu-rehabilitering.g1.s1.m1',
  by: { id: 'aad-leader', name: 'Rut Rehab' },
  at: '2026-03-02T10:00:00.000Z',
};

/** The real table, but the named operation fails once (a crash between two writes). */
function failingOnce(
  table: TableClient,
  method: 'upsertEntity' | 'deleteEntity',
  when: (pk: string) => boolean,
) {
  let failed = false;
  return new Proxy(table, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== method || typeof value !== 'function')
        return typeof value === 'function' ? (value.bind(target) as unknown) : value;
      return (...args: unknown[]) => {
        const pk = typeof args[0] === 'string' ? args[0] : (args[0] as { partitionKey: string }).partitionKey;
        if (!failed && when(pk)) {
          failed = true;
          return Promise.reject(new Error('simulated crash'));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('TableCaseLinkRepository (case ↔ measure links over Azurite)', () => {
  let table: TableClient;
  let plans: TableClient;
  let links: TableCaseLinkRepository;
  beforeEach(async () => {
    const account = new StorageAccount(testStorage(), uniquePrefix());
    await account.ensureTables(['caseLinks', 'plans']);
    table = account.table('caseLinks');
    plans = account.table('plans');
    links = new TableCaseLinkRepository(table, plans);
  });

  it('stores one link per case and measure, read from either side', async () => {
    const results = await Promise.all([
      links.add(link),
      links.add(link),
      links.add({ ...link, at: 'later' }),
    ]);
    assert.deepEqual(results.filter(Boolean).length, 1, 'exactly one add wins');
    assert.equal((await links.linksOfCase(link.caseNumber)).length, 1);
    assert.deepEqual(await links.linksOfPlan(link.committeeId), await links.linksOfCase(link.caseNumber));
    assert.equal(await links.remove(link.caseNumber, link.committeeId, link.measureId), true);
    assert.equal(await links.remove(link.caseNumber, link.committeeId, link.measureId), false);
    assert.deepEqual(await links.linksOfCase(link.caseNumber), []);
    assert.deepEqual(await links.linksOfPlan(link.committeeId), []);
  });

  it('an add interrupted before the plan side is completed when the case is read', async () => {
    const crashing = new TableCaseLinkRepository(
      table,
      failingOnce(plans, 'upsertEntity', () => true),
    );
    await assert.rejects(crashing.add(link), /simulated crash/);
    assert.deepEqual(await links.linksOfPlan(link.committeeId), [], 'the board misses it for now');
    assert.deepEqual(await links.linksOfCase(link.caseNumber), [link]);
    assert.deepEqual(await links.linksOfPlan(link.committeeId), [link], 'repaired by the read');
    assert.equal(await links.add(link), false, 'still one link');
  });

  it('a remove interrupted after the plan side keeps the link whole, and can be done again', async () => {
    await links.add(link);
    const crashing = new TableCaseLinkRepository(
      failingOnce(table, 'deleteEntity', (pk) => pk.startsWith('case-')),
      plans,
    );
    await assert.rejects(
      crashing.remove(link.caseNumber, link.committeeId, link.measureId),
      /simulated crash/,
    );
    assert.deepEqual(await links.linksOfCase(link.caseNumber), [link]);
    assert.deepEqual(await links.linksOfPlan(link.committeeId), [link], 'the mirror is back');
    assert.equal(await links.remove(link.caseNumber, link.committeeId, link.measureId), true);
    assert.deepEqual(await links.linksOfPlan(link.committeeId), []);
  });
});
