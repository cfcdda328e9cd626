/**
 * The checks a user template and a user variable must pass beyond their zod schemas: ids kept
 * apart from the built-in library's, placeholders that name known variables, valid defaults and
 * proposed values, bounded sizes, and plain texts (see textSafety.ts). Shared by template packs
 * (pack.ts) and by saving or editing one template.
 */
import { formatNumber } from '#shared/format/locale';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { bilingual, formatPath, type PackProblem } from '#shared/templates/packProblems';
import type { ArticleTemplate, Bilingual, VariableDefinition } from '#shared/templates/schema';
import { unsafeTextProblem } from '#shared/templates/textSafety';
import { validateVariableValue } from '#shared/templates/variableValues';

/** User template and variable ids start with this, so no built-in id (now or later) can clash. */
export const userIdPrefix = 'user.';

export const templateLimits = {
  /** Characters in the text of one body block (the longest built-in one has about 600). */
  bodyText: 4000,
  /** Characters in any other text: titles, labels, help, option values. */
  otherText: 1000,
  blocksPerBody: 200,
  alternatives: 20,
  /** Kinds, topics, citations of one template; options of one enum variable. */
  listItems: 100,
} as const;

export interface TemplateCheckContext {
  builtInTemplateIds: ReadonlySet<string>;
  builtInVariableIds: ReadonlySet<string>;
  /** The variables a placeholder or a proposed value may name. */
  lookupVariable: (variableId: string) => VariableDefinition | undefined;
  /** How a message says which variables were looked in, e.g. "neither a built-in variable nor one of the pack's variables". */
  missingVariableHint: Bilingual;
}

/** A template as saved: the id may still be unassigned (the server gives one on saving). */
export type TemplateContent = Omit<ArticleTemplate, 'id' | 'version'> & { id?: string };

type Path = readonly PropertyKey[];

const problem = (path: Path, message: Bilingual): PackProblem => ({ path: formatPath(path), message });

const idPattern = /^[a-z][a-z0-9_.-]{1,79}$/;
const rulePattern = /^[a-z0-9_.]{1,80}$/;
const placeholderPattern = /\{\{([^{}]*)\}\}/g;

/** Every string inside a value, with its path (the value has passed its schema: depth is bounded). */
function stringsOf(value: unknown, path: Path, found: [Path, string][] = []): [Path, string][] {
  if (typeof value === 'string') found.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => stringsOf(item, [...path, index], found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) stringsOf(item, [...path, key], found);
  }
  return found;
}

/** Whether a path is the text of a body block (`…body[1].text.vi`), where placeholders belong. */
function isBodyText(path: Path): boolean {
  return path.length >= 4 && path.at(-4) === 'body' && path.at(-2) === 'text';
}

/** The variable ids of a body text's placeholders, with problems of malformed or unknown ones. */
function checkPlaceholders(text: string, path: Path, context: TemplateCheckContext, problems: PackProblem[]): Set<string> {
  const used = new Set<string>();
  for (const match of text.matchAll(placeholderPattern)) {
    const id = (match[1] ?? '').trim();
    if (!idPattern.test(id)) {
      const written = JSON.stringify(match[0]);
      problems.push(
        problem(path, {
          en: `${written} is not a placeholder: write {{variable_id}} with the id of a variable`,
          vi: `${written} không phải chỗ điền biến: hãy viết {{mã_biến}} với mã của một biến`,
        }),
      );
    } else if (!context.lookupVariable(id)) {
      const hint = context.missingVariableHint;
      problems.push(problem(path, { en: `uses the variable {{${id}}}, which is ${hint.en}`, vi: `dùng biến {{${id}}}, mà biến này ${hint.vi}` }));
    } else used.add(id);
  }
  const rest = text.replace(placeholderPattern, '');
  if (rest.includes('{{') || rest.includes('}}'))
    problems.push(
      problem(path, {
        en: 'has a "{{" or "}}" that does not belong to a {{variable_id}} placeholder',
        vi: 'có "{{" hoặc "}}" không thuộc chỗ điền biến {{mã_biến}} nào',
      }),
    );
  return used;
}

