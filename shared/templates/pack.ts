/**
 * Template packs: user templates and the variables they use, as one JSON file that a side can
 * export, keep and import elsewhere. A pack comes from outside, so it is checked whole before
 * anything of it is kept: its JSON, its shape (strict: unknown fields are refused), its ids, the
 * variables its placeholders use, the defaults and proposed values of those variables, and every
 * text (normalised to NFC; no markup, script, control characters or what no document can hold;
 * bounded lengths). The checks are pure, so the interface can run them on a file before uploading
 * it; the server runs them again.
 */
import { z } from 'zod';
import { formatNumber } from '#shared/format/locale';
import { parseJsonText } from '#shared/templates/jsonSyntax';
import type { TemplateLibrary } from '#shared/templates/library';
import { bilingual, describeValue, formatPath, problemsFromIssues, type PackProblem } from '#shared/templates/packProblems';
import { articleTemplateSchema, variableDefinitionSchema, type Bilingual, type VariableDefinition } from '#shared/templates/schema';
import { checkTemplateContent, checkVariableDefinition, type TemplateCheckContext } from '#shared/templates/templateChecks';
import { mapStrings } from '#shared/text/mapStrings';
import { toNfc } from '#shared/text/safeText';

export type { PackProblem } from '#shared/templates/packProblems';

export const templatePackFormat = 'thoa-uoc-template-pack';
export const templatePackVersion = 1;

/** The largest pack file accepted: 1 MiB of UTF-8. */
export const maxPackBytes = 1024 * 1024;

/** How many templates and variables one pack may hold. */
export const maxPackTemplates = 2000;
export const maxPackVariables = 500;

export const templatePackSchema = z
  .object({
    format: z.literal(templatePackFormat),
    version: z.literal(templatePackVersion),
    exportedAt: z.iso.datetime(),
    variables: z.array(variableDefinitionSchema),
    templates: z.array(articleTemplateSchema),
  })
  .strict();

export type TemplatePack = z.infer<typeof templatePackSchema>;

export type PackCheckResult = { ok: true; pack: TemplatePack } | { ok: false; tooLarge: boolean; problems: PackProblem[] };

/**
 * The UTF-8 size of a text, counted only as far as `stopAbove`: a longer text returns a number
 * above it without being walked to its end.
 */
export function utf8ByteLength(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  // Each UTF-16 unit is at least one UTF-8 byte: a text this long is too large without counting.
  if (text.length > stopAbove) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= stopAbove; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point of four bytes
      index += 1;
    } else bytes += 3; // the rest of the BMP; a lone surrogate becomes U+FFFD, also three bytes
  }
  return bytes;
}

/** Why a pack file is too large to be read, or null; cheap even for a text of many megabytes. */
export function packSizeProblem(text: string): Bilingual | null {
  if (utf8ByteLength(text, maxPackBytes) <= maxPackBytes) return null;
  return {
    en: `the file is larger than 1 MiB (${formatNumber(maxPackBytes, 'en')} bytes of UTF-8), the limit for a template pack`,
    vi: `tệp lớn hơn 1 MiB (${formatNumber(maxPackBytes, 'vi')} byte UTF-8), giới hạn của một gói mẫu`,
  };
}

export type BuiltInIds = Pick<TemplateCheckContext, 'builtInTemplateIds' | 'builtInVariableIds'> & {
  builtInVariables: ReadonlyMap<string, VariableDefinition>;
};

/** The ids a pack must not reuse, and the variables its placeholders may use besides its own. */
export function checkContextFromLibrary(library: TemplateLibrary): BuiltInIds {
  return {
    builtInTemplateIds: new Set(library.templates.map((template) => template.id)),
    builtInVariableIds: new Set(library.variables.map((variable) => variable.id)),
    builtInVariables: new Map(library.variables.map((variable) => [variable.id, variable])),
  };
}

/** `holds 600 templates; a pack holds at most 500`, in each language. */
function tooMany(count: number, limit: number, things: Bilingual): Bilingual {
  return bilingual((language) =>
    language === 'en'
      ? `holds ${formatNumber(count, 'en')} ${things.en}; a pack holds at most ${formatNumber(limit, 'en')}`
      : `có ${formatNumber(count, 'vi')} ${things.vi}; một gói có nhiều nhất ${formatNumber(limit, 'vi')}`,
  );
}

