import { formatCitation, lc } from '#shared/compliance/citations';
import type { DocumentKind } from '#shared/documents/kinds';
import { formatNumber, formatVnd, type Language } from '#shared/format/locale';
import { formatIsoDate, vietnamDate } from '#shared/format/vietnamTime';
import type { ArticleLedger, BargainingMinutes, LedgerEntry, SuggestedText, SuggestionDecisionStep } from '#shared/negotiation/minutes';
import type { ArticleEvent, Proposal } from '#shared/negotiation/model';
import type { FormatChange, SuggestedBlock } from '#shared/negotiation/suggestions';
import { blockChangeOf, type BlockChange } from '#shared/negotiation/blockChange';
import type { SuggestedBlockType } from '#shared/document/elementRules';
import type { VariableValue } from '#shared/templates/schema';
import { readableValue, variableLabel, type VariableLookup } from '#shared/templates/variableValues';
import { fill, type Bilingual } from '#shared/export/officialFrame';
import type { PartyNames } from '#shared/export/parties';
import type { RenderDocument } from '#shared/export/renderModel';
import { buildSectionedDocument } from '#shared/export/reportModel';
import {
  articleName,
  bodyParagraph,
  bulletItem,
  documentName,
  groundParagraph,
  numberedTable,
  officialMoment,
  partyOrganisations,
  reportTexts,
  signatureOf,
} from '#shared/export/reportBlocks';

/**
 * The bargaining minutes (biên bản thương lượng tập thể) in the official layout. Labour Code
 * Art. 70: the minutes record what the parties agreed and where they still differ, carry the
 * signatures of both sides' representatives and of the minute-taker, and the workers'
 * representative organisation publishes them to all workers.
 */

