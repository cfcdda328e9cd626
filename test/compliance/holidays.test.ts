import { describe, expect, it } from 'vitest';
import { checkArticles, findingsOf } from './builders';

// leave.public_holidays: each holiday in force on the document's date, with its days (LC Art. 112;
// 24/11 from 1 Jul 2026, reported and unconfirmed).

const lawful = [
  '- Tết Dương lịch: 01 ngày;',
  '- Tết Âm lịch: 05 ngày;',
  '- Ngày Chiến thắng: 01 ngày (30/4);',
  '- Ngày Quốc tế lao động: 01 ngày (01/5);',
  '- Quốc khánh: 02 ngày (02/9 và 01 ngày liền kề);',
  '- Giỗ Tổ Hùng Vương: 01 ngày (10/3 âm lịch).',
];

function holidays(points: string[], date: string, extra: string[] = []) {
  return checkArticles(
    [{ title: 'Nghỉ lễ, tết', body: ['Người lao động được nghỉ làm việc, hưởng nguyên lương trong những ngày lễ, tết sau:', ...points, ...extra] }],
    { variables: { effective_date: date } },
  );
}

const of = (findings: ReturnType<typeof holidays>, severity: 'violation' | 'warning' | 'information') =>
  findingsOf(findings, 'leave.public_holidays', severity);

describe('public holidays (LC Art. 112)', () => {
  it('the eleven days of Art. 112 are enough before 1 Jul 2026', () => {
    const findings = holidays(lawful, '2026-06-30');
    expect(findings.filter((finding) => finding.ruleId === 'leave.public_holidays')).toEqual([]);
  });

  it('fewer Tết days than five is a violation, naming what was found and what is due', () => {
    const [finding] = of(
      holidays(
        lawful.map((point) => point.replace('Tết Âm lịch: 05 ngày', 'Tết Âm lịch: 04 ngày')),
        '2026-03-01',
      ),
      'violation',
    );
    expect(finding).toMatchObject({
      citation: { law: 'LC2019', article: 112, clause: 1, point: 'b' },
      expected: { vi: '5 ngày', en: '5 days' },
      actual: { vi: '4 ngày', en: '4 days' },
    });
    expect(finding?.message.en).toBe(
      'Public holidays: the clause gives Lunar New Year (Tết) 4 days, fewer than 5 days under Labour Code 2019 Art. 112; the paid public holidays in force on 01/03/2026 total 11 days.',
    );
  });

  it('a holiday left out is a violation, a warning when the clause adopts the other holidays set by law', () => {
    const withoutHungKings = lawful.slice(0, 5);
    expect(of(holidays(withoutHungKings, '2026-03-01'), 'violation')[0]?.citation.point).toBe('e');
    const catchAll = ['- Các ngày nghỉ lễ khác có hưởng lương do pháp luật quy định.'];
    expect(of(holidays(withoutHungKings, '2026-03-01', catchAll), 'violation')).toEqual([]);
    expect(of(holidays(withoutHungKings, '2026-03-01', catchAll), 'warning')).toHaveLength(1);
  });

  it('from 1 Jul 2026 the unconfirmed 24/11: a warning when missing, a note with the catch-all, nothing when listed', () => {
    expect(of(holidays(lawful, '2027-01-01'), 'violation')).toEqual([]);
    expect(of(holidays(lawful, '2027-01-01'), 'warning')[0]?.message.en).toContain(
      'Vietnam Culture Day (1 day) under NA Resolution 28/2026/QH16 (reported, primary text not verified), pending confirmation',
    );
    expect(of(holidays(lawful, '2027-01-01', ['- Các ngày nghỉ lễ khác do pháp luật quy định.']), 'information')).toHaveLength(1);
    const listed = holidays([...lawful, '- Ngày Văn hóa Việt Nam: 01 ngày (24/11).'], '2027-01-01');
    expect(listed.filter((finding) => finding.ruleId === 'leave.public_holidays')).toEqual([]);
  });

  it('an article that follows Art. 112 as it stands is lawful; English text is read too', () => {
    const byReference = checkArticles([{ title: 'Public holidays', body: ['Workers have public holidays off on full pay under Labour Code Art. 112.'] }], {
      language: 'en',
      variables: { effective_date: '2027-01-01' },
    });
    expect(byReference.filter((finding) => finding.ruleId === 'leave.public_holidays')).toEqual([]);
    const english = checkArticles(
      [
        {
          title: 'Public holidays',
          body: [
            'Workers have these public holidays off on full pay:',
            '- New Year: 1 day;',
            '- Lunar New Year (Tết): 4 days;',
            '- Victory Day: 1 day (30 April);',
            '- International Labour Day: 1 day (1 May);',
            '- National Day: 2 days;',
            '- Hung Kings Commemoration Day: 1 day.',
          ],
        },
      ],
      { language: 'en', variables: { effective_date: '2026-03-01' } },
    );
    expect(findingsOf(english, 'leave.public_holidays').map((finding) => finding.citation.point)).toEqual(['b']);
  });

  it('gifts for holidays are not a holiday article', () => {
    const gifts = checkArticles([{ title: 'Quà tặng nhân dịp lễ, tết', body: ['Tết Âm lịch: 500.000 đồng cho mỗi người lao động.'] }], {
      variables: { effective_date: '2027-01-01' },
    });
    expect(gifts.filter((finding) => finding.ruleId === 'leave.public_holidays')).toEqual([]);
  });
});

describe('equal pay (LC Art. 90(3)) is noted when an agreement does not state it', () => {
  it('a note without it, none with it', () => {
    expect(findingsOf(checkArticles([{ title: 'Tiền lương', body: ['Trả lương hằng tháng.'] }]), 'wage.equal_pay', 'information')).toHaveLength(1);
    expect(
      findingsOf(checkArticles([{ title: 'Tiền lương', body: ['Trả lương bình đẳng, không phân biệt giới tính.'] }]), 'wage.equal_pay', 'information'),
    ).toEqual([]);
  });
});
