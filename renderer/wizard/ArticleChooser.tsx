import { useTranslation } from 'react-i18next';
import type { ArticleTemplate, DocumentOutline } from '#shared/templates/schema';
import { useLanguage } from '../i18n/i18n';

export interface ArticleChooserProps {
  model: { outline: DocumentOutline; byId: Map<string, ArticleTemplate>; recommended: Set<string> };
  chosen: Set<string>;
  wordings: Record<string, string>;
  onChosen: (chosen: Set<string>) => void;
  onWordings: (wordings: Record<string, string>) => void;
}

/** The outline chapter by chapter: which articles to include, and which wording for each. */
export function ArticleChooser({ model, chosen, wordings, onChosen, onWordings }: ArticleChooserProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChosen(next);
  };
  return (
    <div className="article-chooser">
      <div className="row">
        <button type="button" onClick={() => onChosen(new Set(model.recommended))}>
          {t('wizard.recommended')}
        </button>
        <button type="button" onClick={() => onChosen(new Set(model.outline.chapters.flatMap((c) => c.articles)))}>
          {t('wizard.all')}
        </button>
        <button type="button" onClick={() => onChosen(new Set())}>
          {t('wizard.none')}
        </button>
        <span className="hint">{t('wizard.chosenCount', { count: chosen.size })}</span>
      </div>
      {model.outline.chapters.map((chapter) => (
        <fieldset key={chapter.id}>
          <legend>{chapter.title[language]}</legend>
          {chapter.articles.map((id) => {
            const template = model.byId.get(id);
            if (!template) return null;
            return (
              <div key={id} className="article-choice">
                <label>
                  <input type="checkbox" checked={chosen.has(id)} onChange={() => toggle(id)} /> {template.title[language]}
                  {template.recommended && <span className="badge">{t('wizard.recommendedBadge')}</span>}
                </label>
                {template.alternatives.length > 0 && chosen.has(id) && (
                  <select
                    value={wordings[id] ?? ''}
                    aria-label={t('library.wording')}
                    onChange={(event) => {
                      const rest = Object.fromEntries(Object.entries(wordings).filter(([key]) => key !== id));
                      onWordings(event.target.value ? { ...rest, [id]: event.target.value } : rest);
                    }}
                  >
                    <option value="">{t('library.standardWording')}</option>
                    {template.alternatives.map((alternative) => (
                      <option key={alternative.id} value={alternative.id}>
                        {t(`library.level.${alternative.level}`)} — {alternative.label[language]}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