const texts = {
  typeName: { vi: 'BIÊN BẢN', en: 'MINUTES' },
  summary: { vi: 'Phiên thương lượng tập thể', en: 'Collective bargaining session' },
  fileTitle: { vi: 'Biên bản thương lượng tập thể - {{title}}', en: 'Collective bargaining minutes - {{title}}' },
  ground: { vi: 'Căn cứ {{citation}} về quy trình thương lượng tập thể.', en: 'Pursuant to {{citation}} on the collective bargaining procedure.' },
  subject: { vi: 'Nội dung thương lượng: {{document}}.', en: 'Subject of the bargaining: {{document}}.' },
  period: { vi: 'Thời gian: từ {{since}} đến {{until}}.', en: 'Time: from {{since}} to {{until}}.' },
  place: { vi: 'Địa điểm: {{place}}.', en: 'Place: {{place}}.' },
  participants: { vi: 'Thành phần tham dự', en: 'Participants' },
  agreed: { vi: 'Các nội dung đã thống nhất', en: 'Points agreed' },
  disputed: { vi: 'Các nội dung còn ý kiến khác nhau', en: 'Points on which the parties still differ' },
  notAgreed: { vi: 'Các nội dung chưa đạt được thỏa thuận, để ngoài thỏa ước', en: 'Points not agreed, left out of the agreement' },
  notAgreedGround: {
    vi: 'Tổ chức đại diện người lao động để các điều sau ra ngoài thỏa ước vì hai bên chưa đạt được thỏa thuận; các bên chỉ ký kết những nội dung đã thống nhất, nội dung chưa thống nhất có thể được giải quyết theo thủ tục giải quyết tranh chấp lao động ({{citation}}).',
    en: 'The workers’ representative organisation left the following articles out of the agreement because the parties did not agree on them; the parties sign only what they agreed, and the rest may go to labour dispute resolution ({{citation}}).',
  },
  leftOutBy: { vi: 'Người ghi nhận, ngày', en: 'Recorded by, on' },
  leftOutReason: { vi: 'Lý do', en: 'Reason' },
  accepted: { vi: 'Các đề xuất được chấp nhận trong phiên', en: 'Proposals accepted during the session' },
  ledger: { vi: 'Diễn biến thương lượng từng điều', en: 'The course of bargaining, article by article' },
  ledgerArticle: { vi: '{{article}} — {{standing}}', en: '{{article}} — {{standing}}' },
  when: { vi: 'Thời điểm', en: 'Time' },
  who: { vi: 'Bên, người', en: 'Side, person' },
  step: { vi: 'Nội dung', en: 'Step' },
  outcome: { vi: 'Kết quả', en: 'Outcome' },
  suggested: { vi: 'Gợi ý sửa ngay trong văn bản', en: 'Suggested a change in the text' },
  suggestedInsert: { vi: 'thêm “{{text}}”', en: 'insert “{{text}}”' },
  suggestedDelete: { vi: 'bỏ “{{text}}”', en: 'delete “{{text}}”' },
  suggestedFormat: { vi: '{{change}} “{{text}}”', en: '{{change}} “{{text}}”' },
  markOn_bold: { vi: 'in đậm', en: 'bold' },
  markOn_italic: { vi: 'in nghiêng', en: 'italic' },
  markOn_underline: { vi: 'gạch chân', en: 'underline' },
  markOff_bold: { vi: 'bỏ in đậm', en: 'not bold' },
  markOff_italic: { vi: 'bỏ in nghiêng', en: 'not italic' },
  markOff_underline: { vi: 'bỏ gạch chân', en: 'not underlined' },
  conclusion: { vi: 'Kết luận', en: 'Conclusion' },
  costings: { vi: 'Phương án chi phí tiền lương các bên công bố', en: 'Wage costings the sides published' },
  costingName: { vi: 'Phương án', en: 'Scenario' },
  costingChanges: { vi: 'Thay đổi', en: 'Changes' },
  costingYear: { vi: 'Chi phí tăng thêm mỗi năm', en: 'Added cost a year' },
  costingTotal: { vi: 'Chi phí tăng thêm cả thời hạn', en: 'Added cost over the term' },
  costingTerm: { vi: '{{cost}} ({{months}} tháng, {{headcount}} người)', en: '{{cost}} ({{months}} months, {{headcount}} workers)' },
  costingWhole: { vi: 'Toàn bộ thỏa ước', en: 'The agreement as a whole' },
  article: { vi: 'Điều', en: 'Article' },
  employerPosition: { vi: 'Ý kiến bên người sử dụng lao động', en: 'Position of the employer side' },
  workerPosition: { vi: 'Ý kiến bên người lao động', en: 'Position of the worker side' },
  noPosition: { vi: '(Chưa nêu ý kiến)', en: '(No position stated)' },
  proposal: { vi: 'Nội dung đề xuất', en: 'Proposal' },
  proposedBy: { vi: 'Bên đề xuất', en: 'Proposed by' },
  acceptedBy: { vi: 'Người chấp nhận', en: 'Accepted by' },
  rationale: { vi: '{{kind}}. Lý do: {{rationale}}', en: '{{kind}}. Rationale: {{rationale}}' },
  openCount: { vi: 'Số điều chưa được thương lượng: {{count}}.', en: 'Articles not yet negotiated: {{count}}.' },
  override: {
    vi: 'Tổ chức đại diện người lao động đưa dự thảo ra lấy ý kiến người lao động khi còn điều chưa thống nhất — {{articles}} — với lý do: {{reason}} (người ghi nhận: {{name}}).',
    en: 'The workers’ representative organisation put the draft to the workers’ vote with articles not agreed — {{articles}} — for this reason: {{reason}} (recorded by {{name}}).',
  },
  publication: {
    vi: 'Biên bản có chữ ký của đại diện các bên thương lượng và của người ghi biên bản; tổ chức đại diện người lao động tại cơ sở công bố biên bản đến toàn thể người lao động ({{citation}}).',
    en: 'The minutes are signed by the representatives of the bargaining parties and by the minute-taker; the workers’ representative organisation publishes them to all workers ({{citation}}).',
  },
  employerSigns: { vi: 'ĐẠI DIỆN BÊN\nNGƯỜI SỬ DỤNG\nLAO ĐỘNG', en: 'FOR THE\nEMPLOYER SIDE' },
  workerSigns: { vi: 'ĐẠI DIỆN BÊN\nNGƯỜI LAO ĐỘNG', en: 'FOR THE\nWORKER SIDE' },
  minuteTaker: { vi: 'NGƯỜI GHI\nBIÊN BẢN', en: 'MINUTE-TAKER' },
} satisfies Record<string, Bilingual>;

