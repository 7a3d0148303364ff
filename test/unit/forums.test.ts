import assert from 'node:assert/strict';
import { FORUM_DEFINITIONS, forumById, underParents, workingGroupsOf } from '../../bot/domain/forums/forums';
import { FORUMS, forumByValue } from '../../bot/domain/partnership';
import { DEFAULT_PLANS } from '../../bot/domain/plans/defaultPlans';
import { planYears } from '../../bot/domain/plans/planModel';
import { forumLeadershipRoles } from '../../bot/domain/roles/roles';

/**
 * The headings of the committee blocks in the joint action plan (seed 002,
 * ../shared/seeds/002_79daa43de3d9a2a3.txt), line breaks and hyphenation of the PDF joined. The first
 * six cells give only the topic under the column header «Faglege samarbeidsutval for».
 */
const SEED_002_HEADINGS: Record<string, string> = {
  'fsu-barn-og-unge': 'Fagleg samarbeidsutval for Barn og unge',
  'fsu-behandlersamarbeid': 'Fagleg samarbeidsutval for Behandlersamarbeid',
  'fsu-psykisk-helsevern-og-rus': 'Fagleg samarbeidsutval for Psykisk helsevern og rus',
  'fsu-rehabilitering': 'Fagleg samarbeidsutval for Rehabilitering',
  'fsu-voksenhabilitering': 'Fagleg samarbeidsutval for Voksenhabilitering',
  'fsu-multisjuke-stormottakar-palliasjon':
    'Fagleg samarbeidsutval for Multisjuke, stormottakar og palliasjon',
  'fsu-kunnskapsoverforing-forsking-utdanning':
    'Fagleg samarbeidsutval for Kunnskapsoverføring, forsking og utdanning, samt praksiskonsulentordninga',
  'fsu-svangerskap-fodsel-barsel': 'Fagleg samarbeidsutval for Svangerskaps-, fødsels- og barselomsorg',
  'fsu-ikt': 'Fagleg samarbeidsutval for IKT-løysingar og elektronisk samarbeid',
  'fsu-helsefremmende-forebyggende':
    'Fagleg samarbeidsutval for samarbeid om helsefremmende og forebyggende helsearbeid',
  'fsu-helseberedskap': 'Fagleg samarbeidsutval for Helseberedskap',
  'fsu-akuttmedisinsk-kjede': 'Fagleg samarbeidsutval for akuttmedisinsk kjede',
};

const WORKING_GROUP = 'fsu-rehabilitering-koordinering';

/** Texts of goals, sub-goals and measures, compared without case, punctuation or spacing. */
const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-zæøå0-9]+/g, ' ')
    .trim();

/**
 * Rows the joint action plan itself prints under two committees (seed/README.md, judgement calls 3
 * and 11): the same row in two committees' own plans, not one plan copied into another.
 */
const PRINTED_TWICE_IN_THE_SOURCE = [
  'Palliativ plan',
  'Se på muligheten for å etablere faste møtepunkt med de andre fagrådene i HMN',
  'Samarbeide med de øvrige fagrådene i Midt-Norge',
].map(normal);

