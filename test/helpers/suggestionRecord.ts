import type { SuggestionRecord } from '#shared/negotiation/suggestions';

/** The server's record of a pending suggestion of the union in the wage article; `fields` change any of it. */
export function suggestionRecord(id: string, fields: Partial<SuggestionRecord> = {}): SuggestionRecord {
  return {
    id,
    authorId: 'p-union',
    authorName: 'Anh Minh',
    side: 'union',
    createdAt: '2027-01-04T03:00:00.000Z',
    clauseId: 'wage',
    status: 'pending',
    decidedAt: null,
    decidedByName: null,
    ...fields,
  };
}