/** Length, plain-text and placeholder rules for every text of a template or a variable. */
function checkTexts(value: unknown, path: Path, context: TemplateCheckContext, problems: PackProblem[]): void {
  const placeholdersByBlock = new Map<string, { path: Path; vi?: Set<string>; en?: Set<string>; hasProblem: boolean }>();
  for (const [textPath, text] of stringsOf(value, path)) {
    const isBody = isBodyText(textPath);
    const limit = isBody ? templateLimits.bodyText : templateLimits.otherText;
    const before = problems.length;
    if (text.length > limit) {
      problems.push(
        problem(
          textPath,
          bilingual((language) =>
            language === 'en'
              ? `the text is ${formatNumber(text.length, 'en')} characters long, over the limit of ${formatNumber(limit, 'en')}`
              : `văn bản dài ${formatNumber(text.length, 'vi')} ký tự, quá giới hạn ${formatNumber(limit, 'vi')}`,
          ),
        ),
      );
    } else {
      const unsafe = unsafeTextProblem(text);
      if (unsafe) problems.push(problem(textPath, unsafe));
    }
    if (!isBody) {
      if (text.includes('{{') || text.includes('}}'))
        problems.push(
          problem(textPath, {
            en: '{{variable}} placeholders work only in the texts of body blocks',
            vi: 'chỗ điền {{biến}} chỉ dùng được trong văn bản của các đoạn nội dung',
          }),
        );
      continue;
    }
    const blockPath = textPath.slice(0, -1);
    const block = placeholdersByBlock.get(formatPath(blockPath)) ?? { path: blockPath, hasProblem: false };
    block[textPath.at(-1) === 'vi' ? 'vi' : 'en'] = checkPlaceholders(text, textPath, context, problems);
    block.hasProblem ||= problems.length > before;
    placeholdersByBlock.set(formatPath(blockPath), block);
  }
  // Whether both languages use the same variables is asked only of texts without other problems.
  for (const block of placeholdersByBlock.values()) {
    if (block.hasProblem) continue;
    const onlyIn = (a?: Set<string>, b?: Set<string>) => [...(a ?? [])].filter((id) => !(b ?? new Set()).has(id));
    const viOnly = onlyIn(block.vi, block.en);
    const enOnly = onlyIn(block.en, block.vi);
    if (viOnly.length + enOnly.length > 0) {
      const missing = (language: 'en' | 'vi') =>
        [
          ...viOnly.map((id) => (language === 'en' ? `{{${id}}} is in vi but not in en` : `{{${id}}} có ở vi nhưng không có ở en`)),
          ...enOnly.map((id) => (language === 'en' ? `{{${id}}} is in en but not in vi` : `{{${id}}} có ở en nhưng không có ở vi`)),
        ].join(', ');
      problems.push(
        problem(block.path, {
          en: `both languages must use the same variables: ${missing('en')}`,
          vi: `hai ngôn ngữ phải dùng cùng các biến: ${missing('vi')}`,
        }),
      );
    }
  }
}

/** Problems of a user template or user variable id: the built-in library's ids are off limits. */
function checkUserId(id: string, path: Path, builtInIds: ReadonlySet<string>, what: 'template' | 'variable'): PackProblem[] {
  const thing = what === 'template' ? 'mẫu' : 'biến';
  if (builtInIds.has(id)) {
    return [
      problem(path, {
        en: `"${id}" is the id of a built-in ${what}; a user ${what} needs an id of its own, starting with "${userIdPrefix}"`,
        vi: `"${id}" là mã của một ${thing} có sẵn; ${thing} của người dùng cần mã riêng, bắt đầu bằng "${userIdPrefix}"`,
      }),
    ];
  }
  if (!id.startsWith(userIdPrefix)) {
    return [
      problem(path, {
        en: `"${id}" must start with "${userIdPrefix}", so that no built-in ${what} can ever have the same id`,
        vi: `"${id}" phải bắt đầu bằng "${userIdPrefix}", để không ${thing} có sẵn nào trùng mã`,
      }),
    ];
  }
  return [];
}

