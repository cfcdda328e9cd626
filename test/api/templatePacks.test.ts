import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { Side } from '#shared/sides';
import type { TemplatePack } from '#shared/templates/pack';
import {
  createTestClock,
  expectApiError,
  httpTransportUnderTest,
  inProcessTransportUnderTest,
  type ApiFixture,
  type TestClock,
} from '../helpers/apiTransports';
import { canteenVariable, mealAllowanceVariable, mealTemplate, overtimeDraft, packFile, samplePack } from '../helpers/templateFixtures';

// Template packs through the contract, over every transport: export → import round trips, and
// malformed or hostile packs refused with WHAT and WHERE, importing nothing.

const mebibyte = 1024 * 1024;

/** A sample pack changed by `edit` (on a deep copy), as file text. */
function editedPack(edit: (pack: TemplatePack & Record<string, unknown>) => void): string {
  const pack = structuredClone(samplePack(3)) as TemplatePack & Record<string, unknown>;
  edit(pack);
  return packFile(pack);
}

function templateOf(pack: TemplatePack, index: number) {
  const template = pack.templates[index];
  if (!template) throw new Error(`no templates[${index}]`);
  return template;
}

function setText(pack: TemplatePack, index: number, block: number, language: 'vi' | 'en', text: string): void {
  const target = templateOf(pack, index).body[block];
  if (!target) throw new Error(`no templates[${index}].body[${block}]`);
  target.text[language] = text;
}

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('template packs over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;
  const others: ApiFixture[] = [];

  beforeEach(async () => {
    clock = createTestClock();
    api = await underTest.start(clock);
    admin = api.client(api.adminToken);
  });

  afterEach(async () => {
    const unexpected = [api, ...others].flatMap((fixture) => fixture.unexpectedErrors());
    await Promise.all([api, ...others.splice(0)].map((fixture) => fixture.close()));
    expect(unexpected).toEqual([]);
  });

  async function join(side: Side, displayName: string) {
    const document = await admin.call('documents/create', { kind: 'enterprise_agreement', title: `Thỏa ước ${displayName}` });
    const invitation = await admin.call('invitations/create', { documentId: document.id, side });
    const redeemed = await api.client().call('invitations/redeem', { code: invitation.code, displayName });
    return { ...redeemed, client: api.client(redeemed.token) };
  }

  /** Everything the host can see: the proof that a refused import imported nothing. */
  async function everything() {
    const pack = await admin.call('templates/exportPack', {});
    return { templates: await admin.call('templates/list', {}), variables: pack.variables };
  }

  it('export → import into a fresh data folder gives the same templates and variables; a side exports only its own', async () => {
    const union = await join('union', 'Anh Minh');
    const employer = await join('employer', 'Chị Lan');
    await union.client.call('templates/importPack', { packJson: packFile(samplePack(2)) });
    clock.advance(1000);
    const saved = await union.client.call('templates/save', { template: overtimeDraft() });
    await employer.client.call('templates/save', { template: overtimeDraft('Phương án của công ty') });

    clock.advance(60_000);
    const exported = await union.client.call('templates/exportPack', {});
    expect(exported).toEqual({
      format: 'thoa-uoc-template-pack',
      version: 1,
      exportedAt: new Date(clock.now()).toISOString(),
      variables: [canteenVariable, mealAllowanceVariable],
      templates: [...samplePack(2).templates, saved.template],
    });

    const fresh = await underTest.start(createTestClock(Date.UTC(2028, 5, 1)));
    others.push(fresh);
    const freshAdmin = fresh.client(fresh.adminToken);
    const result = await freshAdmin.call('templates/importPack', { packJson: packFile(exported), ownerSide: 'union' });
    expect(result).toEqual({
      templates: { created: exported.templates.map((t) => t.id), replaced: [], unchanged: [] },
      variables: { created: [canteenVariable.id, mealAllowanceVariable.id], replaced: [], unchanged: [] }, // as exported: by id
    });
    const imported = await freshAdmin.call('templates/list', {});
    expect(imported.map((t) => t.template)).toEqual(exported.templates);
    expect(imported.every((t) => t.ownerSide === 'union' && t.createdBy === null)).toBe(true);
    const again = await freshAdmin.call('templates/exportPack', {});
    expect({ ...again, exportedAt: exported.exportedAt }).toEqual(exported);
  });

  it('importing the same pack again changes nothing; an edited pack replaces by id, without duplicates', async () => {
    const union = await join('union', 'Anh Minh');
    const pack = samplePack(2);
    await union.client.call('templates/importPack', { packJson: packFile(pack) });
    const before = await union.client.call('templates/list', {});

    clock.advance(1000);
    expect(await union.client.call('templates/importPack', { packJson: packFile(pack) })).toEqual({
      templates: { created: [], replaced: [], unchanged: ['user.union.meal_0', 'user.union.meal_1'] },
      variables: { created: [], replaced: [], unchanged: [mealAllowanceVariable.id, canteenVariable.id] },
    });
    expect(await union.client.call('templates/list', {})).toEqual(before);

    clock.advance(1000);
    const edited = structuredClone(pack);
    templateOf(edited, 1).title = { vi: 'Bữa ăn giữa ca (2028)', en: 'Mid-shift meals (2028)' };
    edited.templates.push(mealTemplate('user.union.meal_2'));
    expect(await union.client.call('templates/importPack', { packJson: packFile(edited) })).toMatchObject({
      templates: { created: ['user.union.meal_2'], replaced: ['user.union.meal_1'], unchanged: ['user.union.meal_0'] },
    });
    const after = await union.client.call('templates/list', {});
    expect(after.map((t) => t.id)).toEqual(['user.union.meal_0', 'user.union.meal_1', 'user.union.meal_2']);
    expect(after[1]).toEqual({ ...before[1], template: templateOf(edited, 1), updatedAt: new Date(clock.now()).toISOString() });
  });

  it('a side may not overwrite another side’s template or a variable defined differently; the host may change a variable', async () => {
    const union = await join('union', 'Anh Minh');
    const employer = await join('employer', 'Chị Lan');
    await employer.client.call('templates/importPack', { packJson: packFile(samplePack(1)) });
    const before = await everything();

    const collision = { ...samplePack(0), templates: [mealTemplate('user.union.brand_new'), mealTemplate('user.union.meal_0')] };
    const refused = await expectApiError(
      union.client.call('templates/importPack', { packJson: packFile(collision) }),
      'conflict',
      /not imported \(nothing was changed\)\. templates\[1\]\.id: "user\.union\.meal_0" is already the id of a template that you may not change/,
    );
    // The interface shows every problem in its own language: the reason carries them in both.
    expect(refused.reason).toEqual({
      key: 'pack_refused',
      values: {
        problems: {
          en: 'templates[1].id: "user.union.meal_0" is already the id of a template that you may not change; give this one another id',
          vi: 'templates[1].id: "user.union.meal_0" đã là mã của một mẫu mà bạn không được sửa; hãy đặt cho mẫu này mã khác',
        },
      },
    });
    const raised = { ...samplePack(0), variables: [{ ...mealAllowanceVariable, max: 500_000 }] };
    await expectApiError(
      union.client.call('templates/importPack', { packJson: packFile(raised) }),
      'conflict',
      /variables\[0\]: the variable "user\.meal_per_shift" is already defined differently/,
    );
    expect(await everything()).toEqual(before);

    expect((await admin.call('templates/importPack', { packJson: packFile(raised) })).variables.replaced).toEqual(['user.meal_per_shift']);
    expect((await everything()).variables).toEqual([canteenVariable, { ...mealAllowanceVariable, max: 500_000 }]);
  });

  const hostile: [string, () => string, string, RegExp][] = [
    [
      'not JSON',
      () => packFile(samplePack()).replace('"version": 1,', '"version": 1'),
      'invalid_input',
      /not valid JSON: expected "," or "\}" after a property value/,
    ],
    [
      'JSON with a line and column',
      () => '{\n  "format": "thoa-uoc-template-pack",\n  "variables": [}',
      'invalid_input',
      /line 3, column 17: the file is not valid JSON/,
    ],
    [
      'wrong types',
      () => editedPack((p) => Object.assign(templateOf(p, 1), { version: '3' })),
      'invalid_input',
      /templates\[1\]\.version: must be a number, found the text "3"/,
    ],
    [
      'an unknown variable type',
      () => editedPack((p) => Object.assign(p.variables[1] ?? {}, { type: 'colour' })),
      'invalid_input',
      /variables\[1\]\.type: unknown variable type "colour"/,
    ],
    ['an unknown field', () => editedPack((p) => Object.assign(templateOf(p, 2), { onload: 'x' })), 'invalid_input', /templates\[2\]\.onload: unknown field/],
    [
      'an undefined placeholder',
      () => editedPack((p) => setText(p, 2, 1, 'en', 'Worth {{user.meal_per_day}}.')),
      'invalid_input',
      /templates\[2\]\.body\[1\]\.text\.en: uses the variable \{\{user\.meal_per_day\}\}, which is neither a built-in variable nor one of the pack's variables/,
    ],
    [
      'a <script> in a text',
      () => editedPack((p) => setText(p, 1, 0, 'vi', '<script>alert(document.cookie)</script>')),
      'invalid_input',
      /templates\[1\]\.body\[0\]\.text\.vi: contains a <script> tag/,
    ],
    [
      'HTML in a text',
      () => editedPack((p) => setText(p, 0, 1, 'en', 'Worth <b>{{user.meal_per_shift}}</b>, adjusted for {{region}}.')),
      'invalid_input',
      /templates\[0\]\.body\[1\]\.text\.en: contains HTML markup "<b>"/,
    ],
    [
      'javascript: in a text',
      () =>
        editedPack((p) => {
          templateOf(p, 2).title.en = 'javascript:alert(1)';
        }),
      'invalid_input',
      /templates\[2\]\.title\.en: contains a script URL "javascript:"/,
    ],
    [
      'an over-long text',
      () => editedPack((p) => setText(p, 1, 1, 'vi', 'Đ'.repeat(5000))),
      'invalid_input',
      /templates\[1\]\.body\[1\]\.text\.vi: the text is 5,000 characters long, over the limit of 4,000/,
    ],
    [
      'duplicate ids',
      () =>
        editedPack((p) => {
          templateOf(p, 2).id = 'user.union.meal_0';
        }),
      'invalid_input',
      /templates\[2\]\.id: "user\.union\.meal_0" is already the id of templates\[0\]/,
    ],
    [
      'a built-in template id',
      () =>
        editedPack((p) => {
          templateOf(p, 0).id = 'cla.time.public_holidays';
        }),
      'invalid_input',
      /templates\[0\]\.id: "cla\.time\.public_holidays" is the id of a built-in template/,
    ],
    [
      'a built-in variable id',
      () =>
        editedPack((p) => {
          p.variables.push({ ...mealAllowanceVariable, id: 'ot_rate_weekday' });
        }),
      'invalid_input',
      /variables\[2\]\.id: "ot_rate_weekday" is the id of a built-in variable/,
    ],
    ['a file of 1.5 MB', () => `${packFile(samplePack())}${' '.repeat(1_500_000)}`, 'payload_too_large', /larger than 1 MiB \(1,048,576 bytes of UTF-8\)/],
  ];

  it.each(hostile)('%s: refused, saying what and where, and nothing is imported', async (_what, packJson, code, message) => {
    const union = await join('union', 'Anh Minh');
    await expectApiError(
      union.client.call('templates/importPack', { packJson: packJson() }),
      code === 'payload_too_large' ? 'payload_too_large' : 'invalid_input',
      message,
    );
    await expectApiError(
      admin.call('templates/importPack', { packJson: packJson() }),
      code === 'payload_too_large' ? 'payload_too_large' : 'invalid_input',
      /^the template pack was not imported \(nothing was changed\)/,
    );
    expect(await everything()).toEqual({ templates: [], variables: [] });
    expect(await api.store.audit.listByActionPrefix('template.pack_imported')).toEqual([]);
  });

  it('one bad template among many imports nothing', async () => {
    const pack = samplePack(40);
    setText(pack, 37, 0, 'en', 'Meals <img src=x onerror="alert(1)">');
    await expectApiError(
      admin.call('templates/importPack', { packJson: packFile(pack) }),
      'invalid_input',
      /^the template pack was not imported \(nothing was changed\)\. templates\[37\]\.body\[0\]\.text\.en: contains what looks like an HTML event-handler attribute "onerror="/,
    );
    expect(await everything()).toEqual({ templates: [], variables: [] });
  });

  it('a 50 MB file is refused quickly, naming the limit, and nothing is imported', async () => {
    const huge = `{"format": "thoa-uoc-template-pack", "version": 1, "padding": "${'x'.repeat(50 * mebibyte)}"}`;
    const started = Date.now();
    const error = await expectApiError(admin.call('templates/importPack', { packJson: huge }), 'payload_too_large', /1 MiB \(1,?048,?576 bytes/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error.message.length).toBeLessThan(300);
    expect(await everything()).toEqual({ templates: [], variables: [] });
  });
});

