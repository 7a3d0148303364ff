import assert from 'node:assert/strict';
import { fieldById, type FormField } from '../../bot/domain/form/intakeForm';
import { validateSubmitted, validateTyped } from '../../bot/domain/form/validation';

const field = (id: string): FormField => {
  const f = fieldById(id);
  if (!f) throw new Error(id);
  return f;
};

describe('answer validation (the form definition is the rule book)', () => {
  const table: [string, string, string, unknown][] = [
    // field, typed text, expected outcome ('ok' or error code), expected stored value
    ['title', '   ', 'required', undefined],
    ['title', 'Koordinering 🙂 æøå', 'ok', 'Koordinering 🙂 æøå'],
    ['email', 'runa.bakke@orsta.kommune.no', 'ok', 'runa.bakke@orsta.kommune.no'],
    ['email', ' runa@orsta.kommune.no ', 'ok', 'runa@orsta.kommune.no'],
    ['email', 'runa.bakke(at)orsta', 'email', undefined],
    ['email', 'runa@orsta', 'email', undefined],
    ['phone', '91621147', 'ok', '91621147'],
    ['phone', '+47 916 21 147', 'ok', '+47 916 21 147'],
    ['phone', '916211', 'phone', undefined],
    ['phone', 'ring meg', 'phone', undefined],
    ['urgency', 'høg', 'ok', 'high'],
    ['urgency', 'Høy – haster', 'ok', 'high'],
    ['urgency', '2', 'ok', 'medium'],
    ['urgency', 'snarast', 'choice', undefined],
    ['priorityGroups', '1, 3', 'ok', ['children_youth', 'frail_elderly']],
    ['priorityGroups', 'Barn og unge', 'ok', ['children_youth']],
    ['priorityGroups', 'barn og unge og skrøpelege eldre', 'ok', ['children_youth', 'frail_elderly']],
    ['priorityGroups', 'ingen', 'ok', []],
    ['priorityGroups', '7', 'choice', undefined],
    ['agreementParts', 'Hovudavtale, Delavtale 6', 'ok', ['hovudavtale', 'delavtale-6']],
    ['agreementParts', 'Delavtale 1', 'ok', ['delavtale-1']],
  ];
  for (const [id, text, outcome, stored] of table) {
    it(`${id}: ${JSON.stringify(text)} → ${outcome}`, () => {
      const result = validateTyped(field(id), text);
      if (outcome === 'ok') {
        assert.ok(result.ok, JSON.stringify(result));
        assert.deepEqual(result.value, stored);
      } else {
        assert.ok(!result.ok);
        assert.equal(result.error.code, outcome);
      }
    });
  }

  it('keeps multi-paragraph text, bullets and links exactly as typed', () => {
    const text = 'Første avsnitt.\n\n• punkt éin\n• punkt to\nhttps://lovdata.no/x#%C2%A75\r\n  innrykk  ';
    const result = validateTyped(field('background'), text);
    assert.ok(result.ok);
    assert.equal(result.value, text);
  });

  it('counts emoji as one character against the limit', () => {
    const f = field('title');
    assert.ok(validateTyped(f, '🙂'.repeat(f.maxLength)).ok);
    const over = validateTyped(f, '🙂'.repeat(f.maxLength + 1));
    assert.ok(!over.ok && over.error.code === 'tooLong' && over.error.length === f.maxLength + 1);
  });

  it('checks card submissions against the known options only', () => {
    assert.deepEqual(validateSubmitted(field('priorityGroups'), 'children_youth,frail_elderly'), {
      ok: true,
      value: ['children_youth', 'frail_elderly'],
    });
    assert.deepEqual(validateSubmitted(field('priorityGroups'), ''), { ok: true, value: [] });
    const forged = validateSubmitted(field('priorityGroups'), 'children_youth,<script>');
    assert.ok(!forged.ok && forged.error.code === 'choice');
    const single = validateSubmitted(field('urgency'), 'low,high');
    assert.ok(!single.ok);
    assert.ok(!validateSubmitted(field('title'), { not: 'text' }).ok);
  });
});
