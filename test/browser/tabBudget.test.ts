import assert from 'node:assert/strict';
import { FIRST_LOAD_BUDGET_BYTES, tabChunks, total } from '../../scripts/lib/tabBundle';
import { checkPrerequisites } from './support/tabBrowser';

/** The built tab (npm run build:tab): what the first load fetches, and what each view adds later. */
describe('tab: first-load budget and views on demand', () => {
  before(() => checkPrerequisites());

  it(`keeps the first load at or below ${FIRST_LOAD_BUDGET_BYTES / 1024} KiB gzip`, () => {
    const first = total(tabChunks().filter((c) => c.firstLoad));
    assert.ok(first.gzip > 0, 'the first load was measured');
    assert.ok(
      first.gzip <= FIRST_LOAD_BUDGET_BYTES,
      `first load ${(first.gzip / 1024).toFixed(1)} KiB gzip is over the budget`,
    );
  });

  it('loads the Tavle, the Plan table and the editor each as its own chunk, none of them at first', () => {
    const chunks = tabChunks();
    for (const view of ['TavleView', 'PlanView', 'BoardPage', 'CommitteePage']) {
      const chunk = chunks.find((c) => c.file.startsWith(`${view}-`));
      assert.ok(chunk, `${view} is a chunk of its own`);
      assert.equal(chunk.firstLoad, false, `${view} is not part of the first load`);
    }
  });
});