/** What a count is of, in each language. */
const countedThings = {
  blocks: { en: 'blocks', vi: 'đoạn' },
  alternatives: { en: 'alternative wordings', vi: 'cách diễn đạt khác' },
  kinds: { en: 'kinds', vi: 'loại văn bản' },
  topics: { en: 'topics', vi: 'chủ đề' },
  citations: { en: 'citations', vi: 'căn cứ pháp lý' },
  options: { en: 'options', vi: 'lựa chọn' },
} satisfies Record<string, Bilingual>;

function checkCount(length: number, limit: number, path: Path, what: keyof typeof countedThings): PackProblem[] {
  const things = countedThings[what];
  return length > limit
    ? [
        problem(
          path,
          bilingual((language) =>
            language === 'en'
              ? `holds ${formatNumber(length, 'en')} ${things.en}; the limit is ${formatNumber(limit, 'en')}`
              : `có ${formatNumber(length, 'vi')} ${things.vi}; giới hạn là ${formatNumber(limit, 'vi')}`,
          ),
        ),
      ]
    : [];
}

/** Every problem of one template (its id only when `checkId`: a template being saved has none yet). */
export function checkTemplateContent(template: TemplateContent, path: Path, context: TemplateCheckContext, options: { checkId: boolean }): PackProblem[] {
  const problems: PackProblem[] = [];
  if (options.checkId && template.id !== undefined) problems.push(...checkUserId(template.id, [...path, 'id'], context.builtInTemplateIds, 'template'));
  problems.push(
    ...checkCount(template.body.length, templateLimits.blocksPerBody, [...path, 'body'], 'blocks'),
    ...checkCount(template.alternatives.length, templateLimits.alternatives, [...path, 'alternatives'], 'alternatives'),
    ...checkCount(template.kinds.length, templateLimits.listItems, [...path, 'kinds'], 'kinds'),
    ...checkCount(template.topics.length, templateLimits.listItems, [...path, 'topics'], 'topics'),
    ...checkCount(template.legalBasis.length, templateLimits.listItems, [...path, 'legalBasis'], 'citations'),
  );
  const alternativeIds = new Map<string, number>();
  template.alternatives.forEach((alternative, index) => {
    const altPath = [...path, 'alternatives', index];
    const earlier = alternativeIds.get(alternative.id);
    if (earlier !== undefined)
      problems.push(
        problem([...altPath, 'id'], {
          en: `"${alternative.id}" is already the id of alternatives[${earlier}] of this template`,
          vi: `"${alternative.id}" đã là mã của alternatives[${earlier}] trong mẫu này`,
        }),
      );
    else alternativeIds.set(alternative.id, index);
    problems.push(...checkCount(alternative.body.length, templateLimits.blocksPerBody, [...altPath, 'body'], 'blocks'));
    for (const [variableId, value] of Object.entries(alternative.values ?? {})) {
      const definition = context.lookupVariable(variableId);
      const valuePath = [...altPath, 'values', variableId];
      if (isProceduralFact(variableId))
        problems.push(
          problem(valuePath, {
            en: `"${variableId}" is recorded by the document's lifecycle (the vote, the signing); a wording cannot propose a value for it`,
            vi: `"${variableId}" do quy trình của văn bản ghi nhận (biểu quyết, ký kết); một cách diễn đạt không thể đề xuất giá trị cho nó`,
          }),
        );
      else if (!definition) {
        const hint = context.missingVariableHint;
        problems.push(
          problem(valuePath, {
            en: `proposes a value for "${variableId}", which is ${hint.en}`,
            vi: `đề xuất giá trị cho "${variableId}", mà biến này ${hint.vi}`,
          }),
        );
      } else {
        const invalid = validateVariableValue(definition, value);
        if (invalid)
          problems.push(problem(valuePath, { en: `the proposed value is not valid. ${invalid.en}`, vi: `giá trị đề xuất không hợp lệ. ${invalid.vi}` }));
      }
    }
  });
  checkTexts(template, path, context, problems);
  return problems;
}

