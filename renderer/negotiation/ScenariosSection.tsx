import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { BargainingScenario } from '#shared/costing/bargainingScenario';
import { costOfTrying } from '#shared/costing/negotiationCosting';
import { formatVnd } from '#shared/format/locale';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { useLanguage } from '../i18n/i18n';
import { useNegotiation, useNegotiationStoreOf } from './negotiationStore';
import { useNegotiationView } from './negotiationView';

/** A scenario's cost now (its own assumptions over the document's values), or its figures when published. */
function ScenarioCost({ scenario }: { scenario: BargainingScenario }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { costing } = useNegotiationView();
  const live = useMemo(() => (scenario.published ? null : costOfTrying(scenario.values, costing, scenario.settings)), [scenario, costing]);
  const year = scenario.published ? scenario.published.cost.averageYear.cost : live?.ok ? live.cost.averageYear.cost : null;
  if (year === null) return live && !live.ok && live.reason !== 'no_wage_change' ? <span className="hint">{t(`costing.none.${live.reason}`)}</span> : null;
  return <span data-testid="scenario-cost">{t('costing.perYear', { cost: formatVnd(year, language) })}</span>;
}

/**
 * Each side's costing scenarios: private to the side (like internal notes) until published, then
 * read by both and recorded in the minutes. A scenario here tries a yearly raise, on the salary
 * scale or, without one, on a headcount and an average wage; its other assumptions are the
 * defaults (the API takes them all: docs/api.md). Folded until opened, below the side's drafts.
 */
export function ScenariosSection({ client, documentId }: { client: ApiClient; documentId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useNegotiationView();
  const negotiation = useNegotiation();
  const store = useNegotiationStoreOf();
  const [name, setName] = useState('');
  const [raise, setRaise] = useState('');
  const [headcount, setHeadcount] = useState('');
  const [wage, setWage] = useState('');
  if (!negotiation) return null;
  const { own, published } = negotiation.scenarios;
  const isSide = view.side !== 'reviewer';
  const needsWorkforce = negotiation.workforce.length === 0;
  const act = (work: () => Promise<unknown>) =>
    view.run(async () => {
      await work();
      await store?.refreshCosting();
    });
  const list = (scenarios: readonly BargainingScenario[], mine: boolean) => (
    <ul className="scenario-list">
      {scenarios.map((scenario) => (
        <li key={scenario.id} data-testid="scenario" data-published={scenario.published ? 'yes' : 'no'}>
          <strong>{scenario.name}</strong> · <ScenarioCost scenario={scenario} />
          {scenario.published && (
            <span className="hint">
              {' '}
              · {t('costing.scenarios.publishedBy', { name: scenario.published.byName, date: formatVietnamDateTime(scenario.published.at, language) })}
            </span>
          )}
          {mine && !scenario.published && (
            <span className="row">
              <button
                type="button"
                onClick={() => void act(() => client.call('costing/publishScenario', { documentId, scenarioId: scenario.id })).catch(() => undefined)}
              >
                {t('costing.scenarios.publish')}
              </button>
              <button
                type="button"
                className="link"
                onClick={() => void act(() => client.call('costing/deleteScenario', { documentId, scenarioId: scenario.id })).catch(() => undefined)}
              >
                {t('costing.scenarios.remove')}
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
  const ownUnpublished = own.filter((scenario) => !scenario.published);
  return (
    <details className="scenarios" data-testid="scenarios">
      <summary>{t('costing.scenarios.title')}</summary>
      {isSide && <p className="hint">{t('costing.scenarios.privateHint')}</p>}
      {isSide && (
        <>
          <h4>{t('costing.scenarios.own')}</h4>
          {ownUnpublished.length === 0 ? <p className="empty-state">{t('costing.scenarios.empty')}</p> : list(ownUnpublished, true)}
          <form
            className="stacked-form"
            onSubmit={(event) => {
              event.preventDefault();
              const workforce = needsWorkforce && headcount && wage ? { headcount: Number(headcount), monthlyWage: Number(wage) } : null;
              void act(() =>
                client.call('costing/saveScenario', {
                  documentId,
                  name,
                  values: raise === '' ? {} : { annual_raise_percent: Number(raise) },
                  settings: { workforce },
                }),
              ).then(
                () => {
                  setName('');
                  setRaise('');
                },
                () => undefined,
              );
            }}
          >
            <label>
              {t('costing.scenarios.name')}
              <input value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <label>
              {t('costing.scenarios.raise')}
              <input type="number" step="0.1" min="0" value={raise} onChange={(event) => setRaise(event.target.value)} />
            </label>
            {needsWorkforce && (
              <>
                <label>
                  {t('costing.scenarios.headcount')}
                  <input type="number" min="1" value={headcount} onChange={(event) => setHeadcount(event.target.value)} />
                </label>
                <label>
                  {t('costing.scenarios.averageWage')}
                  <input type="number" min="0" value={wage} onChange={(event) => setWage(event.target.value)} />
                </label>
              </>
            )}
            <button type="submit" disabled={name.trim() === ''}>
              {t('costing.scenarios.save')}
            </button>
          </form>
        </>
      )}
      <h4>{t('costing.scenarios.published')}</h4>
      {published.length === 0 ? <p className="empty-state">{t('costing.scenarios.empty')}</p> : list(published, false)}
    </details>
  );
}
