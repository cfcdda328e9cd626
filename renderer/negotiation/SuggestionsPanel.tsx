import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { Editor, Element, Node, Text } from 'slate';
import type { ApiClient } from '#shared/api/client';
import { computeNumbering } from '#shared/document/numbering';
import type { TopLevelBlock } from '#shared/document/nodes';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { Language } from '#shared/format/locale';
import type { SuggestingRequired } from '#shared/api/suggestions';
import type { CostingBasis } from '#shared/costing/negotiationCosting';
import { suggestedValueChange } from '#shared/negotiation/suggestionPositions';
import { suggestingSettings, type SuggestionDecision, type SuggestionRecord } from '#shared/negotiation/suggestions';
import { settingsRootName } from '#shared/document/yjsContent';
import type { Side } from '#shared/sides';
import { ErrorNotice } from '../components/ErrorNotice';
import { SideBadge } from '../components/SideBadge';
import { useActionRunner } from '../components/useActionRunner';
import { isSuggestableBlock } from '../editor/blockSuggestions';
import type { DocumentEditor } from '../editor/customTypes';
import { describeFormatChange } from '../editor/formatChange';
import { selectAndShow } from '../editor/reveal';
import { requestVariableEdit, useDocumentVariables } from '../variables/documentVariables';
import { usePendingSuggestions, type PendingSuggestion } from './pendingSuggestions';
import { useDescribeValue } from './valueChange';
import { BlockChange } from './BlockChange';
import { useCostingBasis, useDocumentValues } from './negotiationView';
import { CostLine } from './PositionCost';
import { WordSuggestionsImport } from './WordSuggestionsImport';

/** Selects a suggestion's text (its runs, or its blocks) in the editor and scrolls it into view. */
function revealSuggestion(editor: DocumentEditor, id: string): void {
  const runs = [
    ...Editor.nodes(editor, {
      at: [],
      mode: 'highest',
      match: (node) =>
        (Text.isText(node) || isSuggestableBlock(node)) &&
        (node.suggestInsert === id || node.suggestDelete === id || (Text.isText(node) && node.suggestFormat === id)),
    }),
  ];
  const first = runs[0];
  const last = runs.at(-1);
  if (!first || !last) return;
  selectAndShow(editor, { anchor: Editor.start(editor, first[1]), focus: Editor.end(editor, last[1]) }, first[1], 'center');
}

/** What a suggested wage value costs, as its side's position would (decided on with it in view). */
function SuggestedValueCost({ value, costing }: { value: NonNullable<SuggestionRecord['value']>; costing: CostingBasis }) {
  const position = useMemo(() => suggestedValueChange(value), [value]);
  return <CostLine position={position} costing={costing} />;
}

/** Article headings by clauseId: "Điều 3. Tiền lương", numbered as readers count. */
function articleHeadings(editor: DocumentEditor): Map<string, { number: number; title: string }> {
  const numbering = computeNumbering(editor.children as TopLevelBlock[]);
  const headings = new Map<string, { number: number; title: string }>();
  for (const [node] of Editor.nodes(editor, { at: [], match: (candidate) => Element.isElement(candidate) && candidate.type === 'article' })) {
    if (Element.isElement(node) && node.type === 'article')
      headings.set(node.clauseId, { number: numbering.articles.get(node.clauseId) ?? 0, title: Node.string(node.children[0] ?? { text: '' }) });
  }
  return headings;
}

interface SuggestionsPanelProps {
  editor: DocumentEditor;
  client: ApiClient;
  documentId: string;
  side: Side;
  readOnly: boolean;
}

/**
 * The review list (decision 0024): pending suggestions grouped by article and side, with counts
 * and next/previous; the other side accepts or rejects (one, an article's, an author's, all),
 * one's own side withdraws. Each decision names the text as shown here: one that changed since is
 * refused, and nothing is decided.
 */
