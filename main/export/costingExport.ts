import type { Caller } from '#shared/api/caller';
import type { CallContext } from '#shared/api/cancellation';
import { throwIfCancelled } from '#shared/api/cancellation';
import type { ApiParsedInput } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import type { ExportedFile } from '#shared/api/export';
import { changeCosts } from '#shared/costing/changeCosts';
import { computeCost, CostingDataError } from '#shared/costing/computeCost';
import { articlePositions, compareArticlePositions, heldValues, takenAt, type ArticlePosition, type CostingBasis } from '#shared/costing/negotiationCosting';
import { positionValues, scenarioPairOf, type CostingSettings } from '#shared/costing/positionCost';
import type { CostingScenario } from '#shared/costing/scenario';
import { buildCostingDocument } from '#shared/export/costingModel';
import { costingSheets, type CostedPosition } from '#shared/export/costingTables';
import { renderHtml } from '#shared/export/html';
import { fill, type Bilingual } from '#shared/export/officialFrame';
import type { Language } from '#shared/format/locale';
import { formatVietnamDate, vietnamDate } from '#shared/format/vietnamTime';
import type { Proposal } from '#shared/negotiation/model';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { suggestionsAsPositions } from '#shared/negotiation/suggestionPositions';
import type { VariableValue } from '#shared/templates/schema';
import { documentLanguage } from '#shared/document/yjsContent';
import { visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { writeCostingWorkbook } from '#main/export/costingWorkbook';
import { renderDocx } from '#main/export/docx';
import type { PdfPrinter } from '#main/export/pdf';
import type { CostingService } from '#main/negotiation/costingService';

type Values = Readonly<Record<string, VariableValue>>;

const texts = {
  before: { vi: 'Giá trị trước đề xuất', en: 'Values before the position' },
  now: { vi: 'Giá trị hiện hành', en: 'Values now' },
  union: { vi: 'Đề xuất của Công đoàn ({{name}}, {{date}})', en: 'Union position ({{name}}, {{date}})' },
  employer: { vi: 'Đề xuất của Người sử dụng lao động ({{name}}, {{date}})', en: 'Employer position ({{name}}, {{date}})' },
  agreed: { vi: 'Đã thống nhất ({{name}}, {{date}})', en: 'Agreed ({{name}}, {{date}})' },
  unionSuggestions: { vi: 'Gợi ý sửa của Công đoàn ({{name}}, {{date}})', en: 'Union suggestions ({{name}}, {{date}})' },
  employerSuggestions: { vi: 'Gợi ý sửa của Người sử dụng lao động ({{name}}, {{date}})', en: 'Employer suggestions ({{name}}, {{date}})' },
  fileTitle: { vi: 'Chi phí tiền lương - {{title}}', en: 'Wage costing - {{title}}' },
} satisfies Record<string, Bilingual>;

const mimeTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

function costed(label: string, scenario: CostingScenario): CostedPosition {
  return { label, scenario, costing: computeCost(scenario), changeCosts: changeCosts(scenario) };
}

const nothing = (why: string): ApiError =>
  new ApiError('conflict', `nothing to cost: ${why}`, { reason: { key: 'costing_nothing_to_export', values: { why } } });

/**
 * costing/export: the costing of a position, of an article's positions compared, or of a scenario,
 * as the workbook or the official-layout annex of costing-engine (shared/export/costingTables.ts,
 * costingModel.ts). The first column is always the values before (or now), so that each position's
 * difference from it is the cost the screens show. A scenario is read under the rules of
 * costing/scenarios (its side's, or published); positions are read like the negotiation.
 */
export function createCostingExport(context: ServiceContext, rooms: DocumentRooms, costing: CostingService, printer: () => PdfPrinter) {
  /** The reference and each position, each costed over the same baseline (the values before the first). */
  function positionsOf(
    before: Values,
    offers: readonly { label: string; after: Values }[],
    basis: CostingBasis,
    settings: CostingSettings,
    referenceLabel: string,
  ) {
    const scenarios = offers.map((offer) =>
      scenarioPairOf({ before, after: offer.after, scaleWorkforce: basis.workforce, settings, fallbackStart: basis.today }),
    );
    const failed = scenarios.find((result) => !result.ok);
    if (failed && !failed.ok) throw nothing(failed.reason);
    const pairs = scenarios.flatMap((result) => (result.ok ? [result.pair] : []));
    const first = pairs[0];
    if (!first) throw nothing('no_wage_change');
    try {
      return [costed(referenceLabel, first.before), ...pairs.map((pair, index) => costed((offers[index] as { label: string }).label, pair.after))];
    } catch (error) {
      if (error instanceof CostingDataError) throw nothing('before_data');
      throw error;
    }
  }

  function labelOf(role: 'union' | 'employer' | 'agreed', proposal: Proposal, language: Language): string {
    const date = formatVietnamDate(role === 'agreed' ? (proposal.decidedAt ?? proposal.createdAt) : proposal.createdAt);
    return fill(texts[role][language], { name: role === 'agreed' ? (proposal.decidedByName ?? proposal.authorName) : proposal.authorName, date });
  }

  /** A compared position's column: a proposal as above, a side's pending suggestions by their authors and latest date. */
  function labelOfPosition(role: 'union' | 'employer' | 'agreed', position: ArticlePosition, language: Language): string {
    if (position.kind === 'proposal') return labelOf(role, position.proposal, language);
    const { side, authorNames, latestAt } = position.suggestions;
    return fill(texts[side === 'union' ? 'unionSuggestions' : 'employerSuggestions'][language], {
      name: authorNames.join(', '),
      date: formatVietnamDate(latestAt),
    });
  }

  return async (input: ApiParsedInput<'costing/export'>, caller: Caller, call?: CallContext): Promise<ExportedFile> => {
    const document = await visibleDocument(context, caller, input.documentId);
    const basis = await costing.basis(input.documentId);
    const language: Language = input.language ?? (await rooms.withRoom(input.documentId, (room) => documentLanguage(room.doc)));
    const target = input.target;
    let positions: CostedPosition[];
    if (target.kind === 'scenario') {
      const scenario = await costing.readable(input.documentId, target.scenarioId, caller);
      positions = positionsOf(
        basis.values,
        [{ label: scenario.name, after: { ...basis.values, ...scenario.values } }],
        basis,
        scenario.settings,
        texts.now[language],
      );
    } else {
      const { proposals, suggestions } = await rooms.withRoom(input.documentId, (room) => ({
        proposals: negotiationMaps(room.doc).allProposals(),
        suggestions: target.kind === 'article' ? suggestionsAsPositions(room.doc).positions : [],
      }));
      if (target.kind === 'position') {
        const proposal = proposals.find((candidate) => candidate.id === target.proposalId);
        if (!proposal) throw new ApiError('not_found', `no proposal "${target.proposalId}" in this document`, { reason: { key: 'proposal_not_found' } });
        const { before, after } = positionValues(proposal, basis.values);
        const role = proposal.status === 'accepted' ? 'agreed' : proposal.side;
        positions = positionsOf(before, [{ label: labelOf(role, proposal, language), after }], basis, basis.settings, texts.before[language]);
      } else {
        const compared = compareArticlePositions(articlePositions(target.clauseId, proposals, suggestions), basis);
        const first = compared.map((entry) => entry.position).sort((a, b) => Date.parse(takenAt(a)) - Date.parse(takenAt(b)))[0];
        if (!first) throw nothing('no_wage_change');
        const before = positionValues(heldValues(first), basis.values).before;
        const offers = compared.map((entry) => ({
          label: labelOfPosition(entry.role, entry.position, language),
          after: positionValues(heldValues(entry.position), basis.values).after,
        }));
        positions = positionsOf(before, offers, basis, basis.settings, texts.before[language]);
      }
    }
    throwIfCancelled(call?.signal);
    const title = fill(texts.fileTitle[language], { title: document.title });
    const bytes =
      input.format === 'xlsx'
        ? await writeCostingWorkbook(costingSheets(positions, language), title)
        : input.format === 'docx'
          ? await renderDocx(buildCostingDocument({ positions, language, date: vietnamDate(context.now()), place: null }))
          : await printer()(renderHtml(buildCostingDocument({ positions, language, date: vietnamDate(context.now()), place: null })), call?.signal);
    const fileName = `${title.replace(/[\\/:*?"<>|]+|\p{Cc}+/gu, ' ').slice(0, 120)}.${input.format}`;
    return { fileName, mimeType: mimeTypes[input.format], fileBase64: bytes.toString('base64'), bytes: bytes.length };
  };
}
