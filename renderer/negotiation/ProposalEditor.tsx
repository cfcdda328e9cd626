import { useCallback, useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Editable, Slate, type RenderElementProps } from 'slate-react';
import * as Y from 'yjs';
import { articleText } from '#shared/document/articles';
import type { ArticleElement, TopLevelBlock } from '#shared/document/nodes';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import type { ProposalKind, ValueChanges } from '#shared/negotiation/model';
import { articleLines, chipText, valueChanges, type RedlineSide } from '#shared/negotiation/positionRedline';
import { variablesUsed } from '#shared/templates/instantiate';
import type { VariableValue } from '#shared/templates/schema';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAttemptError } from '../components/useAttemptError';
import { useLanguage } from '../i18n/i18n';
import { newArticle } from '../editor/commands';
import { createArticleEditor } from '../editor/createArticleEditor';
import type { DocumentEditor } from '../editor/customTypes';
import { ElementView, labelStyle } from '../editor/ElementView';
import { LeafView } from '../editor/LeafView';
import { articleCommandGroups, handleShortcut } from '../editor/shortcuts';
import { Toolbar } from '../editor/Toolbar';
import { useDocumentVariables, VariableEditContext, VariablesContext, type DocumentVariables } from '../variables/documentVariables';
import { useFieldProblems } from '../variables/fieldProblems';
import { VariableField } from '../variables/VariableField';
import { NegotiationDialog } from './NegotiationDialog';
import type { PositionDraft } from './positionDraft';
import { Redline, useChipReading, ValueChangeList } from './Redline';

const articleCommands = articleCommandGroups.flat();
const allKinds: readonly ProposalKind[] = ['replace', 'insert_after', 'delete', 'values'];
type EditedKind = 'replace' | 'insert_after' | 'values';

