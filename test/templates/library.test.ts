import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentKinds, type DocumentKind } from '#shared/documents/kinds';
import {
  coveredRequirements,
  outlineForKind,
  placeholdersOf,
  rawTemplateData,
  templateLibrary,
  templatesForKind,
  type TemplateLibrary,
} from '#shared/templates/library';
import {
  articleTemplateSchema,
  documentOutlineSchema,
  requirementSchema,
  variableDefinitionSchema,
  type Bilingual,
  type LegalCitation,
} from '#shared/templates/schema';
import { validateVariableValue } from '#shared/templates/variableValues';
import { topicByName, topicName, topicNames } from '#shared/templates/topicNames';
import { isProceduralFact, proceduralFactIds } from '#shared/lifecycle/proceduralFacts';

const library = templateLibrary();
const variables = new Map(library.variables.map((variable) => [variable.id, variable]));
const templates = new Map(library.templates.map((template) => [template.id, template]));

/** The eight bargaining topics of Labour Code Art. 67 (listed here, independent of the data). */
const bargainingTopics: [id: string, clause: number][] = [
  ['lc67.1', 1],
  ['lc67.2', 2],
  ['lc67.3', 3],
  ['lc67.4', 4],
  ['lc67.5', 5],
  ['lc67.6', 6],
  ['lc67.7', 7],
  ['lc67.8', 8],
];
/** The items a–i of Labour Code Art. 118(2) that labour regulations must contain. */
const regulationItems: [id: string, point: string][] = [
  ['lc118.2.a', 'a'],
  ['lc118.2.b', 'b'],
  ['lc118.2.c', 'c'],
  ['lc118.2.d', 'd'],
  ['lc118.2.dd', 'đ'],
  ['lc118.2.e', 'e'],
  ['lc118.2.g', 'g'],
  ['lc118.2.h', 'h'],
  ['lc118.2.i', 'i'],
];
/** Decree 145/2020 Art. 85(1)(a)–(đ): the required anti-harassment content. */
const harassmentElements: [id: string, point: string][] = [
  ['d145.85.1.a', 'a'],
  ['d145.85.1.b', 'b'],
  ['d145.85.1.c', 'c'],
  ['d145.85.1.d', 'd'],
  ['d145.85.1.dd', 'đ'],
];
/** Rule ids of the compliance check (shared/compliance/ruleTable.ts) that a variable may name. */
const ruleIds = new Set([
  'hours.daily_normal',
  'hours.weekly_normal',
  'hours.weekly_regime_daily_cap',
  'night.window',
  'ot.consent',
  'ot.daily_cap',
  'ot.monthly_cap',
  'ot.annual_cap',
  'ot.300h_notice',
  'pay.ot_weekday',
  'pay.ot_weekly_rest',
  'pay.ot_holiday',
  'pay.night_premium',
  'pay.night_ot_extra',
  'break.mid_shift',
  'break.shift_change',
  'rest.weekly',
  'leave.public_holidays',
  'leave.annual',
  'leave.seniority',
  'leave.personal_paid',
  'leave.personal_unpaid',
  'probation.duration',
  'probation.wage',
  'contract.fixed_term',
  'wage.min_regional',
  'wage.equal_pay',
  'wage.scale_consult',
  'wage.payment',
  'wage.pay_period',
  'wage.late_payment',
  'wage.deduction_cap',
  'wage.stoppage',
  'transfer.temporary',
  'notice.employee',
  'notice.employer',
  'term.settlement',
  'severance',
  'job_loss',
  'maternity.leave',
  'maternity.protection',
  'retirement.age',
  'discipline.forms',
  'discipline.dismissal_grounds',
  'discipline.prohibited',
  'discipline.principles',
  'discipline.limitation',
  'discipline.expunge',
  'discipline.suspension',
  'liability.damage_cap',
  'regs.required_sections',
  'regs.procedure',
  'cla.term',
  'cla.vote',
  'cla.filing',
  'cla.renewal_window',
  'cla.bargaining_clock',
  'cla.costs',
  'dialogue.periodic',
  'dialogue.composition',
  'dialogue.procedure',
  'union.fee',
]);

