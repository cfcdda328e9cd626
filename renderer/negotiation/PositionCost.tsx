import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostingExportTarget } from '#shared/api/costing';
import {
  articlePositions,
  compareArticlePositions,
  costOfPosition,
  type ComparedPositionCost,
  type CostingBasis,
  type HeldValues,
} from '#shared/costing/negotiationCosting';
import type { PositionCost as Cost } from '#shared/costing/positionCost';
import { touchesWages } from '#shared/costing/wageVariables';
import { formatVnd } from '#shared/format/locale';
import type { SuggestionPosition } from '#shared/negotiation/suggestionPositions';
import { useLanguage } from '../i18n/i18n';
import { useNegotiationView } from './negotiationView';

/** A share as people read it: 62 %. */
function percent(share: number, language: 'vi' | 'en'): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** What a cost reads as: a year, the term, a worker a month, and what it was costed on. */
function CostText({ cost }: { cost: Cost }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = (value: number) => formatVnd(value, language);
  return (
    <>
      {t('costing.line', {
        year: money(cost.averageYear.cost),
        total: money(cost.total.cost),
        months: cost.termMonths,
        worker: money(cost.perWorkerMonth.cost),
      })}{' '}
      <span className="hint">{t(cost.workforce === 'scale' ? 'costing.workforceScale' : 'costing.workforceEntered', { count: cost.headcount })}</span>
    </>
  );
}

/**
 * The cost of a position that changes a wage variable (a proposal, a side's suggestions with a
 * suggested value, or one suggested value), against the values before it, on `costing`: recomputed
 * whenever the values or the salary scale change (on either screen). Nothing for other positions.
 */
export function CostLine({ position, costing }: { position: HeldValues; costing: CostingBasis }) {
  const { t } = useTranslation();
  const result = useMemo(() => (touchesWages(position.values) ? costOfPosition(position, costing) : null), [position, costing]);
  if (!result || (!result.ok && result.reason === 'no_wage_change')) return null;
  return (
    <p className="position-cost" data-testid="position-cost" data-cost-year={result.ok ? result.cost.averageYear.cost : ''}>
      {result.ok ? <CostText cost={result.cost} /> : t(`costing.none.${result.reason}`)}
    </p>
  );
}

/** A position's cost line in the negotiation panel, on the panel's costing. */
export function PositionCostLine({ position }: { position: HeldValues }) {
  return <CostLine position={position} costing={useNegotiationView().costing} />;
}

const roleColours: Record<ComparedPositionCost['role'], string> = { union: '#b3261e', employer: '#1d4f91', agreed: '#2e7d32' };

/** Each position's added cost year by year over the term, as bars side by side (no chart library: plain SVG). */
export function CostChart({ entries }: { entries: readonly ComparedPositionCost[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const years = [...new Set(entries.flatMap((entry) => entry.cost.years.map((year) => year.year)))].sort();
  const highest = Math.max(1, ...entries.flatMap((entry) => entry.cost.years.map((year) => Math.abs(year.cost))));
  const barWidth = 14;
  const groupWidth = entries.length * barWidth + 16;
  const height = 120;
  const width = Math.max(200, years.length * groupWidth + 20);
  return (
    <figure className="cost-chart" data-testid="cost-chart">
      <svg width={width} height={height + 20} role="img" aria-label={t('costing.compare.chart')}>
        {years.map((year, yearIndex) =>
          entries.map((entry, entryIndex) => {
            const cost = entry.cost.years.find((candidate) => candidate.year === year)?.cost ?? 0;
            const barHeight = Math.round((Math.abs(cost) / highest) * (height - 10));
            return (
              <rect
                key={`${year}-${entry.role}`}
                x={10 + yearIndex * groupWidth + entryIndex * barWidth}
                y={height - barHeight}
                width={barWidth - 2}
                height={barHeight}
                fill={roleColours[entry.role]}
              >
                <title>{`${t(`costing.compare.role.${entry.role}`)} ${year}: ${formatVnd(cost, language)}`}</title>
              </rect>
            );
          }),
        )}
        {years.map((year, yearIndex) => (
          <text key={year} x={10 + yearIndex * groupWidth} y={height + 15} fontSize="11">
            {year}
          </text>
        ))}
      </svg>
      <figcaption>
        {t('costing.compare.chart')}:{' '}
        {entries.map((entry) => (
          <span key={entry.role} className="chart-key">
            <span className="swatch" style={{ background: roleColours[entry.role] }} /> {t(`costing.compare.role.${entry.role}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Exports a costing as the workbook or the annex. */
function CostingExports({ target }: { target: CostingExportTarget }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  return (
    <div className="row costing-exports" role="group" aria-label={t('costing.export.label')}>
      {(['xlsx', 'docx', 'pdf'] as const).map((format) => (
        <button key={format} type="button" className="link" onClick={() => void view.exportCosting(target, format).catch(() => undefined)}>
          {t(`costing.export.${format}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * An article's wage positions compared: the union's, the employer's counter and what was agreed,
 * each a year and as a share of the union's position, with the chart of each over the term. A
 * side's pending suggestions (`suggestions`, of every article) count as its position when they
 * are its latest.
 */
export function ArticleCostComparison({ clauseId, suggestions }: { clauseId: string; suggestions: readonly SuggestionPosition[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useNegotiationView();
  const entries = useMemo(
    () =>
      // Positions with nothing to cost (no wage value changed) are left out by the comparison.
      compareArticlePositions(articlePositions(clauseId, view.proposals, suggestions), view.costing),
    [view.proposals, suggestions, view.costing, clauseId],
  );
  if (entries.length === 0) return null;
  const sentence = (entry: ComparedPositionCost): string => {
    const cost = formatVnd(entry.cost.averageYear.cost, language);
    const suggested = entry.position.kind === 'suggestions';
    if (entry.role === 'union') return t(suggested ? 'costing.compare.unionSuggested' : 'costing.compare.union', { cost });
    if (entry.role === 'agreed')
      return entry.shareOfUnion === null
        ? t('costing.compare.agreedAlone', { cost })
        : t('costing.compare.agreed', { cost, share: percent(entry.shareOfUnion, language) });
    if (entry.shareOfUnion === null) return t(suggested ? 'costing.compare.employerSuggestedAlone' : 'costing.compare.employerAlone', { cost });
    return t(suggested ? 'costing.compare.employerSuggested' : 'costing.compare.employer', { cost, share: percent(entry.shareOfUnion, language) });
  };
  return (
    <section className="cost-comparison" data-testid="cost-comparison" aria-label={t('costing.compare.title')}>
      <h3>{t('costing.compare.title')}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.role} data-role={entry.role}>
            {sentence(entry)}
          </li>
        ))}
      </ul>
      <CostChart entries={entries} />
      <CostingExports target={{ kind: 'article', clauseId }} />
    </section>
  );
}
