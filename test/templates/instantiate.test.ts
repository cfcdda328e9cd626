import { describe, expect, it } from 'vitest';
import { documentBodySchema } from '#shared/document/nodeSchema';
import { plainText, type TopLevelBlock } from '#shared/document/nodes';
import { documentKinds } from '#shared/documents/kinds';
import { articleFromTemplate, textToInlines, variablesUsed } from '#shared/templates/instantiate';
import { templateLibrary } from '#shared/templates/library';
import { formatVariableValue, validateVariableValue } from '#shared/templates/variableValues';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';
import { otherLanguageIn } from '../i18n/languageChecks';

const library = templateLibrary();
const definitions = new Map(library.variables.map((variable) => [variable.id, variable]));
let counter = 0;
const newId = () => `n${(counter += 1)}`;

/** The text a reader sees: each chip replaced by its formatted value. */
function renderedText(blocks: readonly TopLevelBlock[], values: Record<string, string | number>, language: 'vi' | 'en'): string {
  let text = blocks.map(plainText).join('\n');
  for (const [id, value] of Object.entries(values)) {
    const definition = definitions.get(id);
    if (definition) text = text.replaceAll(`{{${id}}}`, formatVariableValue(definition, value, language));
  }
  return text;
}

describe('instantiating templates', () => {
  it('turns {{placeholders}} into variable chips between texts', () => {
    expect(textToInlines('Mức trả ít nhất bằng {{ot_rate_weekday}} tiền lương.')).toEqual([
      { text: 'Mức trả ít nhất bằng ' },
      { type: 'variable', variableId: 'ot_rate_weekday', children: [{ text: '' }] },
      { text: ' tiền lương.' },
    ]);
  });

  it('renders every built-in template and every wording in both languages with default values, every placeholder resolved', () => {
    for (const template of library.templates) {
      for (const language of ['vi', 'en'] as const) {
        for (const wording of [undefined, ...template.alternatives.map((a) => a.id)]) {
          const article = articleFromTemplate(template, { language, newId, wordings: wording ? { [template.id]: wording } : {} });
          expect(documentBodySchema.safeParse([article]).success, `${template.id} ${language} ${wording ?? ''}`).toBe(true);
          const values: Record<string, string | number> = {};
          for (const id of variablesUsed([article])) {
            const definition = definitions.get(id);
            expect(definition, `${template.id} uses ${id}`).toBeDefined();
            if (definition?.default !== undefined) values[id] = definition.default;
          }
          // The procedural facts (the vote, the signing) stay placeholders: only the lifecycle fills
          // them; so do the names (a text has no default), which only the parties can type.
          const text = renderedText([article], values, language).replace(/\{\{(\w+)\}\}/g, (chip, id: string) =>
            isProceduralFact(id) || definitions.get(id)?.type === 'text' ? '' : chip,
          );
          expect(text, `${template.id} ${language}`).not.toMatch(/\{\{|\}\}/);
          expect(text.length).toBeGreaterThan(20);
        }
      }
    }
  });
});

describe('the new-document wizard', () => {
  it.each(
    documentKinds.flatMap(
      (kind) =>
        [
          [kind, 'vi'],
          [kind, 'en'],
        ] as const,
    ),
  )('builds a complete %s in %s with a valid value for every variable', (kind, language) => {
    const model = outlineChoices(kind, library);
    expect(model).not.toBeNull();
    if (!model) return;
    const facts = { enterprise_name: 'Công ty TNHH May Sài Gòn', region: 'II' };
    const built = buildDocument({ kind, language, facts, chosen: model.recommended, wordings: {} }, library, newId);
    expect(built).not.toBeNull();
    if (!built) return;
    expect(documentBodySchema.safeParse(built.content).success).toBe(true);
    const articles = built.content.flatMap((block) => (block.type === 'chapter' ? block.children.filter((child) => child.type === 'article') : []));
    expect(articles.map((article) => article.templateId).sort()).toEqual([...model.recommended].sort());
    expect(articles.length).toBeGreaterThan(kind === 'labour_regulations' ? 30 : 40);
    for (const id of variablesUsed(built.content)) {
      const definition = definitions.get(id);
      // The vote and the signing are left to the lifecycle record, names not typed to the parties.
      if (isProceduralFact(id) || (definition?.type === 'text' && !(id in facts))) expect(built.variables[id], id).toBeUndefined();
      else expect(definition && validateVariableValue(definition, built.variables[id]), `${id}`).toBeNull();
    }
    expect(built.variables.enterprise_name).toBe('Công ty TNHH May Sài Gòn');
    expect(built.variables.region).toBe('II');
    const typedByPeople = (id: string) => isProceduralFact(id) || definitions.get(id)?.type === 'text';
    expect(
      renderedText(built.content, built.variables, language)
        .match(/\{\{\w+\}\}/g)
        ?.filter((chip) => !typedByPeople(chip.slice(2, -2))) ?? [],
    ).toEqual([]);
  });

  it.each(documentKinds)(
    'leaves no value in Vietnamese in a %s written in English: a name not typed yet stays unset, shown by its label in the document’s language',
    (kind) => {
      const model = outlineChoices(kind, library);
      if (!model) throw new Error('no outline');
      const built = buildDocument({ kind, language: 'en', facts: {}, chosen: model.recommended, wordings: {} }, library, newId);
      if (!built) throw new Error('nothing built');
      const vietnamese = Object.entries(built.variables).filter(([, value]) => otherLanguageIn(String(value), 'en').length > 0);
      expect(vietnamese).toEqual([]);
      expect(built.variables.enterprise_name).toBeUndefined();
    },
  );

  it('states the workforce typed and invents no vote: the vote and signing are left to the lifecycle record', () => {
    const model = outlineChoices('enterprise_agreement', library);
    if (!model) throw new Error('no outline');
    const built = buildDocument(
      {
        kind: 'enterprise_agreement',
        language: 'vi',
        facts: { headcount: 1250, signing_place: 'TP. Hồ Chí Minh', vote_in_favour: 51, vote_total_workers: 100 },
        chosen: model.recommended,
        wordings: {},
      },
      library,
      newId,
    );
    if (!built) throw new Error('nothing built');
    expect(built.variables.headcount).toBe(1250);
    expect(Object.keys(built.variables).filter(isProceduralFact)).toEqual([]);
    const text = renderedText(built.content, built.variables, 'vi');
    expect(text).toContain('Doanh nghiệp có 1.250 người lao động.');
    expect(text).toContain(
      'ngày {{vote_date}}: tại thời điểm lấy ý kiến, doanh nghiệp có {{vote_total_workers}} lao động, trong đó {{vote_in_favour}} biểu quyết tán thành',
    );
    expect(text).toContain('Thỏa ước được ký kết tại TP. Hồ Chí Minh ngày {{signing_date}}');
  });

  it('uses the values a chosen wording proposes ("at the legal floor" proposes the statutory figure)', () => {
    const model = outlineChoices('enterprise_agreement', library);
    const template = library.templates.find((t) => t.alternatives.some((a) => a.level === 'floor' && a.values && Object.keys(a.values).length > 0));
    expect(template && model).toBeTruthy();
    if (!template || !model) return;
    const floor = template.alternatives.find((a) => a.level === 'floor' && a.values);
    const built = buildDocument(
      {
        kind: template.kinds[0] ?? 'enterprise_agreement',
        language: 'vi',
        facts: {},
        chosen: new Set([template.id]),
        wordings: { [template.id]: floor?.id ?? '' },
      },
      library,
      newId,
    );
    for (const [id, value] of Object.entries(floor?.values ?? {})) expect(built?.variables[id]).toBe(value);
  });
});
