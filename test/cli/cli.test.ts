import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient } from '#shared/api/client';
import { documentMetaSchema } from '#shared/api/documents';
import { ApiError } from '#shared/api/errors';
import { createHttpTransport } from '#shared/api/httpTransport';
import { invitationSchema, redeemedInvitationSchema } from '#shared/api/invitations';
import { participantSchema } from '#shared/api/participants';
import { runCli } from '#main/cli/runCli';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { createTempFolder } from '../helpers/tempFolder';

// The command line against a temporary --data folder, and what it leaves there for server mode.

const usageHeading = 'Usage: npm run cli -- [--data FOLDER | --store postgres://…] [--json] COMMAND';

describe('npm run cli', () => {
  let folder: { path: string; remove: () => void };
  let harness: Harness | undefined;

  beforeEach(() => {
    folder = createTempFolder('thoa-uoc-cli-');
  });

  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
    folder.remove();
  });

  /** Runs one command on the test's data folder; returns the exit code and everything printed. */
  async function cli(...args: string[]): Promise<{ code: number; output: string }> {
    const printed: string[] = [];
    const code = await runCli(['--data', folder.path, ...args], (text) => printed.push(text));
    return { code, output: printed.join('\n') };
  }

  /** Runs a command with --json; it must succeed and print JSON of the given shape. */
  async function cliJson<T>(schema: z.ZodType<T>, ...args: string[]): Promise<T> {
    const { code, output } = await cli(...args, '--json');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/^[[{]/) });
    return schema.parse(JSON.parse(output));
  }

  const createAgreement = (title = 'Thỏa ước lao động tập thể 2027') =>
    cliJson(documentMetaSchema, 'documents', 'create', '--kind', 'enterprise_agreement', '--title', title);

  async function serverClient(token: string) {
    harness ??= await startHarness({ dataFolder: folder.path });
    return createApiClient(createHttpTransport({ baseUrl: harness.server.url, token, fetch }));
  }

  it('documents create, list, rename and archive', async () => {
    const created = await cli('documents', 'create', '--kind', 'labour_regulations', '--title', 'Nội quy lao động');
    const id = /^Created ([a-z0-9]+) {2}Nội quy lao động$/.exec(created.output)?.[1];
    expect({ code: created.code, id }).toEqual({ code: 0, id: expect.stringMatching(/^[a-z0-9]{16}$/) });

    const listed = await cli('documents', 'list');
    expect(listed).toEqual({ code: 0, output: expect.stringMatching(new RegExp(`^${id} {2}labour_regulations +drafting +Nội quy lao động$`)) });

    expect(await cli('documents', 'rename', `${id}`, '--title', 'Nội quy lao động 2027')).toEqual({
      code: 0,
      output: `Renamed ${id} to Nội quy lao động 2027`,
    });
    expect((await cli('documents', 'list')).output).toContain('Nội quy lao động 2027');

    expect(await cli('documents', 'archive', `${id}`)).toEqual({ code: 0, output: `Archived ${id}  Nội quy lao động 2027` });
    expect((await cli('documents', 'list')).output).toMatch(/^No documents yet\./);
    expect((await cli('documents', 'list', '--all')).output).toMatch(new RegExp(`^${id} .*Nội quy lao động 2027 {2}\\(archived\\)$`));
    const [archived] = await cliJson(z.array(documentMetaSchema), 'documents', 'list', '--all');
    expect(archived).toMatchObject({ id, title: 'Nội quy lao động 2027', archivedAt: expect.any(String) });
  });

  it('invite prints a one-time code and the join link on the --url server', async () => {
    const document = await createAgreement();
    const { code, output } = await cli('invite', document.id, '--side', 'union', '--url', 'http://192.168.1.20:4477/');
    const invitationCode = /^Invitation for the union side: ([0-9A-Z]{5}-[0-9A-Z]{5})$/m.exec(output)?.[1];
    expect({ code, invitationCode }).toEqual({ code: 0, invitationCode: expect.any(String) });
    expect(output.split('\n').slice(1)).toEqual([
      `Link: http://192.168.1.20:4477/#/join/${invitationCode}`,
      expect.stringMatching(/^Valid until \S+Z; it can be used once\.$/),
    ]);

    const before = Date.now();
    const json = await cliJson(invitationSchema.extend({ link: z.string() }), 'invite', document.id, '--side', 'reviewer', '--hours', '2');
    const after = Date.now();
    expect(json.link).toBe(`http://127.0.0.1:4477/#/join/${json.code}`);
    const expiresAt = Date.parse(json.expiresAt);
    expect(expiresAt >= before + 2 * 3_600_000 && expiresAt <= after + 2 * 3_600_000).toBe(true);
  });

  it('redeem prints a token that server mode, started later on the same folder, accepts', async () => {
    const document = await createAgreement();
    const invitation = await cliJson(invitationSchema, 'invite', document.id, '--side', 'employer');
    const { code, output } = await cli('redeem', invitation.code.toLowerCase(), '--name', 'Chị Lan (Phòng Nhân sự)');
    expect(code).toBe(0);
    expect(output.split('\n')[0]).toBe(`Chị Lan (Phòng Nhân sự) joined "${document.title}" as employer.`);
    const token = /^Token \(keep it secret\): (tu_\S+)$/m.exec(output)?.[1] ?? 'no token printed';

    const session = await (await serverClient(token)).call('session/get', {});
    expect(session).toMatchObject({
      kind: 'participant',
      participant: { displayName: 'Chị Lan (Phòng Nhân sự)', side: 'employer' },
      document: { id: document.id },
    });
  });

  it('participants list and revoke; a token revoked from the command line is refused by the running server', async () => {
    const document = await createAgreement();
    const invitation = await cliJson(invitationSchema, 'invite', document.id, '--side', 'union');
    const redeemed = await cliJson(redeemedInvitationSchema, 'redeem', invitation.code, '--name', 'Anh Minh (Công đoàn)');
    const union = await serverClient(redeemed.token);
    expect((await union.call('documents/get', { documentId: document.id })).id).toBe(document.id);

    expect(await cli('participants', 'list', document.id)).toEqual({ code: 0, output: `${redeemed.participant.id}  union    Anh Minh (Công đoàn)` });
    expect(await cli('participants', 'revoke', redeemed.participant.id)).toEqual({ code: 0, output: 'Revoked Anh Minh (Công đoàn) (union).' });
    expect((await cli('participants', 'list', document.id)).output).toBe(`${redeemed.participant.id}  union    Anh Minh (Công đoàn)  (revoked)`);
    const [listed] = await cliJson(z.array(participantSchema), 'participants', 'list', document.id);
    expect(listed).toMatchObject({ id: redeemed.participant.id, revokedAt: expect.any(String) });

    const refused = await union.call('documents/get', { documentId: document.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'unauthorized' });
  });

  it('admin-token prints a host token that works as admin over HTTP', async () => {
    const document = await createAgreement();
    const { code, output } = await cli('admin-token', '--label', 'integration test');
    const token = output.split('\n')[1] ?? '';
    expect({ code, heading: output.split('\n')[0], token }).toEqual({
      code: 0,
      heading: expect.stringContaining('Authorization: Bearer <token>'),
      token: expect.stringMatching(/^tu_\S{40,}$/),
    });
    const { token: jsonToken } = await cliJson(z.object({ token: z.string() }), 'admin-token');

    const admin = await serverClient(token);
    expect(await admin.call('session/get', {})).toEqual({ kind: 'admin' });
    expect(await admin.call('documents/list', {})).toEqual([document]);
    const created = await admin.call('documents/create', { kind: 'sector_agreement', title: 'Thỏa ước ngành dệt may' });
    expect((await (await serverClient(jsonToken)).call('documents/get', { documentId: created.id })).title).toBe('Thỏa ước ngành dệt may');
  });

  it('usage errors exit 2 with the reason and the usage text, and change nothing', async () => {
    const document = await createAgreement();
    const cases: [string[], RegExp | null][] = [
      [[], null],
      [['frobnicate'], /^unknown command "frobnicate"/],
      [['documents'], /^unknown command "documents"/],
      [['documents', 'create', '--title', 'Không loại'], /^--kind is required/],
      [['documents', 'create', '--kind', 'contract', '--title', 'Sai loại'], /^--kind must be one of: enterprise_agreement, /],
      [['documents', 'rename', document.id], /^--title is required/],
      [['documents', 'rename', document.id, '--title'], /^Option '--title <value>' argument missing/],
      [['invite', document.id], /^--side is required/],
      [['invite', document.id, '--side', 'observer'], /^--side must be one of: employer, union, reviewer/],
      [['redeem', '--name', 'Chị Lan'], /^CODE is required/],
      [['participants', 'revoke'], /^PARTICIPANT is required/],
      [['documents', 'list', '--verbose'], /^Unknown option '--verbose'/],
    ];
    for (const [args, reason] of cases) {
      const { code, output } = await cli(...args);
      expect({ args, code, reason: reason === null || reason.test(output), usage: output.includes(usageHeading) }).toEqual({
        args,
        code: 2,
        reason: true,
        usage: true,
      });
    }
    expect(await cliJson(z.array(documentMetaSchema), 'documents', 'list', '--all')).toEqual([document]);
    const help = await cli('--help');
    expect({ code: help.code, usage: help.output.startsWith(usageHeading) }).toEqual({ code: 0, usage: true });
  });

  it('API errors exit 1 and print the error code', async () => {
    const document = await createAgreement();
    const invitation = await cliJson(invitationSchema, 'invite', document.id, '--side', 'union');
    await cliJson(redeemedInvitationSchema, 'redeem', invitation.code, '--name', 'Anh Minh');

    const cases: [string[], RegExp][] = [
      [['documents', 'rename', 'zzzz0000zzzz0000', '--title', 'Mới'], /^Error \(not_found\): no document with id "zzzz0000zzzz0000"$/],
      [['documents', 'archive', 'NOT-AN-ID'], /^Error \(invalid_input\): documentId: /],
      [['invite', document.id, '--side', 'union', '--hours', '0'], /^Error \(invalid_input\): validForHours: /],
      [['redeem', invitation.code, '--name', 'Lần hai'], /^Error \(gone\): this invitation has already been used/],
      [['redeem', 'ZZZZZ-ZZZZZ', '--name', 'Ai đó'], /^Error \(not_found\): /],
      [['participants', 'revoke', 'nobody0000000000'], /^Error \(not_found\): /],
    ];
    for (const [args, expected] of cases) {
      const { code, output } = await cli(...args);
      expect({ args, code, output }).toEqual({ args, code: 1, output: expect.stringMatching(expected) });
    }
    expect(await cli('documents', 'archive', document.id)).toMatchObject({ code: 0 });
    expect(await cli('documents', 'archive', document.id)).toEqual({ code: 1, output: expect.stringMatching(/^Error \(conflict\): .*archived/) });
  });
});
