import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderElementProps } from 'slate-react';
import type { VariableElement } from '#shared/document/nodes';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { formatVariableValue, readableValue } from '#shared/templates/variableValues';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { usePendingValueSuggestion } from '../negotiation/pendingSuggestions';
import { useDocumentVariables, useVariableDefinition, useVariableValue, VariableEditContext } from '../variables/documentVariables';

/**
 * An inline chip showing the document's value of a typed variable, formatted in the document's
 * language (5.310.000 ₫, 150%, 05/01/2027). Every chip of a variable shows the same value; a click
 * opens it in the variables panel. A procedural fact (the vote, the signing) the lifecycle has not
 * recorded yet shows a marker saying so. A variable this interface does not know shows its value,
 * or ‹…›, never its id. A value suggested and not yet decided (decision 0028) shows the value
 * struck through and the suggested one underlined, in the suggesting side's colour.
 */
export function VariableChip({ attributes, children, element }: RenderElementProps & { element: VariableElement }) {
  const { t, i18n } = useTranslation();
  const variables = useDocumentVariables();
  const definition = useVariableDefinition(element.variableId);
  const value = useVariableValue(element.variableId);
  const language = variables?.language ?? 'vi';
  const uiLanguage = i18n.language === 'en' ? 'en' : 'vi';
  const requestEdit = useContext(VariableEditContext);
  const fact = isProceduralFact(element.variableId);
  const shown =
    value === undefined && fact
      ? t('variables.toBeRecorded')
      : definition === undefined
        ? value === undefined
          ? '‹…›'
          : readableValue(undefined, value, language)
        : value === undefined
          ? `‹${definition.label[language]}›`
          : formatVariableValue(definition, value, language);
  const pending = usePendingValueSuggestion(variables?.values.doc ?? null, element.variableId);
  const suggested =
    pending?.value === undefined
      ? null
      : definition
        ? formatVariableValue(definition, pending.value.to, language)
        : readableValue(undefined, pending.value.to, language);
  const plainTitle = definition ? `${definition.label[uiLanguage]} — ${t(fact ? 'variables.recordedFact' : 'variables.clickToEdit')}` : t('variables.unknown');
  const title =
    pending && suggested !== null
      ? t('suggestions.valueSuggested', {
          label: definition?.label[uiLanguage] ?? '',
          to: suggested,
          byLine: t('suggestions.byLine', { name: pending.authorName, at: formatVietnamDateTime(pending.createdAt, uiLanguage) }),
        })
      : plainTitle;
  return (
    <span
      {...attributes}
      className={`variable-chip${value === undefined ? (fact ? ' to-be-recorded' : ' missing') : ''}`}
      data-variable-id={element.variableId}
      contentEditable={false}
      title={title}
      onClick={() => requestEdit(element.variableId)}
    >
      {pending && suggested !== null ? (
        <span className="variable-value" data-testid="suggested-value">
          <del className={`suggestion suggestion-delete side-${pending.side}`}>{shown}</del>{' '}
          <ins className={`suggestion suggestion-insert side-${pending.side}`}>{suggested}</ins>
        </span>
      ) : (
        <span className="variable-value">{shown}</span>
      )}
      {children}
    </span>
  );
}
