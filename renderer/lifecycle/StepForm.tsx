import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Authority } from '#shared/api/access';
import type { ApiClient } from '#shared/api/client';
import type { LifecycleView, OpenItems } from '#shared/api/lifecycle';
import type { DocumentKind } from '#shared/documents/kinds';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { voteGroupSchema, type LifecycleActionType, type LifecycleStepInput, type Signature } from '#shared/lifecycle/model';
import type { BargainingSide } from '#shared/negotiation/model';
import { countVote, describeVote, voteInputProblem } from '#shared/lifecycle/vote';
import type { Side } from '#shared/sides';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAttemptError } from '../components/useAttemptError';
import { useLanguage } from '../i18n/i18n';
import { OpenViolations } from './VoteGate';

type Values = Record<string, string>;

/**
 * The steps taken through a form (the authority answers on the review page; articles are left out
 * from the vote gate; the salary scale's steps are taken from its tab, ScaleProcedure.tsx).
 */
export type FormStep = Exclude<
  LifecycleActionType,
  'record_authority_answer' | 'leave_out_article' | 'withdraw_leave_out' | 'record_scale_consultation' | 'publish_salary_scale'
>;

/** Values of the text a form starts from: the effective date and term, who signs for each side and where. */
export interface TextValues {
  effectiveDate?: string;
  termYears?: number;
  signers: Record<BargainingSide, { name: string; title: string }>;
  place: string;
}

export interface StepFormProps {
  type: FormStep;
  view: LifecycleView;
  client: ApiClient;
  side: Side | null;
  textValues: TextValues;
  /** What is open before the vote, fetched again when the union asks to put the draft to the vote. */
  openItems?: () => Promise<OpenItems | null>;
  onDone: (view: LifecycleView) => void;
}

const optional = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);
const whole = (value: string | undefined): number => Number.parseInt(value ?? '', 10);

/** One vote count: the enterprise (multi-enterprise), who is counted, the ballots, the votes in favour. */
interface VoteRow {
  name: string;
  eligible: string;
  votesCast: string;
  inFavour: string;
}

function voteGroups(rows: readonly VoteRow[]) {
  return rows.map((row) => ({
    name: row.name.trim(),
    eligible: whole(row.eligible),
    inFavour: whole(row.inFavour),
    ...(row.votesCast.trim() === '' ? {} : { votesCast: whole(row.votesCast) }),
  }));
}

function stepInput(type: FormStep, values: Values, rows: readonly VoteRow[], view: LifecycleView): LifecycleStepInput {
  switch (type) {
    case 'request_bargaining':
      return { type, requestReceivedOn: values.date ?? '', requestedBy: values.requestedBy === 'employer' ? 'employer' : 'union' };
    case 'record_bargaining_dates':
      return {
        type,
        logisticsAgreedOn: optional(values.logisticsAgreedOn),
        startedOn: optional(values.startedOn),
        conclusionAgreedBy: optional(values.conclusionAgreedBy),
      };
    case 'open_vote':
      return { type, concludedOn: optional(values.date), override: optional(values.override) };
    case 'return_to_bargaining':
      return { type, reason: optional(values.reason) };
    case 'record_vote':
      return { type, votedOn: values.date ?? '', groups: voteGroups(rows) };
    case 'sign': {
      const signature = {
        type,
        signedOn: values.date ?? '',
        representative: { name: values.representativeName ?? '', title: values.representativeTitle ?? '' },
        place: values.place ?? '',
      };
      // The second signature takes the terms of the first (the server refuses different ones).
      return otherSignature(view, values.side) ? signature : { ...signature, effectiveOn: optional(values.effectiveOn), termMonths: whole(values.termMonths) };
    }
    case 'send_to_authority':
      return { type, sentOn: values.date ?? '', ...authorityNamed(values) };
    case 'open_amendment':
      return {
        type,
        requestReceivedOn: values.date ?? '',
        reason: optional(values.reason),
        ...(values.requestedBy === 'employer' || values.requestedBy === 'union' ? { requestedBy: values.requestedBy } : {}),
      };
    case 'start_consultation':
      return { type, sentOn: values.date ?? '' };
    case 'record_union_opinion':
      return { type, receivedOn: values.date ?? '', opinion: values.opinion ?? '' };
    case 'issue':
      return { type, issuedOn: values.date ?? '', withoutUnion: values.withoutUnion === 'yes' };
    case 'send_registration':
      return {
        type,
        filedOn: values.date ?? '',
        ...authorityNamed(values),
        dossier: {
          request: values.request === 'yes',
          regulations: values.regulations === 'yes',
          unionOpinion: values.unionOpinion === 'yes',
          disciplineDocuments: values.discipline === 'included' || values.discipline === 'missing' ? values.discipline : 'none',
        },
      };
  }
}

