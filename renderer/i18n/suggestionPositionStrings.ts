import type { Localised } from './localised';

/**
 * Suggestions as positions (decision 0029): in the article's ledger, its badge and its history,
 * in both languages; merged into vi.ts and en.ts.
 */
export const suggestionPositionsEn = {
  heading: 'Suggestions in the text: current position',
  byLine: '{{names}} · latest {{at}}',
  count_one: '{{count}} pending suggestion',
  count_other: '{{count}} pending suggestions',
  suggestionsNewer: 'Newer than this side’s formal proposal on the article.',
  proposalNewer: 'This side’s formal proposal on the article is newer.',
  badge: 'Suggestions: {{sides}}',
  reopenedBySuggestion: 'Agreed, reopened by a suggestion of {{sides}}; agreed again once every suggestion here is decided',
  reopenedShort: 'Reopened by a suggestion',
  insert: 'insert “{{text}}”',
  delete: 'delete “{{text}}”',
  event: {
    made: '{{name}} suggested a change in the text',
    accepted: '{{name}} accepted the suggestion of {{author}}',
    rejected: '{{name}} rejected the suggestion of {{author}}',
    withdrawn: '{{name}} withdrew the suggestion of {{author}}',
  },
  minutesMade: 'Suggested a change in the text',
  minutesDecision: {
    accepted: 'Accepted the suggestion of {{author}} ({{side}})',
    rejected: 'Rejected the suggestion of {{author}} ({{side}})',
    withdrawn: 'Withdrew the suggestion of {{author}} ({{side}})',
  },
};

export const suggestionPositionsVi: Localised<typeof suggestionPositionsEn> = {
  heading: 'Gợi ý sửa trong văn bản: ý kiến hiện tại',
  byLine: '{{names}} · gần nhất {{at}}',
  count_other: '{{count}} gợi ý đang chờ',
  suggestionsNewer: 'Mới hơn đề xuất chính thức của bên này về điều này.',
  proposalNewer: 'Đề xuất chính thức của bên này về điều này mới hơn.',
  badge: 'Gợi ý: {{sides}}',
  reopenedBySuggestion: 'Đã thống nhất, được mở lại do gợi ý của {{sides}}; thống nhất trở lại khi mọi gợi ý ở đây đã được quyết định',
  reopenedShort: 'Mở lại do gợi ý',
  insert: 'thêm “{{text}}”',
  delete: 'bỏ “{{text}}”',
  event: {
    made: '{{name}} gợi ý sửa trong văn bản',
    accepted: '{{name}} chấp nhận gợi ý của {{author}}',
    rejected: '{{name}} từ chối gợi ý của {{author}}',
    withdrawn: '{{name}} rút gợi ý của {{author}}',
  },
  minutesMade: 'Gợi ý sửa ngay trong văn bản',
  minutesDecision: {
    accepted: 'Chấp nhận gợi ý sửa của {{author}} ({{side}})',
    rejected: 'Từ chối gợi ý sửa của {{author}} ({{side}})',
    withdrawn: 'Rút gợi ý sửa của {{author}} ({{side}})',
  },
};
