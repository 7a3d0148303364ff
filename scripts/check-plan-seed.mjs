// Checks the default action-plan content (bot/domain/plans/seed/joint-action-plan.json).
// Dependency-free:
//   node scripts/check-plan-seed.mjs              check and print counts per committee
//   node scripts/check-plan-seed.mjs --outline    also print every goal, sub-goal and measure (for review)
//   node scripts/check-plan-seed.mjs other.json   check another file
// Exits 1 if any problem is found.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outline = args.includes('--outline');
const fileArg = args.find((a) => !a.startsWith('--'));
const seedPath = resolve(fileArg ?? resolve(here, '../bot/domain/plans/seed/joint-action-plan.json'));

const STATUSES = new Set(['not_assessed', 'not_started', 'in_progress', 'done']);
const GROUPS = new Set(['children_youth', 'mental_health_substance', 'frail_elderly', 'multiple_chronic']);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Leftovers of the PDF text extraction that must not survive into content.
const NOISE = [
  [/\bSide\s+\d+\s*(av|of)\s*\d*/i, 'page header/footer ("Side N av M")'],
  [/^\s*\d+\s*$/m, 'a line that is only a number (page number?)'],
  [/Kvar vil vi\?|Korleis skal vi få det til\?/i, 'table header text'],
  [/^\s*(Hovudmål|Delmål|Tiltak)\s*$/im, 'table header word on its own line'],
  [/^\s*(Leiar|Leder|Nestleiar|Nestleder)\s*:/im, 'committee cell text (leader label) inside content'],
  [/^\s*https?:\/\//im, 'a footnote URL line (PDF link annotation)'],
  [/[\f\uF000-\uF8FF\uFFFD]/, 'form feed, private-use glyph or replacement character'],
  [/ {2,}/, 'double space'],
  [/^\s|\s$/, 'leading or trailing whitespace'],
  [/[ \t]\n|\n[ \t]*\n/, 'blank line or space before a line break'],
  [/[a-zæøå]-\n[a-zæøå]/, 'a word still broken by a line-end hyphen'],
];

const problems = [];
const problem = (where, msg) => problems.push(`${where}: ${msg}`);

function checkText(where, value, { required = true, isYear = false } = {}) {
  if (value === undefined || value === null) {
    if (required) problem(where, 'missing');
    return;
  }
  if (typeof value !== 'string') return problem(where, `not a string (${typeof value})`);
  if (required && value.trim() === '') return problem(where, 'empty');
  if (!required && value.trim() === '') return problem(where, 'present but empty (omit it instead)');
  for (const [re, what] of NOISE) {
    if (isYear && what.startsWith('a line that is only a number')) continue; // a timeline may be just "2023"
    if (re.test(value)) problem(where, `contains ${what}: ${JSON.stringify(value.slice(0, 80))}`);
  }
}

let seed;
try {
  seed = JSON.parse(readFileSync(seedPath, 'utf8'));
} catch (err) {
  console.error(`Cannot read ${seedPath}: ${err.message}`);
  process.exit(1);
}

checkText('source', seed.source);
if (!Array.isArray(seed.committees) || seed.committees.length === 0) {
  problem('committees', 'missing or empty');
  seed.committees = [];
}

const ids = new Map();
function claimId(id, where) {
  if (typeof id !== 'string' || id === '') return problem(where, 'missing id');
  if (ids.has(id)) problem(where, `duplicate id ${id} (also ${ids.get(id)})`);
  else ids.set(id, where);
}

const rows = [];
const total = { mainGoals: 0, subGoals: 0, measures: 0 };

for (const [ci, c] of seed.committees.entries()) {
  const cw = `committees[${ci}] ${c.id ?? '?'}`;
  claimId(c.id, cw);
  if (typeof c.id === 'string' && !SLUG.test(c.id)) problem(cw, `id is not a lower-case slug: ${c.id}`);
  // One definition of each forum: its kind and names live in bot/domain/forums/forums.ts (the
  // server refuses a seed committee that is no forum there), never in the plan content.
  for (const field of ['kind', 'name', 'shortName']) {
    if (field in c)
      problem(cw, `${field} belongs to the forum definition (bot/domain/forums/forums.ts), not the seed`);
  }
  checkText(`${cw} leader`, c.leader, { required: false });
  checkText(`${cw} deputy`, c.deputy, { required: false });
  checkText(`${cw} note`, c.note, { required: false });
  if (!c.leader && !(typeof c.note === 'string' && c.note.trim())) {
    problem(cw, 'no leader and no note saying why');
  }

  const plan = c.plan ?? {};
  checkText(`${cw} plan.title`, plan.title);
  const { periodStart: start, periodEnd: end, firstStatusYear } = plan;
  // Status years: from the source's first status column (where it is before the period) to the end.
  const first = firstStatusYear ?? start;
  let years = [];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start > end || start < 2000 || end > 2100) {
    problem(cw, `bad plan period ${start}-${end}`);
  } else if (!Number.isInteger(first) || first > start || first < 2000) {
    problem(
      cw,
      `bad firstStatusYear ${firstStatusYear} (before or at the period's start ${start}, or omitted)`,
    );
  } else {
    for (let y = first; y <= end; y++) years.push(String(y));
  }
  const wanted = years.join(',');

  const count = { mainGoals: 0, subGoals: 0, measures: 0 };
  const goals = Array.isArray(plan.mainGoals) ? plan.mainGoals : [];
  if (goals.length === 0) problem(cw, 'plan has no main goals');

  for (const [gi, g] of goals.entries()) {
    const gw = `${g.id ?? `${cw} mainGoals[${gi}]`}`;
    claimId(g.id, gw);
    if (g.id !== `${c.id}.g${gi + 1}`) problem(gw, `id should be ${c.id}.g${gi + 1}`);
    checkText(`${gw} text`, g.text);
    checkText(`${gw} note`, g.note, { required: false });
    count.mainGoals++;
    const subs = Array.isArray(g.subGoals) ? g.subGoals : [];
    if (subs.length === 0) problem(gw, 'main goal has no sub-goals');

    for (const [si, s] of subs.entries()) {
      const sw = `${s.id ?? `${gw} subGoals[${si}]`}`;
      claimId(s.id, sw);
      if (s.id !== `${g.id}.s${si + 1}`) problem(sw, `id should be ${g.id}.s${si + 1}`);
      checkText(`${sw} text`, s.text);
      checkText(`${sw} note`, s.note, { required: false });
      count.subGoals++;
      const measures = Array.isArray(s.measures) ? s.measures : [];
      if (measures.length === 0) problem(sw, 'sub-goal has no measures');

      for (const [mi, m] of measures.entries()) {
        const mw = `${m.id ?? `${sw} measures[${mi}]`}`;
        claimId(m.id, mw);
        if (m.id !== `${s.id}.m${mi + 1}`) problem(mw, `id should be ${s.id}.m${mi + 1}`);
        checkText(`${mw} text`, m.text);
        for (const f of [
          'responsible',
          'timeline',
          'taskHospital',
          'taskMunicipalities',
          'measuringTool',
          'note',
        ]) {
          checkText(`${mw} ${f}`, m[f], { required: false, isYear: f === 'timeline' });
        }
        if (!Array.isArray(m.priorityGroups)) {
          problem(mw, 'priorityGroups must be an array');
        } else {
          for (const p of m.priorityGroups) if (!GROUPS.has(p)) problem(mw, `unknown priority group ${p}`);
          if (new Set(m.priorityGroups).size !== m.priorityGroups.length)
            problem(mw, 'duplicate priority group');
        }
        const st = m.statusByYear;
        if (!st || typeof st !== 'object' || Array.isArray(st)) {
          problem(mw, 'statusByYear missing');
        } else {
          const keys = Object.keys(st).sort().join(',');
          if (keys !== wanted)
            problem(mw, `statusByYear keys ${keys} do not match the plan's status years ${wanted}`);
          for (const [y, v] of Object.entries(st)) if (!STATUSES.has(v)) problem(mw, `bad status ${y}=${v}`);
        }
        const known = new Set([
          'id',
          'text',
          'responsible',
          'timeline',
          'taskHospital',
          'taskMunicipalities',
          'measuringTool',
          'priorityGroups',
          'statusByYear',
          'note',
        ]);
        for (const k of Object.keys(m)) if (!known.has(k)) problem(mw, `unknown field ${k}`);
        count.measures++;
      }
    }
  }

  rows.push({
    id: c.id,
    period: `${start}-${end}`,
    statusYears: years.length ? `${years[0]}-${years.at(-1)}` : '?',
    ...count,
    leader: c.leader ?? '(none, see note)',
  });
  total.mainGoals += count.mainGoals;
  total.subGoals += count.subGoals;
  total.measures += count.measures;
}