/** The authority a sending goes to: one of the deployment's (by id), else one written in words. */
function authorityNamed(values: Values): { authorityId: string } | { authority: string | undefined } {
  return values.authorityId ? { authorityId: values.authorityId } : { authority: optional(values.authority) };
}

/** The other side's signature, if it has signed: the one a signature now joins. */
function otherSignature(view: LifecycleView, side: string | undefined): Signature | undefined {
  return side === 'employer' ? view.current.signatures.union : side === 'union' ? view.current.signatures.employer : undefined;
}

/** Which label the main date of each step has. */
const dateField: Record<FormStep, 'requestReceivedOn' | 'concludedOn' | 'votedOn' | 'signedOn' | 'sentOn' | 'receivedOn' | 'issuedOn' | 'filedOn' | null> = {
  request_bargaining: 'requestReceivedOn',
  record_bargaining_dates: null,
  open_vote: 'concludedOn',
  return_to_bargaining: null,
  record_vote: 'votedOn',
  sign: 'signedOn',
  send_to_authority: 'sentOn',
  open_amendment: 'requestReceivedOn',
  start_consultation: 'sentOn',
  record_union_opinion: 'receivedOn',
  issue: 'issuedOn',
  send_registration: 'filedOn',
};

/** The label of each paper of the registration dossier (Art. 120). */
const dossierLabel = {
  request: 'lifecycle.field.dossierRequest',
  regulations: 'lifecycle.field.dossierRegulations',
  unionOpinion: 'lifecycle.field.dossierUnionOpinion',
} as const;

function initialValues(props: StepFormProps, authority: string): Values {
  const side = props.side === 'employer' || props.side === 'union' ? props.side : 'union';
  const term = props.textValues.termYears === undefined ? 36 : Math.round(props.textValues.termYears * 12);
  const signer = props.textValues.signers[side];
  return {
    date: props.view.today,
    requestedBy: side,
    side,
    authority,
    termMonths: String(term),
    effectiveOn: props.textValues.effectiveDate ?? '',
    representativeName: signer.name,
    representativeTitle: signer.title,
    place: props.textValues.place,
    request: 'yes',
    regulations: 'yes',
    unionOpinion: props.view.current.issue?.withoutUnion ? 'no' : 'yes',
    discipline: 'none',
    withoutUnion: 'no',
  };
}

