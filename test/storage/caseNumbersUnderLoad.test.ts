import assert from 'node:assert/strict';
import { submitCase } from '../../bot/domain/cases/submitCase';
import { StorageAccount } from '../../bot/storage/storageAccount';
import { TableCaseRepository } from '../../bot/storage/tableCaseRepository';
import { REFERENCE_STORED } from '../fixtures/referenceCase';
import { testStorage, uniquePrefix } from '../support/globalAzurite';

/** Many people pressing "send" at the same moment (the three-instance run has 100). */
const AT_ONCE = 50;

/**
 * Every case of a year takes its number from one counter row, so a burst of submissions all compete
 * for that row: each round of conflicting writes gives out one number. Every one of them must still
 * get its number (none refused with "something went wrong"), and the numbers run without a gap.
 */
describe('case numbers when many people submit at the same moment', () => {
  it(`gives each of ${AT_ONCE} simultaneous submissions its own number, 1..${AT_ONCE}`, async function () {
    this.timeout(120_000);
    const account = new StorageAccount(testStorage(), uniquePrefix());
    await account.ensureTables(['cases']);
    const repo = new TableCaseRepository(account.table('cases'));
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: AT_ONCE }, (_, n) =>
        submitCase(repo, {
          draftId: `draft-${n}`,
          answers: REFERENCE_STORED,
          submitter: { id: `person-${n}`, name: `Person ${n}` },
          lang: 'nn',
          now,
        }),
      ),
    );
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.deepEqual(
      refused.map((r) => String(r.reason)).slice(0, 3),
      [],
      `${refused.length} submissions refused`,
    );
    const seqs = results
      .map((r) => (r as PromiseFulfilledResult<{ seq: number }>).value.seq)
      .sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: AT_ONCE }, (_, i) => i + 1),
    );
  });
});