/** One article in an editor of its own: the document's element views, numbering and chips. */
function ArticleEditorView({ editor, label, readOnly, onChange }: { editor: DocumentEditor; label: string; readOnly: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const renderElement = useCallback(
    (props: RenderElementProps) =>
      props.element.type === 'article' ? (
        <section {...props.attributes} className="article" style={labelStyle('--article-label', label)}>
          {props.children}
        </section>
      ) : (
        <ElementView {...props} />
      ),
    [label],
  );
  const onKeyDown = useCallback((event: KeyboardEvent) => handleShortcut(editor, event, readOnly, articleCommands), [editor, readOnly]);
  return (
    <Slate editor={editor} initialValue={editor.children} onChange={onChange}>
      {!readOnly && <Toolbar groups={articleCommandGroups} />}
      <Editable
        className="document-body proposal-body"
        data-testid="proposal-text"
        renderElement={renderElement}
        renderLeaf={LeafView}
        readOnly={readOnly}
        onKeyDown={onKeyDown}
        spellCheck={false}
        aria-label={readOnly ? t('negotiation.editor.textReadOnly') : t('negotiation.editor.text')}
      />
    </Slate>
  );
}

/**
 * The values a proposal offers, kept apart from the document's while it is written, in a map of
 * their own that its chips read: those proposed (from the start, or typed since), and for every
 * other variable the document's value, followed live (someone may change one meanwhile).
 */
class ProposedValues {
  private readonly scratch = new Y.Doc();
  readonly values = this.scratch.getMap<VariableValue>('values');
  private readonly proposed: Set<string>;

  constructor(
    private readonly document: Y.Map<VariableValue> | null,
    initial: ValueChanges,
  ) {
    this.proposed = new Set(Object.keys(initial));
    for (const [id, value] of Object.entries({ ...(document?.toJSON() as Record<string, VariableValue> | undefined), ...initial })) this.values.set(id, value);
    document?.observe(this.follow);
  }

  private readonly follow = (event: Y.YMapEvent<VariableValue>): void => {
    for (const id of event.keysChanged) if (!this.proposed.has(id)) this.keep(id);
  };

  propose(id: string, value: VariableValue): void {
    this.proposed.add(id);
    this.values.set(id, value);
  }

  /** Back to the document's value: not proposed any more. */
  keep(id: string): void {
    this.proposed.delete(id);
    const now = this.document?.get(id);
    if (now === undefined) this.values.delete(id);
    else this.values.set(id, now);
  }

  /** The values proposed that differ from the document's now. */
  offered(ids: readonly string[]): ValueChanges {
    return Object.fromEntries(
      ids.flatMap((id) => {
        const value = this.values.get(id);
        return this.proposed.has(id) && value !== undefined && value !== this.document?.get(id) ? [[id, value]] : [];
      }),
    );
  }

  destroy(): void {
    this.document?.unobserve(this.follow);
    this.scratch.destroy();
  }
}

function useProposedValues(document: DocumentVariables | null, initial: ValueChanges): { proposed: ProposedValues; variables: DocumentVariables | null } {
  const [proposed] = useState(() => new ProposedValues(document?.values ?? null, initial));
  useEffect(() => () => proposed.destroy(), [proposed]);
  const variables = useMemo(() => (document ? { ...document, values: proposed.values } : null), [document, proposed]);
  return { proposed, variables };
}

export interface ProposalEditorProps {
  title: string;
  /** The article as it is now. */
  base: ArticleElement;
  /** "Điều 5." as the document numbers the article. */
  baseLabel: string;
  /** What the editor opens on: the article now, the position answered, a draft, a package item. */
  initial: PositionDraft;
  /** The position that writing nothing new would repeat (the article now, or the offer answered). */
  reference: PositionDraft;
  kinds?: readonly ProposalKind[];
  /** A lone position needs a rationale; a position put in a package takes the package's. */
  withRationale: boolean;
  submitLabel: string;
  onSubmit: (position: PositionDraft, rationale: string) => Promise<void>;
  /** Puts the position in the package being prepared instead of sending it. */
  onAddToPackage?: (position: PositionDraft) => void;
  onCancel: () => void;
  /** Said above the editor (whose position this answers, where a draft came from). */
  note?: ReactNode;
}

/**
 * Writing a position on an article in the rich editor: amend it, add a new article after it,
 * remove it, or change values it shows. The text keeps its structure (clauses, points, tables) and
 * its chips; beside it, the values the article shows, each with its value now and the value
 * proposed, which the chips show as they are typed.
 */
export function ProposalEditor({
  title,
  base,
  baseLabel,
  initial,
  reference,
  kinds = allKinds,
  withRationale,
  submitLabel,
  onSubmit,
  onAddToPackage,
  onCancel,
  note,
}: ProposalEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const documentVariables = useDocumentVariables();
  const reading = useChipReading();
  const fieldProblems = useFieldProblems();
  const { proposed: offer, variables: proposedVariables } = useProposedValues(documentVariables, initial.values);
  const [kind, setKind] = useState<ProposalKind>(initial.kind);
  const [editors] = useState<Record<EditedKind, DocumentEditor>>(() => ({
    replace: createArticleEditor(initial.kind === 'replace' && initial.article ? initial.article : base),
    insert_after: createArticleEditor(initial.kind === 'insert_after' && initial.article ? initial.article : newArticle()),
    values: createArticleEditor(base),
  }));
  const [, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((version) => version + 1), []);
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<{ id: string; request: number } | null>(null);

  useEffect(() => {
    offer.values.observe(changed);
    return () => offer.values.unobserve(changed);
  }, [offer, changed]);

  const nowValue = (id: string): VariableValue | undefined => documentVariables?.values.get(id);
  const documentValues = (documentVariables?.values.toJSON() ?? {}) as Record<string, VariableValue>;
  const edited = kind === 'delete' ? null : editors[kind];
  const article = edited?.children[0] as ArticleElement | undefined;
  const shownIds = article ? [...variablesUsed([article as TopLevelBlock])] : [];
  // The values the article shows and those the position started with; the procedural facts (the
  // vote, the signing) are the lifecycle's to record, and no position offers them.
  const ids = [...new Set([...shownIds, ...Object.keys(initial.values)])].filter((id) => documentVariables?.lookup(id) !== undefined && !isProceduralFact(id));
  const values: ValueChanges = kind === 'delete' ? {} : offer.offered(ids);

  // Unchanged text with new values is a change of values, not a rewording.
  const offeredKind: ProposalKind =
    kind === 'replace' && article && articleText(article) === articleText(base) && Object.keys(values).length > 0 ? 'values' : kind;
  const position: PositionDraft = {
    clauseId: initial.clauseId,
    kind: offeredKind,
    ...(offeredKind === 'replace' || offeredKind === 'insert_after' ? { article } : {}),
    values,
  };
  const sameValues = (a: ValueChanges, b: ValueChanges) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([id, value]) => b[id] === value);
  const isReference =
    position.kind === reference.kind &&
    (position.kind !== 'replace' && position.kind !== 'insert_after'
      ? true
      : articleText(position.article ?? base) === articleText(reference.article ?? base)) &&
    sameValues(values, reference.values);
  // A value typed that the variable does not accept is not offered: the position waits for it.
  const valueProblem = kind === 'delete' ? null : fieldProblems.first(ids);
  const problem = valueProblem
    ? valueProblem[language]
    : kind === 'insert_after' && article && articleText(article).trim() === ''
      ? t('negotiation.editor.emptyArticle')
      : kind === 'values' && Object.keys(values).length === 0
        ? t('negotiation.editor.noValueChanged')
        : isReference
          ? t('negotiation.editor.nothingChanged')
          : null;
  const rationaleMissing = withRationale && rationale.trim() === '';
  const [error, setError] = useAttemptError({ position, rationale });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(position, rationale);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const label = kind === 'insert_after' ? t('negotiation.editor.newArticleLabel') : baseLabel;
  return (
    <NegotiationDialog title={title} onClose={onCancel} wide testId="proposal-editor">
      {note}
      <fieldset className="row proposal-kinds">
        <legend>{t('negotiation.editor.kindLegend')}</legend>
        {kinds.map((option) => (
          <label key={option}>
            <input type="radio" name="proposal-kind" checked={kind === option} onChange={() => setKind(option)} /> {t(`negotiation.kind.${option}`)}
          </label>
        ))}
      </fieldset>
      <VariablesContext.Provider value={proposedVariables}>
        <VariableEditContext.Provider value={(id) => setFocus((previous) => ({ id, request: (previous?.request ?? 0) + 1 }))}>
          <div className="proposal-editor-layout">
            <div className="proposal-editor-text">
              {kind === 'delete' ? (
                <>
                  <p className="hint">{t('negotiation.editor.deleteHint')}</p>
                  <RemovedArticle base={base} variables={documentVariables} />
                </>
              ) : (
                <>
                  {kind === 'values' && <p className="hint">{t('negotiation.editor.valuesHint')}</p>}
                  <ArticleEditorView key={kind} editor={editors[kind]} label={label} readOnly={kind === 'values'} onChange={changed} />
                </>
              )}
            </div>
            {kind !== 'delete' && (
              <section className="proposal-values" aria-label={t('negotiation.editor.valuesTitle')}>
                <h3>{t('negotiation.editor.valuesTitle')}</h3>
                {ids.length === 0 && <p className="empty-state">{t('negotiation.editor.noValues')}</p>}
                {ids.map((id) => {
                  const definition = documentVariables?.lookup(id);
                  if (!definition) return null;
                  const now = nowValue(id);
                  const proposed = offer.values.get(id);
                  const isChanged = id in values;
                  return (
                    <div key={id} className={`proposal-value${isChanged ? ' changed' : ''}`} data-testid="proposal-value">
                      <VariableField
                        definition={definition}
                        value={proposed}
                        readOnly={false}
                        commitWhileTyping
                        focusRequest={focus?.id === id ? focus.request : undefined}
                        onCommit={(value) => offer.propose(id, value)}
                        onProblem={(invalid) => fieldProblems.report(id, invalid)}
                      />
                      <p className="hint">
                        {t('negotiation.editor.valueNow', { value: now === undefined ? t('negotiation.noValue') : chipText(id, { [id]: now }, reading).text })}
                        {isChanged && (
                          <>
                            {' '}
                            <button type="button" className="link" onClick={() => offer.keep(id)}>
                              {t('negotiation.editor.keepValue')}
                            </button>
                          </>
                        )}
                      </p>
                    </div>
                  );
                })}
              </section>
            )}
          </div>
        </VariableEditContext.Provider>
      </VariablesContext.Provider>
      {Object.keys(values).length > 0 && (
        <div className="proposal-offer">
          <p>{t('negotiation.editor.offers')}</p>
          <ValueChangeList changes={valueChanges(Object.keys(values), documentValues, { ...documentValues, ...values }, reading)} />
        </div>
      )}
      {withRationale && (
        <label className="proposal-rationale">
          {t('negotiation.rationale')}
          <textarea rows={3} value={rationale} onChange={(event) => setRationale(event.target.value)} placeholder={t('negotiation.rationaleHint')} />
        </label>
      )}
      <ErrorNotice error={error} />
      {(problem || rationaleMissing) && (
        <p className="hint" role="status" data-testid="proposal-problem">
          {problem ?? t('negotiation.editor.rationaleMissing')}
        </p>
      )}
      <div className="row modal-actions">
        <button type="button" className="primary" disabled={busy || problem !== null || rationaleMissing} onClick={() => void submit()}>
          {submitLabel}
        </button>
        {onAddToPackage && (
          <button type="button" disabled={busy || problem !== null} onClick={() => onAddToPackage(position)}>
            {t('negotiation.package.add')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </NegotiationDialog>
  );
}

/** The article a removal would take away, struck through, with the document's values. */
function RemovedArticle({ base, variables }: { base: ArticleElement; variables: DocumentVariables | null }) {
  const before = useMemo<RedlineSide>(
    () => ({ lines: articleLines(base), isMarked: true, values: (variables?.values.toJSON() ?? {}) as Record<string, VariableValue> }),
    [base, variables],
  );
  const after = useMemo<RedlineSide>(() => ({ lines: null, isMarked: true, values: {} }), []);
  return <Redline before={before} after={after} />;
}
