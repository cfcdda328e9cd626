import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { templateBody } from '#shared/templates/instantiate';
import type { ArticleTemplate } from '#shared/templates/schema';
import { readableValue, variableLabel } from '#shared/templates/variableValues';
import type { DocumentVariables } from '../variables/documentVariables';

/** A template's text as it would read in this document, with its current (or proposed) values. */
export function TemplatePreview({
  template,
  alternativeId,
  variables,
}: {
  template: ArticleTemplate;
  alternativeId: string | undefined;
  variables: DocumentVariables;
}) {
  const { t } = useTranslation();
  // Re-render when any value changes: the preview is small.
  const [, setVersion] = useState(0);
  useEffect(() => {
    const changed = () => setVersion((version) => version + 1);
    variables.values.observe(changed);
    return () => variables.values.unobserve(changed);
  }, [variables]);
  const proposed = template.alternatives.find((a) => a.id === alternativeId)?.values ?? {};
  let clause = 0;
  return (
    <div className="template-preview">
      {templateBody(template, variables.language, alternativeId).map((block, index) => {
        if (block.type === 'clause') clause += 1;
        return (
          <p key={index} className={block.type}>
            {block.type === 'clause' && `${clause}. `}
            {block.children.map((inline, inlineIndex) => {
              if (!('type' in inline)) return <span key={inlineIndex}>{inline.text}</span>;
              const definition = variables.lookup(inline.variableId);
              const value = proposed[inline.variableId] ?? variables.values.get(inline.variableId) ?? definition?.default;
              const pending = value === undefined && isProceduralFact(inline.variableId);
              return (
                <span key={inlineIndex} className={pending ? 'variable-chip to-be-recorded' : 'variable-chip'}>
                  {pending
                    ? t('variables.toBeRecorded')
                    : value !== undefined
                      ? readableValue(definition, value, variables.language)
                      : `‹${variableLabel(definition, variables.language)}›`}
                </span>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}