// Outline for reviewers: the whole tree with every field, statuses only where set.
if (outline) {
  const indent = (text, pad) => String(text).replace(/\n/g, `\n${pad}`);
  for (const c of seed.committees) {
    console.log(`\n=== ${c.id}`);
    console.log(`    leader: ${c.leader ?? '-'}   deputy: ${c.deputy ?? '-'}`);
    if (c.note) console.log(`    note: ${indent(c.note, '          ')}`);
    const from = c.plan?.firstStatusYear ? `, status from ${c.plan.firstStatusYear}` : '';
    console.log(`    plan: ${c.plan?.title} (${c.plan?.periodStart}-${c.plan?.periodEnd}${from})`);
    for (const g of c.plan?.mainGoals ?? []) {
      console.log(`\n  HOVUDMÅL ${g.id}\n    ${indent(g.text, '    ')}`);
      if (g.note) console.log(`    (note: ${indent(g.note, '     ')})`);
      for (const s of g.subGoals ?? []) {
        console.log(`    DELMÅL ${s.id}\n      ${indent(s.text, '      ')}`);
        if (s.note) console.log(`      (note: ${indent(s.note, '       ')})`);
        for (const m of s.measures ?? []) {
          console.log(`      TILTAK ${m.id}\n        ${indent(m.text, '        ')}`);
          const fields = [
            ['ansvar', m.responsible],
            ['tidsplan', m.timeline],
            ['oppgåve HF', m.taskHospital],
            ['oppgåve kommunar', m.taskMunicipalities],
            ['måleverktøy', m.measuringTool],
          ];
          for (const [label, v] of fields) if (v) console.log(`        ${label}: ${indent(v, '          ')}`);
          if (m.priorityGroups?.length)
            console.log(`        prioriterte grupper: ${m.priorityGroups.join(', ')}`);
          const set = Object.entries(m.statusByYear ?? {}).filter(([, v]) => v !== 'not_assessed');
          if (set.length) console.log(`        status: ${set.map(([y, v]) => `${y}=${v}`).join(', ')}`);
          if (m.note) console.log(`        (note: ${indent(m.note, '         ')})`);
        }
      }
    }
  }
  console.log('');
}

// Report
const header = ['committee', 'period', 'status years', 'main goals', 'sub-goals', 'measures', 'leader'];
const table = [
  header,
  ...rows.map((r) =>
    [r.id, r.period, r.statusYears, r.mainGoals, r.subGoals, r.measures, r.leader].map(String),
  ),
  ['TOTAL', '', '', total.mainGoals, total.subGoals, total.measures, ''].map(String),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(`Plan seed: ${seedPath}`);
for (const [i, row] of table.entries()) {
  console.log(
    row.map((cell, j) => (j >= 3 && j <= 5 ? cell.padStart(widths[j]) : cell.padEnd(widths[j]))).join('  '),
  );
  if (i === 0 || i === table.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}

if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`\nOK: ${seed.committees.length} committees, ${ids.size} unique ids, no problems.`);