/** Checks the outside of a pack before its contents: an object, of this format, not too many entries. */
function checkEnvelope(value: unknown): PackProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = describeValue(value);
    return [
      {
        path: '',
        message: {
          en: `must be a JSON object with format, version, exportedAt, variables and templates, found ${found.en}`,
          vi: `phải là một đối tượng JSON có format, version, exportedAt, variables và templates, nhưng là ${found.vi}`,
        },
      },
    ];
  }
  const { format, version, variables, templates } = value as Record<string, unknown>;
  if (format !== templatePackFormat) {
    const found = describeValue(format);
    return [
      {
        path: 'format',
        message: {
          en: `must be "${templatePackFormat}", found ${found.en}: this file is not a Thỏa Ước template pack`,
          vi: `phải là "${templatePackFormat}", nhưng là ${found.vi}: tệp này không phải gói mẫu của Thỏa Ước`,
        },
      },
    ];
  }
  if (typeof version === 'number' && version > templatePackVersion) {
    return [
      {
        path: 'version',
        message: {
          en: `the pack is of version ${version}, made by a newer Thỏa Ước; this version reads version ${templatePackVersion}`,
          vi: `gói mẫu thuộc phiên bản ${version}, do Thỏa Ước mới hơn tạo ra; bản này chỉ đọc được phiên bản ${templatePackVersion}`,
        },
      },
    ];
  }
  const problems: PackProblem[] = [];
  if (Array.isArray(templates) && templates.length > maxPackTemplates) {
    problems.push({ path: 'templates', message: tooMany(templates.length, maxPackTemplates, { en: 'templates', vi: 'mẫu' }) });
  }
  if (Array.isArray(variables) && variables.length > maxPackVariables) {
    problems.push({ path: 'variables', message: tooMany(variables.length, maxPackVariables, { en: 'variables', vi: 'biến' }) });
  }
  return problems;
}

/** Problems of ids that appear twice in one list: `templates[5].id: … also templates[2]`. */
function duplicateIdProblems(list: 'templates' | 'variables', ids: readonly string[]): PackProblem[] {
  const first = new Map<string, number>();
  return ids.flatMap((id, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return [];
    }
    return [
      {
        path: formatPath([list, index, 'id']),
        message: {
          en: `"${id}" is already the id of ${list}[${earlier}]; ids in a pack must be unique`,
          vi: `"${id}" đã là mã của ${list}[${earlier}]; các mã trong một gói không được trùng nhau`,
        },
      },
    ];
  });
}

/** The checks that need the whole pack: ids, and what each template refers to. */
function checkContents(pack: TemplatePack, library: TemplateLibrary): PackProblem[] {
  const base = checkContextFromLibrary(library);
  const ownVariables = new Map(pack.variables.map((variable) => [variable.id, variable]));
  const context: TemplateCheckContext = {
    ...base,
    lookupVariable: (id) => base.builtInVariables.get(id) ?? ownVariables.get(id),
    missingVariableHint: { en: "neither a built-in variable nor one of the pack's variables", vi: 'không phải biến có sẵn cũng không phải biến của gói' },
  };
  return [
    ...pack.variables.flatMap((variable, index) => checkVariableDefinition(variable, ['variables', index], context)),
    ...duplicateIdProblems(
      'variables',
      pack.variables.map((variable) => variable.id),
    ),
    ...pack.templates.flatMap((template, index) => checkTemplateContent(template, ['templates', index], context, { checkId: true })),
    ...duplicateIdProblems(
      'templates',
      pack.templates.map((template) => template.id),
    ),
  ];
}

/**
 * Checks a pack file's text completely and returns the pack, or every problem found (each with
 * where and what). `library` is the built-in library whose ids and variables the pack is checked
 * against.
 */
export function checkTemplatePack(text: string, library: TemplateLibrary): PackCheckResult {
  const sizeProblem = packSizeProblem(text);
  if (sizeProblem) return { ok: false, tooLarge: true, problems: [{ path: '', message: sizeProblem }] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return {
      ok: false,
      tooLarge: false,
      problems: [
        { path: '', at: { line, column }, message: { en: `the file is not valid JSON: ${message.en}`, vi: `tệp không phải JSON hợp lệ: ${message.vi}` } },
      ],
    };
  }
  const envelope = checkEnvelope(parsed.value);
  if (envelope.length > 0) return { ok: false, tooLarge: false, problems: envelope };
  // Texts are kept in NFC, as everything typed into the API is: a pack written elsewhere may hold decomposed letters.
  const value = mapStrings(parsed.value, toNfc);
  const shaped = templatePackSchema.safeParse(value);
  if (!shaped.success) return { ok: false, tooLarge: false, problems: problemsFromIssues(shaped.error.issues, value) };
  const problems = checkContents(shaped.data, library);
  return problems.length > 0 ? { ok: false, tooLarge: false, problems } : { ok: true, pack: shaped.data };
}