/** Every problem of one user variable definition (its id, options, range, default and texts). */
export function checkVariableDefinition(definition: VariableDefinition, path: Path, context: TemplateCheckContext): PackProblem[] {
  const problems: PackProblem[] = [];
  const options = definition.options ?? [];
  if (definition.type === 'enum' && options.length === 0)
    problems.push(problem([...path, 'options'], { en: 'an enum variable needs at least one option', vi: 'biến kiểu enum cần ít nhất một lựa chọn' }));
  if (definition.type !== 'enum' && definition.options !== undefined)
    problems.push(
      problem([...path, 'options'], {
        en: `only enum variables have options; this one is of type ${definition.type}`,
        vi: `chỉ biến kiểu enum mới có lựa chọn; biến này có kiểu ${definition.type}`,
      }),
    );
  problems.push(...checkCount(options.length, templateLimits.listItems, [...path, 'options'], 'options'));
  const values = options.map((option) => option.value);
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index)
      problems.push(problem([...path, 'options', index, 'value'], { en: `the option "${value}" appears twice`, vi: `lựa chọn "${value}" xuất hiện hai lần` }));
  });
  if (definition.min !== undefined && definition.max !== undefined && definition.min > definition.max) {
    const { min, max } = definition;
    problems.push(
      problem(
        [...path, 'min'],
        bilingual((language) =>
          language === 'en'
            ? `the minimum ${formatNumber(min, 'en')} is above the maximum ${formatNumber(max, 'en')}`
            : `giá trị nhỏ nhất ${formatNumber(min, 'vi')} lớn hơn giá trị lớn nhất ${formatNumber(max, 'vi')}`,
        ),
      ),
    );
  }
  if (definition.rule !== undefined && !rulePattern.test(definition.rule)) {
    problems.push(
      problem([...path, 'rule'], {
        en: 'a rule id is lowercase letters, digits, "_" or "." (1 to 80 characters)',
        vi: 'mã quy tắc gồm chữ thường không dấu, chữ số, "_" hoặc "." (1 đến 80 ký tự)',
      }),
    );
  }
  // The default is judged by the options and the range, so only once those are sound. (Only the
  // built-in procedural facts have none, and a user variable never has their ids.)
  if (definition.default === undefined)
    problems.push(problem([...path, 'default'], { en: 'a variable needs a default value', vi: 'biến cần có giá trị mặc định' }));
  else if (problems.length === 0) {
    const invalid = validateVariableValue(definition, definition.default);
    if (invalid)
      problems.push(problem([...path, 'default'], { en: `the default is not valid. ${invalid.en}`, vi: `giá trị mặc định không hợp lệ. ${invalid.vi}` }));
  }
  checkTexts(definition, path, context, problems);
  return [...checkUserId(definition.id, [...path, 'id'], context.builtInVariableIds, 'variable'), ...problems];
}

/** The variable ids a template refers to: its placeholders and the values its wordings propose. */
export function variablesUsedBy(template: TemplateContent): Set<string> {
  const used = new Set<string>();
  const blocks = [...template.body, ...template.alternatives.flatMap((alternative) => alternative.body)];
  for (const block of blocks) {
    for (const text of [block.text.vi, block.text.en]) {
      for (const match of text.matchAll(placeholderPattern)) used.add((match[1] ?? '').trim());
    }
  }
  for (const alternative of template.alternatives) for (const id of Object.keys(alternative.values ?? {})) used.add(id);
  return used;
}
