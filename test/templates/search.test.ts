import { describe, expect, it } from 'vitest';
import { templateLibrary } from '#shared/templates/library';
import { createTemplateIndex, foldForSearch, formatCitation } from '#shared/templates/search';

const index = createTemplateIndex(templateLibrary().templates);
const ids = (text: string, filters: { topic?: string; article?: number } = {}) => index.search({ text, ...filters }).map((template) => template.id);

describe('searching the clause library', () => {
  it('ignores Vietnamese diacritics and case: "tang ca" finds what "Tăng ca" finds, overtime first', () => {
    expect(foldForSearch('Tăng ca ĐÊM Thai Sản')).toBe('tang ca dem thai san');
    expect(ids('tang ca')).toEqual(ids('Tăng ca'));
    expect(ids('tang ca')[0]).toBe('cla.time.overtime');
    expect(ids('lam them gio').slice(0, 3)).toEqual(expect.arrayContaining(['cla.time.overtime', 'regs.time.overtime']));
    expect(ids('quấy rối tình dục').every((id) => id !== '')).toBe(true);
    expect(ids('quay roi tinh duc')[0]).toMatch(/harassment/);
    expect(ids('xyzzy không có')).toEqual([]);
  });

  it('filters by topic and by the Labour Code article a clause implements', () => {
    const byArticle = index.search({ text: '', article: 98 });
    expect(byArticle.length).toBeGreaterThan(0);
    expect(byArticle.every((template) => template.legalBasis.some((c) => c.law === 'LC2019' && c.article === 98))).toBe(true);
    const harassment = index.search({ text: '', topic: 'harassment' });
    expect(harassment.length).toBeGreaterThan(2);
    expect(harassment.every((template) => template.topics.includes('harassment'))).toBe(true);
    expect(formatCitation({ law: 'LC2019', article: 98, clause: 1, point: 'a' })).toBe('BLLĐ Điều 98 khoản 1 điểm a');
  });
});
