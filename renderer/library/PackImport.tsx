import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { ImportPackResult } from '#shared/api/templates';
import { formatNumber } from '#shared/format/locale';
import { templateLibrary } from '#shared/templates/library';
import { checkTemplatePack, maxPackBytes, type TemplatePack } from '#shared/templates/pack';
import { problemPlace, type PackProblem } from '#shared/templates/packProblems';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/i18n';

type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'problems'; fileName: string; problems: PackProblem[] }
  /** A file this page will not read: larger than a pack may be, or gone since it was chosen. */
  | { step: 'unusable'; fileName: string; why: 'too_large' | 'unreadable'; size: number }
  | { step: 'ready'; fileName: string; text: string; pack: TemplatePack }
  | { step: 'importing'; fileName: string; pack: TemplatePack }
  | { step: 'done'; fileName: string; pack: TemplatePack; result: ImportPackResult }
  | { step: 'failed'; fileName: string; error: unknown };

/**
 * Importing a template pack: the file is checked here first, with the same checks the server runs
 * (shared/templates/pack.ts), and every problem is shown with where it is; only a pack without
 * problems is sent. The server checks it again and imports it all or nothing.
 */
export function PackImport({ client, onImported }: { client: ApiClient; onImported: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again (after correcting it) is a change too
    if (!file) return;
    // A file's size is its UTF-8 byte count: a huge file is refused without being read.
    if (file.size > maxPackBytes) {
      setState({ step: 'unusable', fileName: file.name, why: 'too_large', size: file.size });
      return;
    }
    setState({ step: 'checking', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      // Moved or deleted since it was chosen, or not readable by this user (the browser's words for it are in its own language).
      setState({ step: 'unusable', fileName: file.name, why: 'unreadable', size: file.size });
      return;
    }
    const checked = checkTemplatePack(text, templateLibrary());
    setState(
      checked.ok ? { step: 'ready', fileName: file.name, text, pack: checked.pack } : { step: 'problems', fileName: file.name, problems: checked.problems },
    );
  };

  const send = async (fileName: string, text: string, pack: TemplatePack) => {
    setState({ step: 'importing', fileName, pack });
    try {
      const result = await client.call('templates/importPack', { packJson: text });
      setState({ step: 'done', fileName, pack, result });
      onImported();
    } catch (error) {
      setState({ step: 'failed', fileName, error });
    }
  };

  const isBusy = state.step === 'checking' || state.step === 'importing';
  return (
    <div className="pack-import" aria-busy={isBusy}>
      {/* The browser's own file button speaks the system's language: a label in ours stands for it. */}
      <label className={`file-choice${isBusy ? ' disabled' : ''}`}>
        <input type="file" className="visually-hidden" accept=".json,application/json" disabled={isBusy} onChange={(event) => void choose(event)} />
        {t('library.pack.import')}
      </label>
      {state.step === 'checking' && (
        <p role="status" className="busy">
          {t('library.pack.checking', { file: state.fileName })}
        </p>
      )}
      {state.step === 'problems' && (
        <PackProblems
          fileName={state.fileName}
          problems={state.problems.map((problem) => ({ place: problemPlace(problem)[language], message: problem.message[language] }))}
        />
      )}
      {state.step === 'unusable' && (
        <PackProblems
          fileName={state.fileName}
          problems={[
            {
              place: t('library.pack.wholeFile'),
              message:
                state.why === 'too_large'
                  ? t('library.pack.tooLarge', { size: formatNumber(state.size, language), limit: formatNumber(maxPackBytes, language) })
                  : t('library.pack.unreadable'),
            },
          ]}
        />
      )}
      {state.step === 'ready' && (
        <div className="pack-ready">
          <p>{t('library.pack.ready', { file: state.fileName, templates: state.pack.templates.length, variables: state.pack.variables.length })}</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void send(state.fileName, state.text, state.pack)}>
              {t('library.pack.send')}
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              {t('library.form.cancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'importing' && (
        <p role="status" className="busy">
          {t('library.pack.importing', { file: state.fileName, count: state.pack.templates.length })}
        </p>
      )}
      {state.step === 'done' && <ImportSummary fileName={state.fileName} pack={state.pack} result={state.result} />}
      {state.step === 'failed' && <ErrorNotice error={state.error} />}
    </div>
  );
}

/** Every problem of a refused file, each with where it is (a path into the pack, or a line), in the interface's language. */
function PackProblems({ fileName, problems }: { fileName: string; problems: readonly { place: string; message: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="pack-problems" role="alert">
      <p>{t('library.pack.refused', { file: fileName, count: problems.length })}</p>
      <ol>
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{problem.place}</code>: {problem.message}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** What an import did: templates and variables created, replaced, unchanged, by title. */
function ImportSummary({ fileName, pack, result }: { fileName: string; pack: TemplatePack; result: ImportPackResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const templateTitles = new Map(pack.templates.map((template) => [template.id, template.title[language]]));
  const variableLabels = new Map(pack.variables.map((variable) => [variable.id, variable.label[language]]));
  const outcomes = ['created', 'replaced', 'unchanged'] as const;
  return (
    <div className="import-summary" role="status">
      <p>{t('library.pack.imported', { file: fileName })}</p>
      <dl>
        {outcomes.map((outcome) => (
          <div key={outcome} data-outcome={outcome}>
            <dt>{t(`library.pack.templates.${outcome}`, { count: result.templates[outcome].length })}</dt>
            {result.templates[outcome].map((id) => (
              <dd key={id}>{templateTitles.get(id) ?? id}</dd>
            ))}
          </div>
        ))}
      </dl>
      {pack.variables.length > 0 && (
        <p className="hint">
          {t('library.pack.variablesHeading')}{' '}
          {outcomes.map((outcome) => t(`library.pack.variables.${outcome}`, { count: result.variables[outcome].length })).join(' · ')}
          {result.variables.created.length > 0 && ` (${result.variables.created.map((id) => variableLabels.get(id) ?? id).join(', ')})`}
        </p>
      )}
    </div>
  );
}