describe('template packs over HTTP only', () => {
  it('a pack file of almost 1 MiB is imported although its request body is larger than other calls may send', async () => {
    const clock = createTestClock();
    const api = await httpTransportUnderTest.start(clock);
    try {
      // Quoted terms are ordinary in legal text; each quote is escaped once in the file and again in the body.
      const text = 'Khái niệm "ca làm việc", "làm thêm giờ" và "nghỉ bù" được hiểu như sau. ';
      const pack = samplePack(0);
      const bytes = (text: string): number => new TextEncoder().encode(text).length;
      for (let index = 0; bytes(packFile(pack)) < mebibyte - 10_000; index += 1) {
        const template = mealTemplate(`user.big_${index}`);
        const block = template.body[0];
        if (block) block.text.vi = `${text.repeat(45)}{{user.canteen_mode}}`;
        pack.templates.push(template);
      }
      const packJson = packFile(pack);
      expect(bytes(packJson)).toBeLessThanOrEqual(mebibyte);
      expect(bytes(JSON.stringify({ packJson }))).toBeGreaterThan(mebibyte);
      const result = await api.client(api.adminToken).call('templates/importPack', { packJson });
      expect(result.templates.created).toHaveLength(pack.templates.length);
      expect(api.unexpectedErrors()).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
