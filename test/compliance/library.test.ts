import { describe, expect, it } from 'vitest';
import { checkDocument } from '#shared/compliance/checkDocument';
import { documentKinds } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import { inlineChips, libraryDocument, problems } from './builders';

// A complete document built from the built-in library with default values (and with each level of
// wording) must have no violation: a default that is unlawful is a data bug to fix in the library.

const languages: Language[] = ['vi', 'en'];
const levels = ['template wording', 'floor', 'common', 'favourable'] as const;
const combinations = documentKinds.flatMap((kind) => languages.flatMap((language) => levels.map((level) => ({ kind, language, level }))));
const wording = (level: (typeof levels)[number]) => (level === 'template wording' ? undefined : level);

describe('documents built from the library', () => {
  it.each(combinations)('$kind ($language, $level) has no violation and no warning', ({ kind, language, level }) => {
    const { blocks, variables } = libraryDocument(kind, language, wording(level));
    const findings = checkDocument({ kind, blocks, variables, language, dates: { reference: '2026-09-01' } });
    expect(problems(findings)).toEqual([]);
  });

  it.each(combinations)('$kind ($language, $level) read as plain text (no chips) has no violation either', ({ kind, language, level }) => {
    const { blocks, variables } = libraryDocument(kind, language, wording(level));
    const plain = inlineChips(blocks, variables, language);
    const facts = { region: variables.region ?? 'I', effective_date: variables.effective_date ?? '2027-01-01' };
    const findings = checkDocument({ kind, blocks: plain, variables: facts, language, dates: { reference: '2026-09-01' } });
    expect(problems(findings)).toEqual([]);
  });

  it('the notes on a default agreement: the 40-hour week, and 24/11 not listed by name (it is unconfirmed)', () => {
    const { blocks, variables } = libraryDocument('enterprise_agreement', 'vi');
    const notes = checkDocument({ kind: 'enterprise_agreement', blocks, variables, language: 'vi', dates: { reference: '2026-09-01' } });
    expect(notes.map((finding) => `${finding.severity} ${finding.ruleId}`)).toEqual(['information hours.weekly_normal', 'information leave.public_holidays']);
    expect(notes[1]?.message.en).toContain('Vietnam Culture Day');
  });

  it('the same document with unlawful values, as text, is caught by the text patterns', () => {
    const language = 'vi';
    const { blocks, variables } = libraryDocument('enterprise_agreement', language, undefined, {
      ot_rate_weekday: 140,
      annual_leave_days: 10,
      probation_days_college: 90,
      wage_deduction_cap_percent: 40,
    });
    const plain = inlineChips(blocks, variables, language);
    const found = checkDocument({ kind: 'enterprise_agreement', blocks: plain, variables: {}, language, dates: { reference: '2027-01-01' } });
    expect(
      problems(found)
        .map((finding) => finding.ruleId)
        .sort(),
    ).toEqual(['leave.annual', 'pay.ot_weekday', 'probation.duration', 'wage.deduction_cap']);
  });
});