describe('the one definition of each forum', () => {
  it('names every FSU by the heading of its block in the joint action plan (seed 002)', () => {
    const fsus = FORUM_DEFINITIONS.filter((f) => f.kind === 'FSU');
    assert.deepEqual(fsus.map((f) => f.id).sort(), Object.keys(SEED_002_HEADINGS).sort());
    for (const forum of fsus) assert.equal(forum.name.nn, SEED_002_HEADINGS[forum.id], forum.id);
  });

  it('routing labels are the same official names, in all three languages', () => {
    for (const forum of FORUM_DEFINITIONS) {
      const option = forumByValue(forum.id);
      assert.ok(option, forum.id);
      assert.deepEqual(option.label, forum.name, forum.id);
      for (const text of [...Object.values(forum.name), ...Object.values(forum.shortName)]) {
        assert.ok(text.trim().length > 0 && text === text.trim(), `${forum.id}: "${text}"`);
      }
    }
  });

  it('every plan in the seed is a forum’s plan, and every FSU has one', () => {
    const planned = new Set(DEFAULT_PLANS.committees.map((c) => c.id));
    for (const id of planned) {
      const forum = forumById(id);
      assert.ok(forum, `${id} is no forum`);
      assert.notEqual(forum.kind, 'partnership_meeting');
    }
    for (const forum of FORUM_DEFINITIONS.filter((f) => f.kind === 'FSU')) {
      assert.ok(planned.has(forum.id), `${forum.id} has no plan`);
    }
  });

  it('seed 001’s plan belongs to a working group under FSU rehabilitering, which cases are not routed to', () => {
    const group = forumById(WORKING_GROUP)!;
    assert.equal(group.kind, 'working_group');
    assert.equal(group.parent, 'fsu-rehabilitering');
    assert.deepEqual(
      workingGroupsOf('fsu-rehabilitering').map((f) => f.id),
      [WORKING_GROUP],
    );
    assert.ok(!FORUMS.some((f) => f.value === WORKING_GROUP), 'not offered for routing');
    assert.equal(FORUMS.filter((f) => f.kind === 'FSU').length, 12);
    // Listed right after its committee, whatever the order it came in.
    const ids = underParents(DEFAULT_PLANS.committees, (c) => c.id).map((c) => c.id);
    assert.equal(ids.indexOf(WORKING_GROUP), ids.indexOf('fsu-rehabilitering') + 1);
    assert.equal(ids.length, DEFAULT_PLANS.committees.length);
  });

  it('no goal, sub-goal or measure stands in two plans, beyond rows the source prints twice', () => {
    const plansOf = new Map<string, Set<string>>();
    for (const committee of DEFAULT_PLANS.committees) {
      for (const goal of committee.plan.mainGoals) {
        const texts = [goal.text];
        for (const subGoal of goal.subGoals) texts.push(subGoal.text, ...subGoal.measures.map((m) => m.text));
        for (const text of texts) {
          const key = normal(text);
          plansOf.set(key, (plansOf.get(key) ?? new Set()).add(committee.id));
        }
      }
    }
    const twice = [...plansOf]
      .filter(
        ([text, plans]) => plans.size > 1 && !PRINTED_TWICE_IN_THE_SOURCE.some((p) => text.startsWith(p)),
      )
      .map(([text, plans]) => `${[...plans].join(' + ')}: ${text.slice(0, 60)}`);
    assert.deepEqual(twice, []);
  });

  it('leadership: an FSU’s leader and deputy, the SSU’s, the secretariat for the partnership meeting', () => {
    assert.deepEqual(forumLeadershipRoles('fsu-ikt'), [
      { role: 'committee_leader', scope: 'fsu-ikt' },
      { role: 'committee_deputy', scope: 'fsu-ikt' },
    ]);
    assert.deepEqual(
      forumLeadershipRoles('ssu').map((r) => r.role),
      ['ssu_leader', 'ssu_deputy'],
    );
    assert.deepEqual(
      forumLeadershipRoles('partnarskapsmotet').map((r) => r.role),
      ['secretariat_leader', 'secretariat_member'],
    );
  });
});

describe('status years of the joint action plan', () => {
  it('keeps the seed’s status columns 2022, 2023, 2024 and the rest of the period to 2026', () => {
    for (const committee of DEFAULT_PLANS.committees.filter((c) => c.id !== WORKING_GROUP)) {
      assert.equal(committee.plan.periodStart, 2023, committee.id);
      assert.deepEqual(planYears(committee.plan), ['2022', '2023', '2024', '2025', '2026'], committee.id);
      for (const goal of committee.plan.mainGoals)
        for (const subGoal of goal.subGoals)
          for (const measure of subGoal.measures)
            assert.deepEqual(Object.keys(measure.statusByYear).sort(), planYears(committee.plan), measure.id);
    }
    const group = DEFAULT_PLANS.committees.find((c) => c.id === WORKING_GROUP)!;
    assert.deepEqual(planYears(group.plan), ['2022', '2023', '2024']);
  });
});
