import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariableDefinition, VariableValue } from '#shared/templates/schema';
import { formatVariableValue } from '#shared/templates/variableValues';
import { useLanguage } from '../i18n/i18n';

export interface RecordedFactFieldProps {
  definition: VariableDefinition;
  value: VariableValue | undefined;
  /** Show this field now (its chip was clicked). */
  focusRequest?: number;
}

/**
 * A procedural fact in the variables panel (the vote, the signing): read only, since the server
 * fills it from the lifecycle record when the step is recorded; until then, the marker.
 */
export function RecordedFactField({ definition, value, focusRequest }: RecordedFactFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const field = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRequest !== undefined) field.current?.scrollIntoView({ block: 'center' });
  }, [focusRequest]);

  return (
    <div ref={field} className="variable-field recorded-fact" data-variable-id={definition.id}>
      <span className="label">{definition.label[language]}</span>
      <p className={value === undefined ? 'fact-value pending' : 'fact-value'}>
        {value === undefined ? t('variables.toBeRecorded') : formatVariableValue(definition, value, language)}
      </p>
      <p className="hint">{t('variables.recordedFactHint')}</p>
    </div>
  );
}
