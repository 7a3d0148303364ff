import assert from 'node:assert/strict';
import { INTAKE_FORM } from '../../bot/domain/form/intakeForm';
import { counterKey, windowStart } from '../../bot/domain/webIntake/rateLimits';
import { statusViewOf } from '../../bot/domain/webIntake/statusView';
import { applyPage, firstIncompletePage, readPage, type WebDraft } from '../../bot/domain/webIntake/webDraft';
import {
  hashToken,
  isWebSubmitter,
  looksLikeSecret,
  newSecret,
} from '../../bot/domain/webIntake/webSubmitter';
import { escapeHtml, html } from '../../bot/http/publicForm/html';
import type { CaseRecord } from '../../bot/domain/cases/caseModel';
import { REFERENCE_STORED } from '../fixtures/referenceCase';

const section = (n: number) => INTAKE_FORM[n - 1]!;

describe('web intake rules', () => {
  it('reads a page with the bot validation: errors per field, optional fields cleared, choices as values', () => {
    const read = readPage(section(2), {
      submitterName: 'Kari',
      organisation: '',
      email: 'kari@example.no ',
      phone: '',
    });
    assert.deepEqual(
      read.errors.map((e) => [e.field.id, e.error.code]),
      [['organisation', 'required']],
    );
    assert.deepEqual(read.answers, { submitterName: 'Kari', email: 'kari@example.no' });
    assert.deepEqual(read.cleared, ['phone']);

    const choices = readPage(section(6), {
      patientGroups: 'Alle',
      priorityGroups: ['children_youth', 'multiple_chronic'],
    });
    assert.deepEqual(choices.answers.priorityGroups, ['children_youth', 'multiple_chronic']);
    assert.deepEqual(readPage(section(6), { patientGroups: 'Alle' }).answers.priorityGroups, []);
    const forged = readPage(section(4), { background: 'B', urgency: 'extreme' });
    assert.deepEqual(
      forged.errors.map((e) => e.error.code),
      ['choice'],
    );
    const fnr = readPage(section(1), { title: 'Gjeld 01019010046' });
    assert.deepEqual(
      fnr.errors.map((e) => e.error.code),
      ['nationalId'],
    );
  });

  it('finds the first page with a required answer missing', () => {
    assert.equal(firstIncompletePage(REFERENCE_STORED), undefined);
    const { background: _b, ...withoutBackground } = REFERENCE_STORED;
    assert.equal(firstIncompletePage(withoutBackground), 4);
    const draft = { answers: { phone: '12345678' } } as unknown as WebDraft;
    assert.deepEqual(applyPage(draft, { answers: {}, cleared: ['phone'] }).answers, {});
  });

  it('counts in fixed windows and stores addresses only hashed, per window', () => {
    const rule = { name: 'submit-address', limit: 5, windowSeconds: 3600 };
    const at = new Date('2026-11-28T16:59:59Z');
    assert.equal(windowStart(rule, at), '2026-11-28T16:00:00.000Z');
    const a = counterKey(rule, '198.51.100.1', at);
    const b = counterKey(rule, '198.51.100.1', new Date('2026-11-28T17:00:00Z'));
    assert.doesNotMatch(a.subject, /198/);
    assert.notEqual(a.subject, b.subject);
    assert.equal(counterKey(rule, undefined, at).subject, 'all');
  });

  it('status links and web submitters', () => {
    const token = newSecret();
    assert.ok(looksLikeSecret(token));
    assert.ok(Buffer.from(token, 'base64url').length >= 16);
    assert.equal(hashToken(token).length, 64);
    assert.notEqual(hashToken(token), token);
    assert.ok(isWebSubmitter({ id: 'web:abc' }));
    assert.ok(!isWebSubmitter({ id: '00000000-0000-4000-8000-00000000a001' }));
  });

  it('the status view carries nothing internal', () => {
    const record = {
      number: '2026-001',
      title: 'T',
      state: 'routing_proposed',
      submittedAt: '2026-11-01T10:00:00Z',
      historyCount: 3,
      submitter: { id: 'web:x', name: 'N', lang: 'nn' },
      answers: {},
      routing: {
        proposal: {
          forum: 'ssu',
          comment: 'INTERN',
          by: { id: 's', name: 'Sekretær' },
          at: '',
          approvals: [],
        },
        forumChain: [],
        infoRequests: [
          { n: 1, question: 'Q?', askedBy: { id: 's', name: 'Sekretær' }, askedAt: '2026-11-02' },
        ],
      },
    } as unknown as CaseRecord;
    const view = statusViewOf(record);
    assert.doesNotMatch(JSON.stringify(view), /INTERN|Sekretær/);
    assert.equal(view.openQuestion?.question, 'Q?');
    assert.equal(view.canWithdraw, true);
    assert.equal(view.version, 3);
  });

  it('escapes every interpolated value, once', () => {
    assert.equal(escapeHtml(`<script>"'&`), '&lt;script&gt;&quot;&#39;&amp;');
    const hostile = '<script>alert(1)</script> {{x}} ${x}';
    const inner = html`<b>${hostile}</b>`;
    assert.equal(
      html`<p>${inner}</p>`.value,
      '<p><b>&lt;script&gt;alert(1)&lt;/script&gt; {{x}} ${x}</b></p>',
    );
  });
});
