import { useTranslation } from 'react-i18next';
import type { SuggestionRecord } from '#shared/negotiation/suggestions';
import { readableValue, variableLabel } from '#shared/templates/variableValues';
import { useLanguage } from '../i18n/i18n';
import { useDocumentVariables } from '../variables/documentVariables';

/** A suggested value (decision 0028) as a suggestion record keeps it. */
export type ValueChange = NonNullable<SuggestionRecord['value']>;

/** Words for a suggested value in the interface's language: "Value of Minimum wage: 4.960.000 ₫ → 5.200.000 ₫". */
export function useDescribeValue(): (change: ValueChange) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const variables = useDocumentVariables();
  return ({ variableId, from, to }) => {
    const definition = variables?.lookup(variableId);
    return t('suggestions.valueChange', {
      label: variableLabel(definition, language),
      from: from === null ? t('suggestions.valueNone') : readableValue(definition, from, language),
      to: readableValue(definition, to, language),
    });
  };
}