/** Before the draft goes to the vote: what is still open, and the union's confirmation (with its reason when articles are neither agreed nor left out). */
function VoteConfirmation({
  items,
  values,
  set,
  onCancel,
}: {
  items: OpenItems;
  values: Values;
  set: (name: string) => (event: { target: { value: string } }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const blocking = items.notAgreed.filter((article) => article.leftOut === null);
  const leftOut = items.notAgreed.length - blocking.length;
  return (
    <fieldset className="vote-confirmation" data-testid="vote-confirmation">
      <legend>{t('lifecycle.gate.confirmTitle')}</legend>
      <p>{t('lifecycle.gate.counts', { agreed: items.agreedCount, count: items.articleCount })}</p>
      {blocking.length > 0 && (
        <>
          <p className="notice">{t('lifecycle.gate.blocking', { count: blocking.length })}</p>
          <ul data-testid="confirmation-blocking">
            {blocking.map((article) => (
              <li key={article.clauseId}>{t('negotiation.articleRef', { number: article.number, title: article.title })}</li>
            ))}
          </ul>
          <label>
            {t('lifecycle.gate.override')}
            <textarea name="override" value={values.override ?? ''} onChange={set('override')} required rows={3} />
          </label>
        </>
      )}
      {leftOut > 0 && <p>{t('lifecycle.gate.confirmLeftOut', { count: leftOut })}</p>}
      {items.violations.length > 0 && (
        <>
          <p>{t('lifecycle.gate.confirmViolations', { count: items.violations.length })}</p>
          <OpenViolations items={items} />
        </>
      )}
      <p>{t('lifecycle.gate.confirmFrozen')}</p>
      <button type="button" onClick={onCancel}>
        {t('lifecycle.gate.cancel')}
      </button>
    </fieldset>
  );
}

/** A form for one step of the lifecycle; the server checks it against the law and says why not. */
export function StepForm(props: StepFormProps) {
  const { type, view, client } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<Values>(() => initialValues(props, t('lifecycle.field.authorityDefault')));
  const [rows, setRows] = useState<VoteRow[]>([{ name: '', eligible: '', votesCast: '', inFavour: '' }]);
  const [error, setError] = useAttemptError({ values, rows });
  const [busy, setBusy] = useState(false);
  // Putting the draft to the vote asks first: what is open now, then the union confirms.
  const [confirming, setConfirming] = useState<OpenItems | null>(null);
  const set = (name: string) => (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [name]: event.target.value }));
  const kind: DocumentKind = view.kind;
  const sending = type === 'send_to_authority' || type === 'send_registration';
  // The deployment's authorities (hosted mode): the first is chosen; none, the authority is written in words as before.
  const [authorities, setAuthorities] = useState<Authority[]>([]);
  useEffect(() => {
    if (!sending) return;
    client.call('authorities/list', {}).then(
      (list) => {
        setAuthorities(list);
        setValues((previous) => ({ ...previous, authorityId: previous.authorityId ?? list[0]?.id ?? '' }));
      },
      () => setAuthorities([]),
    );
  }, [client, sending]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (type === 'open_vote' && confirming === null && props.openItems) {
        setConfirming(await props.openItems());
        return;
      }
      const withOverride = type === 'open_vote' && confirming !== null && confirming.blockingCount > 0 ? values : { ...values, override: '' };
      props.onDone(await client.call('lifecycle/step', { documentId: view.documentId, step: stepInput(type, withOverride, rows, view) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const other = type === 'sign' ? otherSignature(view, values.side) : undefined;

  const date = dateField[type];
  const input = (name: string, label: string, inputType: 'date' | 'text' | 'number' = 'date', required = false) => (
    <label key={name}>
      {label}
      <input type={inputType} name={name} value={values[name] ?? ''} onChange={set(name)} required={required} />
    </label>
  );
  // The count is checked as it is typed, by the rules the server applies (the groups' schema, then
  // whether they add up): a count the server would refuse is said so, never previewed as passing.
  const groups = voteGroups(rows);
  const isCountTyped =
    type === 'record_vote' &&
    rows.every((row) => row.eligible.trim() !== '' && row.inFavour.trim() !== '' && (kind !== 'multi_enterprise_agreement' || row.name.trim() !== ''));
  const voteProblem = !isCountTyped
    ? null
    : !groups.every((group) => voteGroupSchema.safeParse(group).success)
      ? t('lifecycle.voteNumbers')
      : (voteInputProblem(kind, groups)?.[language] ?? null);
  const preview = isCountTyped && voteProblem === null ? describeVote(countVote(kind, values.date ?? view.today, groups))[language] : null;

  return (
    <form className="step-form" data-testid={`step-${type}`} onSubmit={(event) => void submit(event)}>
      <h4>{t(`lifecycle.step.${type}`)}</h4>
      {date && (
        <label>
          {t(`lifecycle.field.${date}`)}
          <input type="date" name="date" value={values.date ?? ''} onChange={set('date')} required={type !== 'open_vote'} />
        </label>
      )}
      {(type === 'request_bargaining' || (type === 'open_amendment' && kind !== 'labour_regulations')) && (
        <label>
          {t('lifecycle.field.requestedBy')}
          <select name="requestedBy" value={values.requestedBy} onChange={set('requestedBy')}>
            <option value="union">{t('side.union')}</option>
            <option value="employer">{t('side.employer')}</option>
          </select>
        </label>
      )}
      {type === 'record_bargaining_dates' && [
        input('logisticsAgreedOn', t('lifecycle.field.logisticsAgreedOn')),
        input('startedOn', t('lifecycle.field.startedOn')),
        input('conclusionAgreedBy', t('lifecycle.field.conclusionAgreedBy')),
      ]}
      {(type === 'return_to_bargaining' || type === 'open_amendment') && input('reason', t('lifecycle.field.reason'), 'text')}
      {type === 'record_vote' && (
        <fieldset className="vote-rows">
          {rows.map((row, index) => {
            const change = (field: keyof VoteRow) => (event: { target: { value: string } }) =>
              setRows((previous) => previous.map((candidate, position) => (position === index ? { ...candidate, [field]: event.target.value } : candidate)));
            return (
              <div className="vote-row" key={index}>
                {kind === 'multi_enterprise_agreement' && (
                  <label>
                    {t('lifecycle.field.enterpriseName')}
                    <input value={row.name} onChange={change('name')} required />
                  </label>
                )}
                <label>
                  {t(kind === 'enterprise_agreement' ? 'lifecycle.field.eligibleEnterprise' : 'lifecycle.field.eligibleConsulted')}
                  <input type="number" min={1} name="eligible" value={row.eligible} onChange={change('eligible')} required />
                </label>
                <label>
                  {t('lifecycle.field.votesCast')}
                  <input type="number" min={0} name="votesCast" value={row.votesCast} onChange={change('votesCast')} />
                </label>
                <label>
                  {t('lifecycle.field.inFavour')}
                  <input type="number" min={0} name="inFavour" value={row.inFavour} onChange={change('inFavour')} required />
                </label>
                {rows.length > 1 && (
                  <button type="button" onClick={() => setRows((previous) => previous.filter((_, position) => position !== index))}>
                    {t('lifecycle.field.removeEnterprise')}
                  </button>
                )}
              </div>
            );
          })}
          {kind === 'multi_enterprise_agreement' && (
            <button type="button" onClick={() => setRows((previous) => [...previous, { name: '', eligible: '', votesCast: '', inFavour: '' }])}>
              {t('lifecycle.field.addEnterprise')}
            </button>
          )}
          {preview && (
            <p className="vote-preview" data-testid="vote-preview">
              {t('lifecycle.votePreview', { text: preview })}
            </p>
          )}
          {voteProblem && (
            <p className="field-problem" id={`${type}-problem`} data-testid="vote-problem" role="alert">
              {voteProblem}
            </p>
          )}
        </fieldset>
      )}
      {type === 'sign' && [
        input('representativeName', t('lifecycle.field.representativeName'), 'text', true),
        input('representativeTitle', t('lifecycle.field.representativeTitle'), 'text', true),
        input('place', t('lifecycle.field.place'), 'text', true),
      ]}
      {type === 'sign' &&
        (other ? (
          <p className="muted" data-testid="other-terms">
            {t('lifecycle.signatures.otherTerms', {
              side: t(`lifecycle.signatures.side.${other.side}`),
              months: other.termMonths,
              effective: other.effectiveOn ? t('lifecycle.signatures.effective', { date: formatIsoDate(other.effectiveOn) }) : '',
            })}
          </p>
        ) : (
          [input('effectiveOn', t('lifecycle.field.effectiveOn')), input('termMonths', t('lifecycle.field.termMonths'), 'number', true)]
        ))}
      {type === 'open_vote' && confirming && <VoteConfirmation items={confirming} values={values} set={set} onCancel={() => setConfirming(null)} />}
      {sending && authorities.length > 0 && (
        <label>
          {t('lifecycle.field.authorityChoice')}
          <select name="authorityId" value={values.authorityId ?? ''} onChange={set('authorityId')}>
            {authorities.map((authority) => (
              <option key={authority.id} value={authority.id}>
                {authority.name}
              </option>
            ))}
            <option value="">{t('lifecycle.field.authorityOther')}</option>
          </select>
        </label>
      )}
      {sending && !values.authorityId && input('authority', t('lifecycle.field.authority'), 'text')}
      {type === 'record_union_opinion' && (
        <label>
          {t('lifecycle.field.opinion')}
          <textarea name="opinion" value={values.opinion ?? ''} onChange={set('opinion')} required rows={3} />
        </label>
      )}
      {type === 'issue' && view.state === 'drafting' && (
        <label className="check">
          <input
            type="checkbox"
            checked={values.withoutUnion === 'yes'}
            onChange={(event) => setValues((previous) => ({ ...previous, withoutUnion: event.target.checked ? 'yes' : 'no' }))}
          />
          {t('lifecycle.field.withoutUnion')}
        </label>
      )}
      {type === 'send_registration' && (
        <fieldset>
          <legend>{t('lifecycle.field.dossier')}</legend>
          {(['request', 'regulations', 'unionOpinion'] as const).map((item) => (
            <label className="check" key={item}>
              <input
                type="checkbox"
                checked={values[item] === 'yes'}
                onChange={(event) => setValues((previous) => ({ ...previous, [item]: event.target.checked ? 'yes' : 'no' }))}
              />
              {t(dossierLabel[item])}
            </label>
          ))}
          <label>
            {t('lifecycle.field.disciplineDocuments')}
            <select value={values.discipline} onChange={set('discipline')}>
              {(['none', 'included', 'missing'] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`lifecycle.field.discipline.${option}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
      <ErrorNotice error={error} />
      <button type="submit" className="primary" disabled={busy || voteProblem !== null} aria-describedby={voteProblem ? `${type}-problem` : undefined}>
        {type === 'open_vote' && confirming ? t('lifecycle.gate.confirm') : t(`lifecycle.step.${type}`)}
      </button>
    </form>
  );
}
