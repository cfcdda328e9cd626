import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { z } from 'zod';
import { ApiError } from '#shared/api/errors';
import { createCommandLineRooms } from '#main/cli/commandLineRooms';
import { createMemoryLogger } from '#main/logger';
import { holderFileName, lockDirectoryName, lockStaleMs, readHolder } from '#main/server/dataFolderLock';
import { openServices } from '#main/server/services';
import { createApiHandlers } from '#main/wiring/apiHandlers';
import { runCliJson, runRefusedServer, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { connectClient, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { createTempFolder } from '../helpers/tempFolder';
import { within } from '../helpers/waitFor';

const createdDocument = z.object({ id: z.string(), title: z.string() });
const invitation = z.object({ code: z.string() });
const redeemed = z.object({ token: z.string(), participant: z.object({ id: z.string() }) });

describe('S20 one server or desktop app per data folder; the command line beside it', () => {
  let folder: ReturnType<typeof createTempFolder> | undefined;
  const servers: ServerProcess[] = [];
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await server.exited;
    }
    folder?.remove();
    folder = undefined;
  });

  /** A fresh data folder with one agreement and an employer's and a union member's tokens (made by the command line). */
  async function preparedFolder() {
    folder = createTempFolder();
    const dataFolder = folder.path;
    const document = createdDocument.parse(
      await runCliJson(dataFolder, ['documents', 'create', '--kind', 'enterprise_agreement', '--title', 'Thỏa ước lao động tập thể 2027']),
    );
    const token = async (side: string, name: string) => {
      const { code } = invitation.parse(await runCliJson(dataFolder, ['invite', document.id, '--side', side]));
      return redeemed.parse(await runCliJson(dataFolder, ['redeem', code, '--name', name])).token;
    };
    return { dataFolder, document, employerToken: await token('employer', 'Chị Lan (HR)'), unionToken: await token('union', 'Anh Minh (Công đoàn)') };
  }

  async function start(dataFolder: string, timeoutMs?: number): Promise<ServerProcess> {
    const server = await spawnServer(dataFolder, 0, timeoutMs);
    servers.push(server);
    onTestFailed(() => {
      process.stderr.write(`server (pid ${server.child.pid}) output:\n${server.output()}\n`);
    });
    return server;
  }

  function connect(server: ServerProcess, documentId: string, token: string): SyncClient {
    const client = connectClient(server.url, documentId, token);
    clients.push(client);
    return client;
  }

  it('S20 a second server on a folder in use exits with code 1 naming the folder and the holder; the first keeps storing edits', async () => {
    const { dataFolder, document, employerToken, unionToken } = await preparedFolder();
    const first = await start(dataFolder);
    const employer = connect(first, document.id, employerToken);
    await synced(employer);
    employer.text.insert(0, '[trước]');

    const refused = await runRefusedServer(dataFolder);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The data folder ${dataFolder} is in use by server mode (pid ${first.child.pid} on ${hostname()}, started `);
    expect(readHolder(dataFolder)).toMatchObject({ kind: 'server', pid: first.child.pid });

    // The first server was not disturbed: it stores and relays what comes after.
    employer.text.insert(employer.text.length, '[sau]');
    const union = connect(first, document.id, unionToken);
    await textMatches(union, (text) => text.includes('[trước]') && text.includes('[sau]'), 'a new client to receive both edits from the first server');
    expect(employer.drops).toBe(0);
    expect(first.output()).not.toMatch(/ERROR|UNIQUE/);
  });

  it(
    'S20 after the holder is killed (SIGKILL), the next server waits for its lock to go stale, takes the folder and serves what was stored',
    async () => {
      const { dataFolder, document, employerToken, unionToken } = await preparedFolder();
      const first = await start(dataFolder);
      const employer = connect(first, document.id, employerToken);
      await synced(employer);
      employer.text.insert(0, '[trước khi dừng]');
      const watcher = connect(first, document.id, unionToken);
      await textMatches(watcher, (text) => text.includes('[trước khi dừng]'), 'the edit to be stored and relayed');

      first.child.kill('SIGKILL');
      expect((await within(first.exited, 5_000, 'the killed server to exit')).signal).toBe('SIGKILL');
      // The killed process could not give the folder up: its lock and its name are still there.
      expect(existsSync(join(dataFolder, lockDirectoryName))).toBe(true);
      expect(readHolder(dataFolder)).toMatchObject({ kind: 'server', pid: first.child.pid });

      // Bounded: the lock goes stale lockStaleMs after its last refresh at the latest.
      const second = await start(dataFolder, lockStaleMs + 15_000);
      expect(second.output()).toContain('data_folder.waiting_for_stale_lock');
      expect(readHolder(dataFolder)).toMatchObject({ kind: 'server', pid: second.child.pid });
      const reader = connect(second, document.id, unionToken);
      await textMatches(reader, (text) => text.includes('[trước khi dừng]'), 'the restarted server to serve the stored edit');
    },
    lockStaleMs + 40_000,
  );

  it('S20 a server stopped cleanly (SIGTERM) gives the folder up, and the next one starts without waiting', async () => {
    const { dataFolder } = await preparedFolder();
    const first = await start(dataFolder);
    first.child.kill('SIGTERM');
    expect(await within(first.exited, 10_000, 'the server to stop')).toEqual({ code: 0, signal: null });
    expect([existsSync(join(dataFolder, lockDirectoryName)), existsSync(join(dataFolder, holderFileName))]).toEqual([false, false]);

    const second = await start(dataFolder);
    expect(second.output()).not.toContain('data_folder.waiting_for_stale_lock');
    expect(readHolder(dataFolder)).toMatchObject({ kind: 'server', pid: second.child.pid });
  });

  it('S20 beside a running server the command line manages documents, invitations, participants and tokens and verifies, while edits keep being stored', async () => {
    const { dataFolder, document, employerToken, unionToken } = await preparedFolder();
    const server = await start(dataFolder);
    const employer = connect(server, document.id, employerToken);
    await synced(employer);

    // Every command that writes, each between two edits that the server stores meanwhile.
    const commands: string[][] = [
      ['documents', 'rename', document.id, '--title', 'Thỏa ước lao động tập thể 2027 (dự thảo 2)'],
      ['documents', 'create', '--kind', 'labour_regulations', '--title', 'Nội quy lao động'],
      ['invite', document.id, '--side', 'union'],
      ['admin-token', '--label', 'bên cạnh máy chủ'],
      ['verify', document.id],
      ['participants', 'list', document.id],
      ['documents', 'list'],
    ];
    const outputs: unknown[] = [];
    for (const [index, command] of commands.entries()) {
      employer.text.insert(employer.text.length, `[${index}]`);
      outputs.push(await runCliJson(dataFolder, command));
    }
    const newcomer = redeemed.parse(await runCliJson(dataFolder, ['redeem', invitation.parse(outputs[2]).code, '--name', 'Chị Hoa (Công đoàn)']));
    await runCliJson(dataFolder, ['participants', 'revoke', newcomer.participant.id]);
    // The server sees at once what the command line wrote: the new document opens there.
    const regulations = createdDocument.parse(outputs[1]);
    const regulationsInvitation = invitation.parse(await runCliJson(dataFolder, ['invite', regulations.id, '--side', 'employer']));
    const regulationsToken = redeemed.parse(await runCliJson(dataFolder, ['redeem', regulationsInvitation.code, '--name', 'Chị Lan (HR)'])).token;
    await synced(connect(server, regulations.id, regulationsToken));
    await runCliJson(dataFolder, ['documents', 'archive', regulations.id]);

    const union = connect(server, document.id, unionToken);
    await textMatches(
      union,
      (text) => commands.every((_command, index) => text.includes(`[${index}]`)),
      'every edit made beside the command line to be stored and relayed',
    );
    expect(employer.drops).toBe(0);
    expect(server.output()).not.toMatch(/ERROR|UNIQUE/);
  });

  it("S20 the command line refuses to read or change a document's content, and leaves its update log to the server", async () => {
    const { dataFolder, document, employerToken } = await preparedFolder();
    const server = await start(dataFolder);
    const employer = connect(server, document.id, employerToken);
    await synced(employer);
    employer.text.insert(0, '[đang soạn]');
    await textMatches(connect(server, document.id, employerToken), (text) => text.includes('[đang soạn]'), 'the edit to be stored');

    // The API handlers as the command line builds them (runCli.ts), on the folder the server holds.
    const { context } = await openServices(dataFolder, createMemoryLogger());
    try {
      const handlers = createApiHandlers(context, createCommandLineRooms());
      const before = await context.store.updates.load(document.id);
      const refused = await handlers['versions/sign']({ documentId: document.id, name: 'Bản ký' }, { kind: 'admin' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining("the command line does not read or change a document's content") });
      const after = await context.store.updates.load(document.id);
      expect({ checkpoint: after.checkpoint?.seq, lastSeq: after.lastSeq, tail: after.tail.length }).toEqual({
        checkpoint: before.checkpoint?.seq,
        lastSeq: before.lastSeq,
        tail: before.tail.length,
      });
      expect((await context.store.versions.list(document.id)).map((version) => version.kind)).toEqual(['initial']);
    } finally {
      await context.store.close();
    }
    employer.text.insert(employer.text.length, '[tiếp]');
    await textMatches(connect(server, document.id, employerToken), (text) => text.includes('[tiếp]'), 'the server to keep storing edits');
    expect(server.output()).not.toMatch(/ERROR|UNIQUE/);
  });
});
