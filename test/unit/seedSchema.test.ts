import assert from 'node:assert/strict';
import { parseSeedFile } from '../../bot/domain/plans/seedSchema';
import seed from '../../bot/domain/plans/seed/joint-action-plan.json';

/** The default plan content is parsed, not cast: each kind of mistake stops the start with its path. */
const copy = () =>
  structuredClone(seed) as unknown as {
    committees: {
      id: string;
      plan: { mainGoals: { subGoals: { measures: Record<string, unknown>[] }[] }[] };
    }[];
  };
const firstMeasure = (file: ReturnType<typeof copy>) =>
  file.committees[0]!.plan.mainGoals[0]!.subGoals[0]!.measures[0]!;

const BROKEN: [string, (file: ReturnType<typeof copy>) => void, RegExp][] = [
  [
    'a status that does not exist',
    (f) => ((firstMeasure(f).statusByYear as Record<string, string>)['2023'] = 'green'),
    /statusByYear/,
  ],
  [
    'a year missing from a measure',
    (f) => delete (firstMeasure(f).statusByYear as Record<string, string>)['2023'],
    /needs exactly the years/,
  ],
  ['an unknown priority group', (f) => (firstMeasure(f).priorityGroups = ['cats']), /priorityGroups/],
  ['a misspelt field', (f) => (firstMeasure(f).responsibel = 'x'), /responsibel/],
  ['an empty measure text', (f) => (firstMeasure(f).text = '  '), /text/],
  ['a committee id used twice', (f) => (f.committees[1]!.id = f.committees[0]!.id), /used twice/],
  ['a committee that is no forum', (f) => (f.committees[0]!.id = 'fsu-ukjent'), /is no forum/],
  [
    'a committee name of its own (names are the forum definition’s)',
    (f) => ((f.committees[0] as Record<string, unknown>).name = 'FSU Barn og unge'),
    /name/,
  ],
  [
    'a measure without the 2022 status column of the joint plan',
    (f) => delete (firstMeasure(f).statusByYear as Record<string, string>)['2022'],
    /needs exactly the years 2022,2023,2024,2025,2026/,
  ],
];

describe('default plan content: parsed by a schema', () => {
  it('accepts the shipped content, all 13 committees', () => {
    assert.equal(parseSeedFile(seed).committees.length, 13);
  });
  for (const [name, breakIt, message] of BROKEN) {
    it(`refuses ${name}, naming where`, () => {
      const file = copy();
      breakIt(file);
      assert.throws(() => parseSeedFile(file), message);
    });
  }
});