const proposalKinds: Record<Proposal['kind'], Bilingual> = {
  replace: { vi: 'Sửa đổi điều', en: 'Amend the article' },
  insert_after: { vi: 'Bổ sung điều mới', en: 'Add a new article' },
  delete: { vi: 'Bãi bỏ điều', en: 'Remove the article' },
  values: { vi: 'Thay đổi giá trị', en: 'Change values' },
};

const sideNames = { employer: reportTexts.employerSide, union: reportTexts.workerSide };

const standings: Record<ArticleLedger['standing'], Bilingual> = {
  agreed: { vi: 'hai bên đã thống nhất', en: 'agreed by both sides' },
  disputed: { vi: 'còn ý kiến khác nhau', en: 'the parties still differ' },
  open: { vi: 'đang thương lượng', en: 'under negotiation' },
  left_out: { vi: 'chưa đạt được thỏa thuận, để ngoài thỏa ước', en: 'not agreed, left out of the agreement' },
  removed: { vi: 'đã bãi bỏ', en: 'removed' },
};

const events: Record<ArticleEvent['type'], Bilingual> = {
  agreed: { vi: 'Đồng ý với nội dung điều', en: 'Agreed to the article' },
  disputed: { vi: 'Nêu ý kiến khác', en: 'Disputed the article' },
  reopen_requested: { vi: 'Đề nghị thương lượng lại điều đã thống nhất', en: 'Asked to reopen the agreed article' },
  reopen_declined: { vi: 'Không đồng ý thương lượng lại', en: 'Declined to reopen' },
  reopened: { vi: 'Đồng ý thương lượng lại', en: 'Agreed to reopen' },
  accepted: { vi: 'Chấp nhận đề xuất', en: 'Accepted a proposal' },
};

/** What a block suggestion does, as the minutes say it (decision 0027). */
const blockChangeTexts: Record<BlockChange['change'], Bilingual> = {
  new: { vi: 'thêm {{what}}', en: 'new {{what}}' },
  delete: { vi: 'xóa {{what}}', en: 'delete {{what}}' },
  move: { vi: 'chuyển {{what}}', en: 'move {{what}}' },
};

/** The blocks a suggestion may add, delete or move, named as the minutes name them (decision 0027). */
const blockTypes: Record<SuggestedBlockType, Bilingual> = {
  article: { vi: 'điều', en: 'article' },
  paragraph: { vi: 'đoạn', en: 'paragraph' },
  clause: { vi: 'khoản', en: 'clause' },
  point: { vi: 'điểm', en: 'point' },
  'bulleted-list': { vi: 'danh sách', en: 'list' },
  'list-item': { vi: 'mục', en: 'list item' },
  table: { vi: 'bảng', en: 'table' },
  'table-row': { vi: 'hàng của bảng', en: 'table row' },
};

const suggestionDecisions: Record<SuggestionDecisionStep['status'], Bilingual> = {
  accepted: { vi: 'Chấp nhận gợi ý sửa của {{author}} ({{side}})', en: 'Accepted the suggestion of {{author}} ({{side}})' },
  rejected: { vi: 'Từ chối gợi ý sửa của {{author}} ({{side}})', en: 'Rejected the suggestion of {{author}} ({{side}})' },
  withdrawn: { vi: 'Rút gợi ý sửa của {{author}} ({{side}})', en: 'Withdrew the suggestion of {{author}} ({{side}})' },
};