export function SuggestionsPanel({ editor, client, documentId, side, readOnly }: SuggestionsPanelProps) {
  const { t, i18n } = useTranslation();
  const doc = editor.sharedRoot.doc;
  if (!doc) throw new Error('the editor is not bound to a document');
  const pending = usePendingSuggestions(doc);
  const [current, setCurrent] = useState(0);
  const { run, notice, error } = useActionRunner(async () => undefined);
  const headings = useMemo(() => articleHeadings(editor), [editor, pending]);
  const bargaining = side !== 'reviewer' && !readOnly;
  const isOthers = (suggestion: PendingSuggestion) => suggestion.record.side !== side;
  const language = i18n.language as Language;
  const describeValue = useDescribeValue();
  const costing = useCostingBasis(useDocumentValues(useDocumentVariables()));
  const reveal = (suggestion: PendingSuggestion) =>
    suggestion.record.value ? requestVariableEdit(suggestion.record.value.variableId) : revealSuggestion(editor, suggestion.id);

  const decide = (decision: SuggestionDecision, chosen: readonly PendingSuggestion[]) =>
    run(
      () =>
        client.call('suggestions/decide', {
          documentId,
          decision,
          suggestions: chosen.map(({ id, inserted, deleted, format, blocks }) => ({ id, inserted, deleted, format, blocks })),
        }),
      t(`suggestions.decided_${decision}`),
    );

  const groups = useMemo(() => {
    const byArticle = new Map<string | null, PendingSuggestion[]>();
    for (const suggestion of pending) byArticle.set(suggestion.clauseId, [...(byArticle.get(suggestion.clauseId) ?? []), suggestion]);
    return [...byArticle];
  }, [pending]);
  const others = pending.filter(isOthers);
  const own = pending.filter((suggestion) => !isOthers(suggestion));
  const authors = [...new Map(others.map((suggestion) => [suggestion.record.authorId, suggestion.record.authorName]))];

  const go = (step: 1 | -1) => {
    if (pending.length === 0) return;
    const next = (current + step + pending.length) % pending.length;
    setCurrent(next);
    const target = pending[next];
    if (target) reveal(target);
  };

  return (
    <section className="suggestions-panel" aria-label={t('suggestions.title')} data-testid="suggestions-panel">
      <RequiredSetting doc={doc} client={client} documentId={documentId} side={side} readOnly={readOnly} run={run} />
      <p className="suggestion-counts" data-testid="suggestion-counts">
        {t('suggestions.count', { count: pending.length })}
        {(['employer', 'union'] as const).map((counted) => (
          <span key={counted}>
            {' '}
            · {t('suggestions.bySide', { side: t(`side.${counted}`), count: pending.filter((s) => s.record.side === counted).length })}
          </span>
        ))}
      </p>
      <div className="row">
        <button type="button" onClick={() => go(-1)} disabled={pending.length === 0}>
          {t('suggestions.previous')}
        </button>
        <button type="button" onClick={() => go(1)} disabled={pending.length === 0}>
          {t('suggestions.next')}
        </button>
      </div>
      {bargaining && (others.length > 0 || own.length > 0) && (
        <div className="row">
          {others.length > 0 && (
            <>
              <button type="button" onClick={() => void decide('accept', others)}>
                {t('suggestions.acceptAll')}
              </button>
              <button type="button" onClick={() => void decide('reject', others)}>
                {t('suggestions.rejectAll')}
              </button>
              {authors.length > 1 &&
                authors.map(([authorId, name]) => (
                  <button
                    key={authorId}
                    type="button"
                    onClick={() =>
                      void decide(
                        'accept',
                        others.filter((s) => s.record.authorId === authorId),
                      )
                    }
                  >
                    {t('suggestions.acceptAuthor', { name })}
                  </button>
                ))}
            </>
          )}
          {own.length > 0 && (
            <button type="button" onClick={() => void decide('withdraw', own)}>
              {t('suggestions.withdrawAll')}
            </button>
          )}
        </div>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={error} />
      {pending.length === 0 && <p className="empty-state">{t('suggestions.none')}</p>}
      {bargaining && <WordSuggestionsImport client={client} documentId={documentId} />}
      {groups.map(([clauseId, items]) => {
        const heading = clauseId === null ? undefined : headings.get(clauseId);
        const othersHere = items.filter(isOthers);
        return (
          <section key={clauseId ?? 'outside'} className="suggestion-group" data-testid="suggestion-group">
            <h3>{heading ? t('suggestions.articleHeading', { number: heading.number, title: heading.title }) : t('suggestions.outsideArticles')}</h3>
            {bargaining && othersHere.length > 1 && (
              <div className="row">
                <button type="button" onClick={() => void decide('accept', othersHere)}>
                  {t('suggestions.acceptArticle')}
                </button>
                <button type="button" onClick={() => void decide('reject', othersHere)}>
                  {t('suggestions.rejectArticle')}
                </button>
              </div>
            )}
            <ul>
              {items.map((suggestion) => (
                <li key={suggestion.id} className={`suggestion-item side-${suggestion.record.side}`} data-testid="suggestion-item">
                  <button type="button" className="link" onClick={() => reveal(suggestion)}>
                    {suggestion.blocks && <BlockChange blocks={suggestion.blocks} side={suggestion.record.side} />}
                    {suggestion.deleted && <del className={`suggestion suggestion-delete side-${suggestion.record.side}`}>{suggestion.deleted}</del>}
                    {suggestion.inserted && <ins className={`suggestion suggestion-insert side-${suggestion.record.side}`}>{suggestion.inserted}</ins>}
                    {suggestion.format && (
                      <span className={`suggestion suggestion-format side-${suggestion.record.side}`}>
                        {t('suggestions.formatChange', { change: describeFormatChange(t, suggestion.format, language), text: suggestion.format.text })}
                      </span>
                    )}
                    {suggestion.record.value && (
                      <span className={`suggestion suggestion-value side-${suggestion.record.side}`}>{describeValue(suggestion.record.value)}</span>
                    )}
                  </button>
                  {suggestion.record.value && <SuggestedValueCost value={suggestion.record.value} costing={costing} />}
                  <p className="hint">
                    <SideBadge side={suggestion.record.side} />{' '}
                    {t('suggestions.byLine', {
                      name: suggestion.record.authorName,
                      at: formatVietnamDateTime(suggestion.record.createdAt, i18n.language as Language),
                    })}
                  </p>
                  {bargaining && (
                    <div className="row">
                      {isOthers(suggestion) ? (
                        <>
                          <button type="button" onClick={() => void decide('accept', [suggestion])}>
                            {t('suggestions.accept')}
                          </button>
                          <button type="button" onClick={() => void decide('reject', [suggestion])}>
                            {t('suggestions.reject')}
                          </button>
                        </>
                      ) : (
                        <button type="button" onClick={() => void decide('withdraw', [suggestion])}>
                          {t('suggestions.withdraw')}
                        </button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

/** Whether suggesting is required, and the button by which a side asks for the change or agrees to it. */
function RequiredSetting({
  doc,
  client,
  documentId,
  side,
  readOnly,
  run,
}: {
  doc: Y.Doc;
  client: ApiClient;
  documentId: string;
  side: Side;
  readOnly: boolean;
  run: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { required, request } = useSuggestingSettings(doc);
  const othersAsk = request !== null && request.side !== side && request.required !== required;
  const label = othersAsk
    ? t(required ? 'suggestions.requireLiftAgree' : 'suggestions.requireAgree')
    : t(required ? 'suggestions.requireLiftAsk' : 'suggestions.requireAsk');
  return (
    <div className="suggesting-required" data-testid="suggesting-required">
      <p>{t(required ? 'suggestions.required' : 'suggestions.notRequired')}</p>
      {request && (
        <p className="hint">
          {t('suggestions.requested', {
            side: t(`side.${request.side}`),
            what: t(request.required ? 'suggestions.requestedRequire' : 'suggestions.requestedLift'),
          })}
        </p>
      )}
      {side !== 'reviewer' && !readOnly && !(request?.side === side) && (
        <button type="button" onClick={() => void run(() => client.call('suggestions/setRequired', { documentId, required: !required }))}>
          {label}
        </button>
      )}
    </div>
  );
}

/** Whether suggesting is required in a document and the pending request, followed live. */
function useSuggestingSettings(doc: Y.Doc): SuggestingRequired {
  const [settings, setSettings] = useState(() => suggestingSettings(doc));
  useEffect(() => {
    const map = doc.getMap<unknown>(settingsRootName);
    const update = () => setSettings(suggestingSettings(doc));
    map.observe(update);
    update();
    return () => map.unobserve(update);
  }, [doc]);
  return settings;
}
