import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Link, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { measureDraftFromCase } from '../../../bot/domain/caseLinks/measureFromCase';
import { can, type RoleAssignment } from '../../../bot/domain/roles/roles';
import { api } from '../api/client';
import type { CaseDetail, CommitteeSummary, LinkedMeasure, Plan } from '../api/types';
import { LabeledSelect } from '../components/LabeledSelect';
import { errorText } from '../components/ErrorMessage';
import { href } from '../router';
import { useLoad, useSession } from '../session';

const measureHref = (m: LinkedMeasure) =>
  `${href.board(m.committeeId)}/measure/${encodeURIComponent(m.measureId)}`;

/**
 * "Tiltak i handlingsplanen" on a case: the measures the case is linked to, and for the secretariat
 * and a committee's leadership a link to an existing measure, a new measure made from the case, and
 * removal. What is offered follows the server's one rule (roles.ts, 'case.link_measure'); the server
 * decides again on every request.
 */
export function CaseMeasuresSection({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t, me } = useSession();
  const measures = detail.measures ?? [];
  const mayLink = (committeeId: string) =>
    can(me.roles as unknown as RoleAssignment[], 'case.link_measure', committeeId);
  const committees = useLoad(() => api.committees(), []);
  const linkable = (committees.data ?? []).filter((c) => mayLink(c.id));
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();

  const done = (message: string) => {
    setNotice(message);
    setError(undefined);
    onChanged();
  };
  const remove = async (m: LinkedMeasure) => {
    try {
      await api.unlinkCase(detail.case.number, m.committeeId, m.measureId);
      done(t.caseMeasures.removed);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="case-measures" className="case-measures" data-testid="case-measures">
      <h2 id="case-measures">{t.caseMeasures.title}</h2>
      {measures.length === 0 ? (
        <p className="muted">{t.caseMeasures.none}</p>
      ) : (
        <ul>
          {measures.map((m) => (
            <li
              key={`${m.committeeId}/${m.measureId || m.text}`}
              data-linked-measure={m.measureId || undefined}
            >
              <span className="muted">{m.committeeName}: </span>
              {m.measureId ? (
                <Link href={measureHref(m)} className="user-text">
                  {m.text}
                </Link>
              ) : (
                <span className="user-text">{m.text}</span>
              )}
              {m.measureId && mayLink(m.committeeId) && (
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t.caseMeasures.remove(m.text)}
                  onClick={() => void remove(m)}
                >
                  {t.caseMeasures.removeShort}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorText(error, t)}</MessageBarBody>
        </MessageBar>
      )}
      {linkable.length > 0 && (
        <>
          <LinkForm detail={detail} committees={linkable} onDone={done} onError={setError} />
          <NewMeasureForm detail={detail} committees={linkable} onDone={done} onError={setError} />
        </>
      )}
    </section>
  );
}

interface FormProps {
  detail: CaseDetail;
  committees: CommitteeSummary[];
  onDone: (message: string) => void;
  onError: (error: unknown) => void;
}

/** The committee picker both forms start with; the chosen committee's plan is loaded for the next choice. */
function useCommitteePlan(committees: CommitteeSummary[]) {
  const [committeeId, setCommitteeId] = useState(committees.length === 1 ? committees[0]!.id : '');
  const plan = useLoad(
    () => (committeeId ? api.plan(committeeId).then((p) => p.plan) : Promise.resolve(undefined)),
    [committeeId],
  );
  return { committeeId, setCommitteeId, plan: plan.data };
}

function CommitteeSelect({
  committees,
  value,
  onChange,
  testId,
}: {
  committees: CommitteeSummary[];
  value: string;
  onChange: (id: string) => void;
  testId: string;
}) {
  const { t } = useSession();
  return (
    <LabeledSelect
      label={t.caseMeasures.committee}
      value={value}
      testId={testId}
      onChange={onChange}
      options={[
        { value: '', label: t.caseMeasures.choose },
        ...committees.map((c) => ({ value: c.id, label: c.name })),
      ]}
    />
  );
}

const active = (plan: Plan | undefined) =>
  (plan?.mainGoals ?? []).filter((g) => !g.retired).flatMap((g) => g.subGoals.filter((s) => !s.retired));

const short = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

function LinkForm({ detail, committees, onDone, onError }: FormProps) {
  const { t } = useSession();
  const { committeeId, setCommitteeId, plan } = useCommitteePlan(committees);
  const [measureId, setMeasureId] = useState('');
  const [busy, setBusy] = useState(false);
  const linked = new Set((detail.measures ?? []).map((m) => m.measureId));
  const options = active(plan).flatMap((s) =>
    s.measures
      .filter((m) => !m.retired && !linked.has(m.id))
      .map((m) => ({ value: m.id, label: short(m.text) })),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.linkCase(detail.case.number, committeeId, measureId);
      setMeasureId('');
      onDone(t.caseMeasures.linked);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="link-measure" className="case-measure-form">
      <h3 id="link-measure">{t.caseMeasures.linkHeading}</h3>
      <CommitteeSelect
        committees={committees}
        value={committeeId}
        testId="link-committee"
        onChange={(id) => {
          setCommitteeId(id);
          setMeasureId('');
        }}
      />
      {plan && (
        <LabeledSelect
          label={t.caseMeasures.measure}
          value={measureId}
          testId="link-measure-select"
          onChange={setMeasureId}
          options={[{ value: '', label: t.caseMeasures.choose }, ...options]}
        />
      )}
      <Button type="submit" appearance="primary" disabled={!committeeId || !measureId || busy}>
        {t.caseMeasures.link}
      </Button>
    </form>
  );
}

function NewMeasureForm({ detail, committees, onDone, onError }: FormProps) {
  const { t } = useSession();
  const { committeeId, setCommitteeId, plan } = useCommitteePlan(committees);
  const draft = measureDraftFromCase({
    title: detail.case.title,
    answers: detail.case.answers,
    submitter: detail.case.submitter,
  });
  const [subGoalId, setSubGoalId] = useState('');
  const [text, setText] = useState(draft.text);
  const [responsible, setResponsible] = useState(draft.responsible);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.measureFromCase(detail.case.number, { committeeId, subGoalId, text, responsible });
      setSubGoalId('');
      onDone(t.caseMeasures.created);
    } catch (error) {
      // What they typed stays in the form.
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="new-measure" className="case-measure-form">
      <h3 id="new-measure">{t.caseMeasures.newHeading}</h3>
      <CommitteeSelect
        committees={committees}
        value={committeeId}
        testId="new-measure-committee"
        onChange={(id) => {
          setCommitteeId(id);
          setSubGoalId('');
        }}
      />
      {plan && (
        <LabeledSelect
          label={t.caseMeasures.subGoal}
          value={subGoalId}
          testId="new-measure-subgoal"
          onChange={setSubGoalId}
          options={[
            { value: '', label: t.caseMeasures.choose },
            ...active(plan).map((s) => ({ value: s.id, label: short(s.text) })),
          ]}
        />
      )}
      <Field label={t.caseMeasures.text} required>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" />
      </Field>
      <Field label={t.caseMeasures.responsible}>
        <Input value={responsible} onChange={(_e, d) => setResponsible(d.value)} />
      </Field>
      <Button
        type="submit"
        appearance="primary"
        disabled={!committeeId || !subGoalId || !text.trim() || busy}
      >
        {t.caseMeasures.create}
      </Button>
    </form>
  );
}