const outcomes: Record<Proposal['status'], Bilingual> = {
  open: { vi: 'Đang chờ trả lời', en: 'Awaiting an answer' },
  accepted: { vi: 'Được chấp nhận', en: 'Accepted' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  superseded: { vi: 'Bên kia đưa đề xuất khác', en: 'Countered' },
};

export interface MinutesExport {
  minutes: BargainingMinutes;
  kind: DocumentKind;
  parties: PartyNames;
  language: Language;
  /** The definitions of the document's variables, to write the values positions offered. */
  lookupVariable: VariableLookup;
}

/** The bargaining minutes of a session as the render model. */
export function buildMinutesDocument({ minutes, kind, parties, language, lookupVariable }: MinutesExport): RenderDocument {
  const say = (text: Bilingual, values: Record<string, string> = {}): string => fill(text[language], values);
  const value = (variableId: string, raw: VariableValue | null): string => (raw === null ? '…' : readableValue(lookupVariable(variableId), raw, language));
  const formatWords = ({ added, removed }: FormatChange): string =>
    [...added.map((mark) => say(texts[`markOn_${mark}`])), ...removed.map((mark) => say(texts[`markOff_${mark}`]))].join(', ');
  const blockWords = (blocks: readonly SuggestedBlock[]): string => {
    const change = blockChangeOf(blocks, lookupVariable, language);
    return change ? `${say(blockChangeTexts[change.change], { what: say(blockTypes[change.type]) })} “${change.firstLine}”` : '';
  };
  const suggestedText = ({ inserted, deleted, format, blocks }: SuggestedText): string =>
    [
      blocks ? blockWords(blocks) : '',
      deleted ? say(texts.suggestedDelete, { text: deleted }) : '',
      inserted ? say(texts.suggestedInsert, { text: inserted }) : '',
      format ? say(texts.suggestedFormat, { change: formatWords(format), text: format.text }) : '',
    ]
      .filter(Boolean)
      .join('; ');
  // A suggested value or formatting has no text of its own: its values follow the step.
  const withText = (what: string, text: string): string => (text === '' ? what : `${what}: ${text}`);
  const stepWhat = (step: LedgerEntry['step']): string => {
    if ('position' in step) return say(proposalKinds[step.position]);
    if ('suggestion' in step) return withText(say(texts.suggested), suggestedText(step.suggestion));
    if ('suggestionDecision' in step) {
      const decision = step.suggestionDecision;
      return withText(
        say(suggestionDecisions[decision.status], { author: decision.authorName, side: say(sideNames[decision.authorSide]) }),
        suggestedText(decision),
      );
    }
    return say(events[step.event]);
  };
  const stepText = (entry: LedgerEntry): string => {
    const what = stepWhat(entry.step);
    const values = entry.values.map(
      (change) =>
        `${variableLabel(lookupVariable(change.variableId), language)}: ${value(change.variableId, change.from)} → ${value(change.variableId, change.to)}`,
    );
    return [what, ...values, entry.note].filter(Boolean).join('. ');
  };
  const citation = formatCitation(lc(70), language);
  const names = (list: string[]): string => (list.length > 0 ? list.join(', ') : reportTexts.none[language]);
  return buildSectionedDocument({
    language,
    title: say(texts.fileTitle, { title: minutes.documentTitle }),
    organisations: partyOrganisations(kind, parties),
    typeName: texts.typeName,
    summary: say(texts.summary),
    place: parties.place,
    date: vietnamDate(minutes.date),
    opening: [
      groundParagraph(say(texts.ground, { citation })),
      bodyParagraph(say(texts.subject, { document: documentName(kind, minutes.documentTitle, language) })),
      bodyParagraph(say(texts.period, { since: officialMoment(minutes.sessionSince, language), until: officialMoment(minutes.date, language) })),
      ...(parties.place ? [bodyParagraph(say(texts.place, { place: parties.place }))] : []),
    ],
    sections: [
      {
        title: say(texts.participants),
        blocks: [
          bulletItem(names(minutes.participants.employer), `${say(reportTexts.employerSide)}:`),
          bulletItem(names(minutes.participants.union), `${say(reportTexts.workerSide)}:`),
        ],
      },
      {
        title: say(texts.agreed),
        blocks: [
          numberedTable(
            language,
            [say(texts.article)],
            minutes.agreed.map((article) => [articleName(article, language)]),
            [10, 90],
          ),
        ],
      },
      {
        title: say(texts.disputed),
        blocks: [
          numberedTable(
            language,
            [say(texts.article), say(texts.employerPosition), say(texts.workerPosition)],
            minutes.disputed.map((article) => [
              articleName(article, language),
              article.positions.employer ?? say(texts.noPosition),
              article.positions.union ?? say(texts.noPosition),
            ]),
            [8, 28, 32, 32],
          ),
        ],
      },
      // Art. 71: only when the union left articles out of the agreement.
      ...(minutes.notAgreed.length === 0
        ? []
        : [
            {
              title: say(texts.notAgreed),
              blocks: [
                bodyParagraph(say(texts.notAgreedGround, { citation: formatCitation(lc(71), language) })),
                numberedTable(
                  language,
                  [say(texts.article), say(texts.employerPosition), say(texts.workerPosition), say(texts.leftOutBy), say(texts.leftOutReason)],
                  minutes.notAgreed.map((article) => [
                    articleName(article, language),
                    article.positions.employer ?? say(texts.noPosition),
                    article.positions.union ?? say(texts.noPosition),
                    `${article.leftOutBy ?? reportTexts.none[language]}, ${formatIsoDate(article.leftOutOn)}`,
                    article.reason ?? reportTexts.none[language],
                  ]),
                  [6, 20, 20, 20, 16, 18],
                ),
              ],
            },
          ]),
      {
        title: say(texts.accepted),
        blocks: [
          numberedTable(
            language,
            [say(texts.article), say(texts.proposal), say(texts.proposedBy), say(texts.acceptedBy)],
            minutes.accepted.map((accepted) => [
              articleName(accepted, language),
              accepted.rationale
                ? say(texts.rationale, { kind: say(proposalKinds[accepted.kind]), rationale: accepted.rationale })
                : say(proposalKinds[accepted.kind]),
              `${accepted.proposedByName} (${say(sideNames[accepted.proposedBy])})`,
              accepted.acceptedByName,
            ]),
            [7, 22, 31, 21, 19],
          ),
        ],
      },
      // Art. 70: the minutes record, per article, each side's positions during the session.
      ...(minutes.ledger.length === 0
        ? []
        : [
            {
              title: say(texts.ledger),
              blocks: minutes.ledger.flatMap((article) => [
                bodyParagraph(say(texts.ledgerArticle, { article: articleName(article, language), standing: say(standings[article.standing]) })),
                numberedTable(
                  language,
                  [say(texts.when), say(texts.who), say(texts.step), say(texts.outcome)],
                  article.entries.map((entry) => [
                    officialMoment(entry.at, language),
                    `${entry.byName} (${say(sideNames[entry.side])})`,
                    stepText(entry),
                    entry.outcome ? [say(outcomes[entry.outcome.status]), entry.outcome.byName].filter(Boolean).join(', ') : '',
                  ]),
                  [6, 20, 22, 34, 18],
                ),
              ]),
            },
          ]),
      // Decision 0023: a costing a side published is part of what it put on the table.
      ...(minutes.costings.length === 0
        ? []
        : [
            {
              title: say(texts.costings),
              blocks: [
                numberedTable(
                  language,
                  [say(texts.costingName), say(texts.who), say(texts.costingChanges), say(texts.costingYear), say(texts.costingTotal)],
                  minutes.costings.map((costing) => [
                    `${costing.name} (${costing.article ? articleName(costing.article, language) : say(texts.costingWhole)})`,
                    `${costing.byName} (${say(sideNames[costing.side])}), ${officialMoment(costing.at, language)}`,
                    costing.cost.changes
                      .map(
                        (change) =>
                          `${variableLabel(lookupVariable(change.variableId), language)}: ${value(change.variableId, change.from)} → ${value(change.variableId, change.to)}`,
                      )
                      .join('; '),
                    formatVnd(costing.cost.averageYear.cost, language),
                    say(texts.costingTerm, {
                      cost: formatVnd(costing.cost.total.cost, language),
                      months: String(costing.cost.termMonths),
                      headcount: formatNumber(costing.cost.headcount, language),
                    }),
                  ]),
                  [6, 20, 20, 22, 14, 18],
                ),
              ],
            },
          ]),
      {
        title: say(texts.conclusion),
        blocks: [
          bodyParagraph(say(texts.openCount, { count: String(minutes.openCount) })),
          ...(minutes.override
            ? [
                bodyParagraph(
                  say(texts.override, {
                    articles: minutes.override.articles.map((article) => articleName(article, language)).join(', '),
                    reason: minutes.override.reason,
                    name: minutes.override.byName ?? reportTexts.none[language],
                  }),
                ),
              ]
            : []),
          bodyParagraph(say(texts.publication, { citation })),
        ],
      },
    ],
    signatures: [
      signatureOf(texts.employerSigns, parties.employerRepresentative, language),
      signatureOf(texts.workerSigns, parties.unionRepresentative, language),
      signatureOf(texts.minuteTaker, null, language),
    ],
  });
}
