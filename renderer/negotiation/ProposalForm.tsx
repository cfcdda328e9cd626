import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleElement } from '#shared/document/nodes';
import { articleFromText, articleToEditableText } from '#shared/negotiation/articleFromText';
import type { ProposalKind } from '#shared/negotiation/model';

export interface ProposalFormValue {
  kind: ProposalKind;
  rationale: string;
  article?: ArticleElement;
}

/**
 * Writing a proposal: replace the article's text, insert a new article after it, or delete it,
 * always with a rationale. The text is edited as lines: the title first, then "1." clauses,
 * "a)" points and paragraphs; {{variable_id}} keeps a variable.
 */
export function ProposalForm({ base, initialKind = 'replace', onSubmit, onCancel, submitLabel }: { base: ArticleElement; initialKind?: ProposalKind; onSubmit: (value: ProposalFormValue) => Promise<void>; onCancel: () => void; submitLabel: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ProposalKind>(initialKind);
  const [text, setText] = useState(() => (initialKind === 'insert_after' ? '' : articleToEditableText(base)));
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit({ kind, rationale, article: kind === 'delete' ? undefined : articleFromText(base.clauseId, text) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="proposal-form stacked-form" onSubmit={(event) => {
      event.preventDefault();
      void submit();
    }}>
      <fieldset className="row">
        {(['replace', 'insert_after', 'delete'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="proposal-kind" checked={kind === option} onChange={() => {
              setKind(option);
              if (option === 'insert_after') setText('');
              if (option === 'replace') setText(articleToEditableText(base));
            }} /> {t(`negotiation.kind.${option}`)}
          </label>
        ))}
      </fieldset>
      {kind !== 'delete' && (
        <label>
          {t('negotiation.proposedText')}
          <textarea rows={8} value={text} onChange={(event) => setText(event.target.value)} placeholder={t('negotiation.proposedTextHint')} />
        </label>
      )}
      <label>
        {t('negotiation.rationale')}
        <textarea rows={3} value={rationale} onChange={(event) => setRationale(event.target.value)} placeholder={t('negotiation.rationaleHint')} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || rationale.trim() === '' || (kind !== 'delete' && text.trim() === '')}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
