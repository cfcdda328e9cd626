import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { LifecycleView } from '#shared/api/lifecycle';
import { formatIsoDate, vietnamDate } from '#shared/format/vietnamTime';
import { ErrorNotice } from '../components/ErrorNotice';

export interface ScaleProcedureProps {
  client: ApiClient;
  documentId: string;
  readOnly: boolean;
  isEmployer: boolean;
}

/**
 * The scale's procedure (LC Art. 93(2)-(3)): the union consulted on it before it is issued, then
 * published at the workplace before it applies. Each is recorded in the lifecycle with its date
 * (either side records the consultation, the employer the publication); the compliance check
 * flags a scale published without a consultation before it.
 */
export function ScaleProcedure({ client, documentId, readOnly, isEmployer }: ScaleProcedureProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<LifecycleView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [consultedOn, setConsultedOn] = useState(() => vietnamDate(Date.now()));
  const [publishedOn, setPublishedOn] = useState(() => vietnamDate(Date.now()));
  const load = useCallback(async () => setView(await client.call('lifecycle/get', { documentId })), [client, documentId]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);
  const take = async (step: { type: 'record_scale_consultation'; consultedOn: string } | { type: 'publish_salary_scale'; publishedOn: string }) => {
    setError(null);
    try {
      setView(await client.call('lifecycle/step', { documentId, step }));
    } catch (caught) {
      setError(caught);
    }
  };
  const recorded = view?.current.salaryScale;
  return (
    <div className="scale-procedure" data-testid="scale-procedure">
      <h4>{t('salaryScale.procedure.title')}</h4>
      <p className="hint">{t('salaryScale.procedure.explain')}</p>
      <p>
        {recorded?.consultedOn
          ? t('salaryScale.procedure.consultedOn', { date: formatIsoDate(recorded.consultedOn) })
          : t('salaryScale.procedure.notConsulted')}
      </p>
      <p>
        {recorded?.publishedOn
          ? t('salaryScale.procedure.publishedOn', { date: formatIsoDate(recorded.publishedOn) })
          : t('salaryScale.procedure.notPublished')}
      </p>
      {!readOnly && (
        <div className="row">
          <label>
            {t('lifecycle.field.consultedOn')} <input type="date" value={consultedOn} onChange={(event) => setConsultedOn(event.target.value)} />
          </label>
          <button type="button" onClick={() => void take({ type: 'record_scale_consultation', consultedOn })}>
            {t('salaryScale.procedure.recordConsultation')}
          </button>
        </div>
      )}
      {!readOnly && isEmployer && (
        <div className="row">
          <label>
            {t('lifecycle.field.publishedOn')} <input type="date" value={publishedOn} onChange={(event) => setPublishedOn(event.target.value)} />
          </label>
          <button type="button" onClick={() => void take({ type: 'publish_salary_scale', publishedOn })}>
            {t('salaryScale.procedure.recordPublication')}
          </button>
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
