import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { ApiMethod } from '#shared/api/contract';
import type { Side } from '#shared/sides';
import {
  closeApi,
  expectApiError,
  httpTransportUnderTest,
  inProcessTransportUnderTest,
  startApi,
  type ApiFixture,
  type TestClock,
} from '../helpers/apiTransports';
import { overtimeDraft, packFile, samplePack } from '../helpers/templateFixtures';

// User templates through the contract, over every transport (HOUSE_STYLE 22): saving, editing,
// deleting, and who sees what. Each side's templates are its private negotiation playbook.

const iso = (ms: number): string => new Date(ms).toISOString();

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('user templates over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(underTest));
  });
  afterEach(() => closeApi(api));

  /** A participant of a fresh document, with a client holding its token. */
  async function join(side: Side, displayName: string) {
    const document = await admin.call('documents/create', { kind: 'enterprise_agreement', title: `Thỏa ước ${displayName}` });
    const invitation = await admin.call('invitations/create', { documentId: document.id, side });
    const redeemed = await api.client().call('invitations/redeem', { code: invitation.code, displayName });
    return { ...redeemed, client: api.client(redeemed.token) };
  }

  it('the host saves, lists, updates and deletes a template; versions and times follow the service clock', async () => {
    const t0 = clock.now();
    const saved = await admin.call('templates/save', { template: overtimeDraft() });
    expect(saved).toEqual({
      id: expect.stringMatching(/^user\.[a-z0-9]{16}$/),
      ownerSide: null,
      createdBy: null,
      createdAt: iso(t0),
      updatedAt: iso(t0),
      template: { ...overtimeDraft(), id: saved.id, version: 1 },
    });
    expect(await admin.call('templates/list', {})).toEqual([saved]);

    clock.advance(60_000);
    const edited = { ...overtimeDraft('Làm thêm giờ (bản sửa)'), recommended: true };
    const updated = await admin.call('templates/update', { id: saved.id, template: edited });
    expect(updated).toEqual({ ...saved, updatedAt: iso(clock.now()), template: { ...edited, id: saved.id, version: 2 } });
    expect(await admin.call('templates/list', {})).toEqual([updated]);

    clock.advance(60_000);
    expect(await admin.call('templates/delete', { id: saved.id })).toEqual(updated);
    expect(await admin.call('templates/list', {})).toEqual([]);
    await expectApiError(admin.call('templates/delete', { id: saved.id }), 'not_found', new RegExp(saved.id.replace('.', '\\.')));
    await expectApiError(admin.call('templates/update', { id: saved.id, template: edited }), 'not_found');
  });

  it('ids never collide with built-in templates: every saved id starts with "user."; a built-in id is not a user template id', async () => {
    const ids = new Set<string>();
    for (let index = 0; index < 5; index += 1) ids.add((await admin.call('templates/save', { template: overtimeDraft(`Mẫu ${index}`) })).id);
    expect(ids.size).toBe(5);
    for (const id of ids) expect(id.startsWith('user.')).toBe(true);
    await expectApiError(
      api.transport(api.adminToken)('templates/delete', { id: 'cla.time.public_holidays' }),
      'invalid_input',
      /id: a user template id is "user\."/,
    );
  });

  it('each side sees only its own templates; the host sees all and may file one under a side', async () => {
    const union = await join('union', 'Anh Minh (Công đoàn)');
    const employer = await join('employer', 'Chị Lan (Nhân sự)');
    const unionTemplate = await union.client.call('templates/save', { template: overtimeDraft('Đề xuất của công đoàn') });
    clock.advance(1000);
    const employerTemplate = await employer.client.call('templates/save', { template: overtimeDraft('Phương án của công ty') });
    clock.advance(1000);
    const hostTemplate = await admin.call('templates/save', { template: overtimeDraft('Mẫu của chủ máy') });
    clock.advance(1000);
    const filedForUnion = await admin.call('templates/save', { template: overtimeDraft('Mẫu chung cho công đoàn'), ownerSide: 'union' });

    expect(unionTemplate).toMatchObject({ ownerSide: 'union', createdBy: union.participant.id });
    expect(employerTemplate).toMatchObject({ ownerSide: 'employer', createdBy: employer.participant.id });
    expect(filedForUnion).toMatchObject({ ownerSide: 'union', createdBy: null });
    expect(await admin.call('templates/list', {})).toEqual([unionTemplate, employerTemplate, hostTemplate, filedForUnion]);
    expect(await union.client.call('templates/list', {})).toEqual([unionTemplate, filedForUnion]);
    expect(await employer.client.call('templates/list', {})).toEqual([employerTemplate]);

    // Another union participant (of another document) shares the union side's templates.
    const colleague = await join('union', 'Chị Hoa (Công đoàn)');
    expect((await colleague.client.call('templates/list', {})).map((t) => t.id)).toEqual([unionTemplate.id, filedForUnion.id]);

    // A participant cannot file a template under the other side, nor under the host.
    await expectApiError(union.client.call('templates/save', { template: overtimeDraft(), ownerSide: 'employer' }), 'forbidden', /union side only/);
    await expectApiError(union.client.call('templates/save', { template: overtimeDraft(), ownerSide: null }), 'forbidden');
    expect((await union.client.call('templates/save', { template: overtimeDraft(), ownerSide: 'union' })).ownerSide).toBe('union');
  });

  it('only the owning side or the host may update or delete a template', async () => {
    const union = await join('union', 'Anh Minh');
    const employer = await join('employer', 'Chị Lan');
    const unionTemplate = await union.client.call('templates/save', { template: overtimeDraft('Của công đoàn') });
    clock.advance(1000);
    const hostTemplate = await admin.call('templates/save', { template: overtimeDraft('Của chủ máy') });

    for (const attempt of [
      employer.client.call('templates/update', { id: unionTemplate.id, template: overtimeDraft('Sửa trộm') }),
      employer.client.call('templates/delete', { id: unionTemplate.id }),
      union.client.call('templates/delete', { id: hostTemplate.id }),
      union.client.call('templates/update', { id: hostTemplate.id, template: overtimeDraft('Sửa trộm') }),
    ]) {
      await expectApiError(attempt, 'forbidden', /only the side that owns this template, or the host, may change it/);
    }
    expect(await admin.call('templates/list', {})).toEqual([unionTemplate, hostTemplate]);

    const colleague = await join('union', 'Chị Hoa');
    const renamed = await colleague.client.call('templates/update', { id: unionTemplate.id, template: overtimeDraft('Công đoàn sửa') });
    expect(renamed.template).toMatchObject({ version: 2, title: { vi: 'Công đoàn sửa' } });
    expect(await admin.call('templates/delete', { id: unionTemplate.id })).toEqual(renamed);
    expect(await union.client.call('templates/list', {})).toEqual([]);
  });

  it('reviewers are refused every template method, and nobody without a token is let in', async () => {
    const reviewer = await join('reviewer', 'Ông Tuấn (Sở Nội vụ)');
    const existing = await admin.call('templates/save', { template: overtimeDraft() });
    const calls: [ApiMethod, unknown][] = [
      ['templates/list', {}],
      ['templates/save', { template: overtimeDraft() }],
      ['templates/update', { id: existing.id, template: overtimeDraft('Không được') }],
      ['templates/delete', { id: existing.id }],
      ['templates/exportPack', {}],
      ['templates/importPack', { packJson: packFile(samplePack()) }],
    ];
    for (const [method, input] of calls) {
      await expectApiError(api.transport(reviewer.token)(method, input), 'forbidden', /reviewers do not keep templates/);
      await expectApiError(api.transport()(method, input), 'unauthorized');
    }
    expect(await admin.call('templates/list', {})).toEqual([existing]);
    expect((await admin.call('templates/exportPack', {})).variables).toEqual([]);
  });

  it('a saved template must be plain text whose placeholders name known variables; nothing is saved otherwise', async () => {
    const send = api.transport(api.adminToken);
    const withScript = overtimeDraft();
    withScript.body[1] = { type: 'point', text: { vi: 'Nghỉ bù <script>alert(1)</script>', en: 'Time off in lieu.' } };
    const refused = await expectApiError(
      admin.call('templates/save', { template: withScript }),
      'invalid_input',
      /^template\.body\[1\]\.text\.vi: contains a <script> tag/,
    );
    expect(refused.reason).toEqual({
      key: 'template_refused',
      values: {
        problems: {
          en: 'template.body[1].text.vi: contains a <script> tag (template texts are plain text)',
          vi: 'template.body[1].text.vi: chứa thẻ <script> (văn bản của mẫu là văn bản thuần)',
        },
      },
    });

    const withUnknown = overtimeDraft();
    withUnknown.body[0] = { type: 'clause', text: { vi: 'Phụ cấp {{user.night_meal}}.', en: 'Allowance {{user.night_meal}}.' } };
    await expectApiError(
      admin.call('templates/save', { template: withUnknown }),
      'invalid_input',
      /^2 problems: \(1\) template\.body\[0\]\.text\.vi: uses the variable \{\{user\.night_meal\}\}, which is neither a built-in variable nor a variable of an imported template pack/,
    );

    const badValue = overtimeDraft();
    const favourable = badValue.alternatives[0];
    if (favourable) favourable.values = { ot_rate_weekday: 90 };
    await expectApiError(
      admin.call('templates/save', { template: badValue }),
      'invalid_input',
      /template\.alternatives\[0\]\.values\.ot_rate_weekday: the proposed value is not valid/,
    );

    await expectApiError(send('templates/save', { template: { ...overtimeDraft(), kinds: ['contract'] } }), 'invalid_input', /template\.kinds\.0/);
    await expectApiError(send('templates/save', { template: { ...overtimeDraft(), id: 'user.mine' } }), 'invalid_input', /template: Unrecognized key: "id"/);
    expect(await admin.call('templates/list', {})).toEqual([]);

    // After a pack defines user.meal_per_shift, a saved template may use it.
    await admin.call('templates/importPack', { packJson: packFile(samplePack(0)) });
    const usesUserVariable = overtimeDraft();
    usesUserVariable.body.push({ type: 'clause', text: { vi: 'Kèm suất ăn {{user.meal_per_shift}}.', en: 'With a meal of {{user.meal_per_shift}}.' } });
    expect((await admin.call('templates/save', { template: usesUserVariable })).template.body).toHaveLength(3);
  });

  it('every change is in the audit log, with who made it; refused calls leave nothing', async () => {
    const union = await join('union', 'Anh Minh');
    const saved = await union.client.call('templates/save', { template: overtimeDraft() });
    clock.advance(1000);
    await union.client.call('templates/update', { id: saved.id, template: overtimeDraft('Sửa') });
    await expectApiError(union.client.call('templates/importPack', { packJson: '{' }), 'invalid_input');
    await union.client.call('templates/exportPack', {});
    await admin.call('templates/importPack', { packJson: packFile(samplePack(1)) });
    await admin.call('templates/delete', { id: saved.id });
    const actor = `participant:${union.participant.id}`;
    expect((await api.store.audit.listByActionPrefix('template.')).map(({ actor: who, action, details }) => ({ who, action, details }))).toEqual([
      { who: actor, action: 'template.saved', details: { templateId: saved.id, ownerSide: 'union', title: saved.template.title.vi } },
      { who: actor, action: 'template.updated', details: { templateId: saved.id, version: 2 } },
      { who: actor, action: 'template.pack_exported', details: { templates: 1, variables: 0 } },
      {
        who: 'admin',
        action: 'template.pack_imported',
        details: { ownerSide: null, templates: { created: 1, replaced: 0, unchanged: 0 }, variables: { created: 2, replaced: 0, unchanged: 0 } },
      },
      { who: 'admin', action: 'template.deleted', details: { templateId: saved.id, ownerSide: 'union' } },
    ]);
  });
});
