import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds, type DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import { templateLibrary } from '#shared/templates/library';
import type { VariableValue } from '#shared/templates/schema';
import { validateVariableValue } from '#shared/templates/variableValues';
import type { Side } from '#shared/sides';
import { hostClient } from '../api/apiClients';
import { navigate } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAttemptError } from '../components/useAttemptError';
import { newNodeId } from '../editor/ids';
import { joinAsHost } from '../pages/HostDocuments';
import { useLanguage } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useFieldProblems } from '../variables/fieldProblems';
import { VariableField } from '../variables/VariableField';
import { ArticleChooser } from './ArticleChooser';
import { buildDocument, enterpriseFactIds, outlineChoices, partyFactIds } from './wizardModel';

const steps = ['basics', 'enterprise', 'parties', 'articles'] as const;
type Step = (typeof steps)[number];

/**
 * Facts start at the library's defaults, except what only the user knows, which must be typed:
 * names, addresses and the number of workers (the text states it; a default would be invented).
 */
function initialFacts(ids: string[]): Record<string, VariableValue> {
  const library = templateLibrary();
  const facts: Record<string, VariableValue> = {};
  for (const id of ids) {
    const definition = library.variables.find((variable) => variable.id === id);
    if (definition?.default !== undefined && definition.type !== 'text' && definition.type !== 'headcount') facts[id] = definition.default;
  }
  return facts;
}

/**
 * The new-document wizard: kind and language, the enterprise's facts (region for the minimum wage,
 * headcount, sector for the overtime cap), the parties and their representatives, then the articles
 * (recommended ones preselected, with a choice of wording). It produces a structured document.
 */
export function NewDocumentWizard() {
  const { t, i18n } = useTranslation();
  const shownIn = useLanguage();
  const session = useSession();
  const client = useMemo(() => hostClient(session.hostToken), [session.hostToken]);
  const library = templateLibrary();
  const [step, setStep] = useState<Step>('basics');
  const [kind, setKind] = useState<DocumentKind>('enterprise_agreement');
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'vi');
  const [title, setTitle] = useState('');
  const [side, setSide] = useState<Side>('employer');
  const [facts, setFacts] = useState<Record<string, VariableValue>>(() =>
    initialFacts([...enterpriseFactIds('enterprise_agreement'), ...partyFactIds('enterprise_agreement')]),
  );
  const model = useMemo(() => outlineChoices(kind, library), [kind, library]);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(model?.recommended));
  const [wordings, setWordings] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useAttemptError({ kind, language, title, side, facts, chosen: [...chosen], wordings });
  const fieldProblems = useFieldProblems();

  if (!client) {
    return (
      <>
        <AppHeader />
        <main className="page narrow">
          <p>{t('wizard.hostOnly')}</p>
        </main>
      </>
    );
  }

  const chooseKind = (next: DocumentKind) => {
    setKind(next);
    setFacts((current) => ({ ...initialFacts([...enterpriseFactIds(next), ...partyFactIds(next)]), ...current }));
    setChosen(new Set(outlineChoices(next, library)?.recommended));
    setWordings({});
  };

  const definitionOf = (id: string) => library.variables.find((variable) => variable.id === id);
  const stepFacts = step === 'enterprise' ? enterpriseFactIds(kind) : step === 'parties' ? partyFactIds(kind) : [];
  // Why the next step is not open yet, checked with the variables' own definitions: what a field
  // holds as it is typed, else a fact still missing (the number of workers has no default).
  const missingFact = stepFacts.flatMap((id) => {
    const definition = definitionOf(id);
    const invalid = definition ? validateVariableValue(definition, facts[id]) : null;
    return invalid ? [invalid] : [];
  })[0];
  const blockedBy =
    step === 'basics' ? (title.trim() === '' ? t('wizard.titleMissing') : null) : ((fieldProblems.first(stepFacts) ?? missingFact)?.[shownIn] ?? null);
  const stepIndex = steps.indexOf(step);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const built = buildDocument({ kind, language, facts, chosen, wordings }, library, newNodeId);
      const document = await client.call('documents/create', {
        kind,
        title: title.trim(),
        language,
        content: built?.content,
        variables: built?.variables ?? {},
      });
      await joinAsHost(client, session, document, side);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <AppHeader />
      <main className="page wizard">
        <h1>{t('wizard.title')}</h1>
        <ol className="wizard-steps">
          {steps.map((value, index) => (
            <li key={value} className={value === step ? 'current' : index < stepIndex ? 'done' : undefined}>
              {t(`wizard.step.${value}`)}
            </li>
          ))}
        </ol>
        <section>
          {step === 'basics' && (
            <div className="stacked-form">
              <fieldset>
                <legend>{t('host.kind')}</legend>
                {documentKinds.map((option) => (
                  <label key={option} className="choice">
                    <input type="radio" name="kind" checked={kind === option} onChange={() => chooseKind(option)} /> {t(`kind.${option}`)}
                  </label>
                ))}
              </fieldset>
              <label>
                {t('host.documentTitle')}
                <input value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} placeholder={t('host.titlePlaceholder')} />
              </label>
              <label>
                {t('wizard.language')}
                <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
                  <option value="vi">{t('language.vi')}</option>
                  <option value="en">{t('language.en')}</option>
                </select>
              </label>
              <label>
                {t('host.mySide')}
                <select value={side} onChange={(event) => setSide(event.target.value as Side)}>
                  <option value="employer">{t('side.employer')}</option>
                  <option value="union">{t('side.union')}</option>
                </select>
              </label>
            </div>
          )}
          {(step === 'enterprise' || step === 'parties') && (
            <div className="variables-panel">
              {stepFacts.map((id) => {
                const definition = definitionOf(id);
                return definition ? (
                  <VariableField
                    key={id}
                    definition={definition}
                    value={facts[id]}
                    readOnly={false}
                    commitWhileTyping
                    onCommit={(value) => setFacts((current) => ({ ...current, [id]: value }))}
                    onProblem={(problem) => fieldProblems.report(id, problem)}
                  />
                ) : null;
              })}
            </div>
          )}
          {step === 'articles' && model && <ArticleChooser model={model} chosen={chosen} wordings={wordings} onChosen={setChosen} onWordings={setWordings} />}
        </section>
        <ErrorNotice error={error} />
        <div className="row wizard-actions">
          <button type="button" onClick={() => (stepIndex === 0 ? navigate({ page: 'home' }) : setStep(steps[stepIndex - 1] ?? 'basics'))}>
            {stepIndex === 0 ? t('wizard.cancel') : t('wizard.back')}
          </button>
          {step !== 'articles' ? (
            <button
              type="button"
              className="primary"
              disabled={blockedBy !== null}
              aria-describedby={blockedBy ? 'wizard-blocked' : undefined}
              onClick={() => setStep(steps[stepIndex + 1] ?? 'articles')}
            >
              {t('wizard.next')}
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
              {busy ? t('wizard.creating') : t('wizard.create', { count: chosen.size })}
            </button>
          )}
        </div>
        {blockedBy && (
          <p className="hint" id="wizard-blocked" data-testid="wizard-blocked" role="status">
            {t('wizard.blocked', { reason: blockedBy })}
          </p>
        )}
      </main>
    </>
  );
}