/** Every bilingual text block of every body and alternative, with where it comes from. */
function allBlocks(lib: TemplateLibrary): { where: string; type: string; text: Bilingual }[] {
  return lib.templates.flatMap((template) => [
    ...template.body.map((block, index) => ({ where: `${template.id} body[${index}]`, ...block })),
    ...template.alternatives.flatMap((alternative) => alternative.body.map((block, index) => ({ where: `${alternative.id}[${index}]`, ...block }))),
  ]);
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

function requirementsMissing(lib: TemplateLibrary, kind: DocumentKind, required: string[]): string[] {
  const outline = outlineForKind(kind, lib);
  if (!outline) return required;
  const covered = coveredRequirements(outline, lib);
  return required.filter((id) => !covered.has(id));
}

describe('data files', () => {
  it('every file validates against its schema', () => {
    expect(() => z.array(variableDefinitionSchema).parse(rawTemplateData.variables)).not.toThrow();
    expect(() => z.array(documentOutlineSchema).parse(rawTemplateData.outlines)).not.toThrow();
    expect(() => z.array(requirementSchema).parse(rawTemplateData.requirements)).not.toThrow();
    for (const [file, data] of Object.entries(rawTemplateData.templates)) {
      const result = z.array(articleTemplateSchema).safeParse(data);
      expect(result.success, `${file}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('the library imports every template file of the data folder', () => {
    const files = readdirSync(new URL('../../shared/templates/data/templates', import.meta.url)).filter((name) => name.endsWith('.json'));
    expect(Object.keys(rawTemplateData.templates).sort()).toEqual(files.sort());
  });

  it('is parsed once', () => {
    expect(templateLibrary()).toBe(library);
  });
});

describe('templates', () => {
  it('has at least 80 article templates with unique ids', () => {
    expect(library.templates.length).toBeGreaterThanOrEqual(80);
    expect(duplicates(library.templates.map((template) => template.id))).toEqual([]);
    expect(duplicates(library.templates.flatMap((template) => template.alternatives.map((alternative) => alternative.id)))).toEqual([]);
    expect(duplicates(library.variables.map((variable) => variable.id))).toEqual([]);
    expect(duplicates(library.requirements.map((requirement) => requirement.id))).toEqual([]);
    expect(duplicates(library.outlines.flatMap((outline) => [outline.id, ...outline.chapters.map((chapter) => chapter.id)]))).toEqual([]);
  });

  it('every kind of document has templates', () => {
    for (const kind of documentKinds) expect(templatesForKind(kind).length, kind).toBeGreaterThanOrEqual(20);
  });

  it('uses only defined variables, with the same placeholders in Vietnamese and English', () => {
    for (const { where, text } of allBlocks(library)) {
      const vi = placeholdersOf(text.vi);
      const en = placeholdersOf(text.en);
      for (const id of [...vi, ...en]) expect(variables.has(id), `${where}: {{${id}}} is not a defined variable`).toBe(true);
      expect([...new Set(vi)].sort(), where).toEqual([...new Set(en)].sort());
      for (const language of [text.vi, text.en]) {
        expect(language.replace(/\{\{[a-z][a-z0-9_]*\}\}/g, ''), `${where}: stray braces`).not.toMatch(/[{}]/);
      }
    }
    for (const template of library.templates) {
      expect(placeholdersOf(template.title.vi + template.title.en), template.id).toEqual([]);
    }
  });

  it('never repeats the unit the chip already shows ("{{annual_leave_days}} hưởng lương", not "... ngày làm việc")', () => {
    const counted = new Set(['days', 'workingDays', 'months', 'hours', 'headcount']);
    for (const variable of library.variables) if (counted.has(variable.type)) expect(variable.unit, `${variable.id} needs a unit`).toBeDefined();
    for (const { where, text } of allBlocks(library)) {
      for (const language of ['vi', 'en'] as const) {
        for (const match of text[language].matchAll(/\{\{([a-z0-9_]+)\}\}/g)) {
          const variable = variables.get(match[1] ?? '');
          const after = text[language]
            .slice((match.index ?? 0) + match[0].length)
            .trimStart()
            .toLowerCase();
          const before = text[language].slice(0, match.index).trimEnd().toLowerCase();
          const unitWord = variable && counted.has(variable.type) ? variable.unit?.[language].split(/[\s(]/)[0]?.toLowerCase() : undefined;
          if (unitWord)
            expect(after.startsWith(`${unitWord} `) || after.startsWith(`${unitWord},`), `${where} (${language}): unit after {{${variable?.id}}}`).toBe(false);
          if (variable?.type === 'region') expect(before.endsWith(language === 'vi' ? 'vùng' : 'region'), `${where}: "vùng" before {{region}}`).toBe(false);
        }
      }
    }
  });

  it('leaves clause numbers and point letters to the renderer and punctuates like a legal text', () => {
    for (const { where, type, text } of allBlocks(library)) {
      for (const language of [text.vi, text.en]) {
        expect(language, where).not.toMatch(/^(\d+\.|[a-zđ]\))\s/);
        expect(language.trim(), where).toMatch(type === 'point' ? /[;.]$/ : /[.:]$/);
      }
    }
  });

  it('offers each wording level once, with the body being the common wording', () => {
    for (const template of library.templates) {
      expect(duplicates(template.alternatives.map((alternative) => alternative.level)), template.id).toEqual([]);
      for (const alternative of template.alternatives) expect(alternative.id.startsWith(`${template.id}.`), alternative.id).toBe(true);
      const common = template.alternatives.find((alternative) => alternative.level === 'common');
      if (common) expect(template.body, template.id).toEqual(common.body);
    }
  });

  it('proposes only valid values for variables the wording uses', () => {
    for (const template of library.templates) {
      for (const alternative of template.alternatives) {
        const used = new Set(alternative.body.flatMap((block) => placeholdersOf(block.text.vi)));
        for (const [id, value] of Object.entries(alternative.values ?? {})) {
          const variable = variables.get(id);
          expect(variable, `${alternative.id}: ${id}`).toBeDefined();
          expect(used.has(id), `${alternative.id} proposes ${id} but does not use it`).toBe(true);
          if (variable) expect(validateVariableValue(variable, value), `${alternative.id}: ${id}`).toBeNull();
        }
      }
    }
  });

  it('cites real provisions', () => {
    const cited: LegalCitation[] = library.templates.flatMap((template) => template.legalBasis);
    for (const citation of cited) {
      if (citation.law === 'LC2019') expect(citation.article).toBeLessThanOrEqual(220);
      if (citation.law === 'D145') expect(citation.article).toBeLessThanOrEqual(115);
      if (citation.point !== undefined) expect(citation.clause, JSON.stringify(citation)).toBeDefined();
    }
  });
});

describe('topics', () => {
  it('every topic of the library is named in both languages, and a name gives back its topic', () => {
    const used = [...new Set(library.templates.flatMap((template) => template.topics))].sort();
    expect(used.filter((topic) => !Object.hasOwn(topicNames, topic))).toEqual([]);
    for (const topic of used) {
      expect(topicName(topic, 'vi')).not.toContain('_');
      expect(topicName(topic, 'en')).not.toContain('_');
      expect(topicByName(topicName(topic, 'vi'))).toBe(topic);
      expect(topicByName(topicName(topic, 'en').toUpperCase())).toBe(topic);
    }
    expect(topicName('union_fee', 'vi')).toBe('Kinh phí công đoàn');
    // A topic someone typed for their own template reads as its words.
    expect(topicName('phu_cap_an_ca', 'vi')).toBe('phu cap an ca');
    expect(topicByName('Phụ cấp ăn ca')).toBeNull();
    expect(topicByName('constructor')).toBeNull();
  });
});

describe('variables', () => {
  it('have defaults of their type within their range and options, except the procedural facts and the names, which have none', () => {
    for (const variable of library.variables) {
      // A name, an address, a title is what only the parties know: it has no stand-in in one
      // language, and reads as its label in the document's language until it is typed.
      if (isProceduralFact(variable.id) || variable.type === 'text') expect(variable.default, variable.id).toBeUndefined();
      else expect(validateVariableValue(variable, variable.default), variable.id).toBeNull();
      if (variable.min !== undefined && variable.max !== undefined) expect(variable.min, variable.id).toBeLessThanOrEqual(variable.max);
      expect(variable.type === 'enum', `${variable.id}: options exactly for enums`).toBe(variable.options !== undefined);
      if (variable.rule !== undefined) expect(ruleIds.has(variable.rule), `${variable.id}: rule ${variable.rule}`).toBe(true);
    }
  });

  it('include every procedural fact, and no wording proposes a value for one (only the lifecycle record gives them)', () => {
    for (const id of proceduralFactIds) expect(variables.has(id), id).toBe(true);
    for (const template of library.templates) {
      for (const alternative of template.alternatives) expect(Object.keys(alternative.values ?? {}).filter(isProceduralFact), alternative.id).toEqual([]);
    }
  });

  it('include the enterprise facts of the new-document wizard', () => {
    for (const id of [
      'enterprise_name',
      'enterprise_address',
      'region',
      'headcount',
      'sector',
      'union_name',
      'employer_representative',
      'employer_representative_title',
      'union_representative',
      'signing_place',
      'effective_date',
      'term_years',
    ]) {
      expect(variables.has(id), id).toBe(true);
    }
    expect(variables.get('sector')?.options?.map((option) => option.value)).toEqual(
      expect.arrayContaining(['textile_garment_export', 'electrical_electronics_export', 'other']),
    );
    expect(variables.get('term_years')?.rule).toBe('cla.term');
  });

  it('are used by some template', () => {
    const used = new Set(allBlocks(library).flatMap(({ text }) => placeholdersOf(text.vi)));
    const wizardOnly = new Set(['headcount', 'sector']);
    for (const variable of library.variables) if (!wizardOnly.has(variable.id)) expect(used.has(variable.id), variable.id).toBe(true);
  });
});

describe('outlines', () => {
  it('one outline per kind, referencing existing templates that apply to its kinds', () => {
    for (const kind of documentKinds)
      expect(
        library.outlines.filter((outline) => outline.kinds.includes(kind)),
        kind,
      ).toHaveLength(1);
    for (const outline of library.outlines) {
      const ids = outline.chapters.flatMap((chapter) => chapter.articles);
      expect(duplicates(ids), outline.id).toEqual([]);
      for (const id of ids) {
        const template = templates.get(id);
        expect(template, `${outline.id}: ${id}`).toBeDefined();
        for (const kind of outline.kinds) expect(template?.kinds.includes(kind), `${id} does not apply to ${kind}`).toBe(true);
      }
      for (const kind of outline.kinds) {
        for (const template of templatesForKind(kind)) expect(ids.includes(template.id), `${outline.id} leaves out ${template.id}`).toBe(true);
      }
    }
  });

  it('state their legal grounds one a line, ";" after each and "." after the last', () => {
    for (const outline of library.outlines) {
      outline.legalGrounds.forEach((ground, index) => {
        const end = index === outline.legalGrounds.length - 1 ? '.' : ';';
        expect(ground.vi.endsWith(end) && ground.en.endsWith(end), `${outline.id}: ${ground.vi}`).toBe(true);
      });
    }
  });

  it('back every requirement a chapter claims to cover with a citing article', () => {
    const requirementIds = new Set(library.requirements.map((requirement) => requirement.id));
    for (const outline of library.outlines) {
      for (const chapter of outline.chapters) {
        const covered = coveredRequirements({ ...outline, chapters: [chapter] });
        for (const id of chapter.covers) {
          expect(requirementIds.has(id), `${chapter.id}: unknown requirement ${id}`).toBe(true);
          expect(covered.has(id), `${chapter.id} claims ${id} but none of its articles cites the law for it`).toBe(true);
        }
      }
    }
  });
});

describe('requirements of the law', () => {
  it('lists the Art. 67 topics, the Art. 118(2) items and the Decree 145 Art. 85 elements with their sources', () => {
    const byId = new Map(library.requirements.map((requirement) => [requirement.id, requirement]));
    for (const [id, clause] of bargainingTopics) expect(byId.get(id)?.source, id).toEqual({ law: 'LC2019', article: 67, clause });
    for (const [id, point] of regulationItems) expect(byId.get(id)?.source, id).toEqual({ law: 'LC2019', article: 118, clause: 2, point });
    for (const [id, point] of harassmentElements) expect(byId.get(id)?.source, id).toEqual({ law: 'D145', article: 85, clause: 1, point });
    expect(byId.get('d145.85.2')?.source).toEqual({ law: 'D145', article: 85, clause: 2 });
  });

  it('every Art. 67 topic is covered by the enterprise, sector and multi-enterprise outlines', () => {
    const topics = bargainingTopics.map(([id]) => id);
    for (const kind of ['enterprise_agreement', 'sector_agreement', 'multi_enterprise_agreement'] as const) {
      expect(requirementsMissing(library, kind, topics), kind).toEqual([]);
    }
  });

  it('every Art. 118(2) item and Decree 145 Art. 85 element is covered by the labour-regulations outline', () => {
    const required = [...regulationItems, ...harassmentElements].map(([id]) => id).concat('d145.85.2');
    expect(requirementsMissing(library, 'labour_regulations', required)).toEqual([]);
  });

  it('a requirement missing from the data, or an article no longer citing the law, is not covered', () => {
    const withoutTopic: TemplateLibrary = { ...library, requirements: library.requirements.filter((requirement) => requirement.id !== 'lc67.3') };
    expect(requirementsMissing(withoutTopic, 'enterprise_agreement', ['lc67.3'])).toEqual(['lc67.3']);
    const withoutCitations: TemplateLibrary = {
      ...library,
      templates: library.templates.map((template) =>
        template.id.startsWith('regs.transfer.') ? { ...template, legalBasis: [{ law: 'LC2019', article: 1 }] } : template,
      ),
    };
    expect(requirementsMissing(withoutCitations, 'labour_regulations', ['lc118.2.e'])).toEqual(['lc118.2.e']);
  });
});
