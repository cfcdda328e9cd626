import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { ApiError } from '#shared/api/errors';
import { createHttpTransport } from '#shared/api/httpTransport';
import { runCli } from '#main/cli/runCli';
import { createMemoryLogger } from '#main/logger';
import { startServerMode, type RunningServer } from '#main/server/serverMode';
import type { StoreLocation } from '#main/store/port';
import { createTempFolder } from '../helpers/tempFolder';

/** Where the command line and the server find the store: the arguments naming it, and the server's option. */
export interface OperatorStore {
  args: string[];
  location?: StoreLocation;
  dataFolder: string;
  dispose(): Promise<void>;
}

export interface OperatorStoreUnderTest {
  name: string;
  open(): Promise<OperatorStore>;
}

/** A SQLite data folder (--data), as server mode keeps. */
export const dataFolderStore: OperatorStoreUnderTest = {
  name: '--data (SQLite)',
  async open() {
    const folder = createTempFolder('thoa-uoc-operator-');
    return { args: ['--data', folder.path], dataFolder: folder.path, dispose: async () => folder.remove() };
  },
};

const codeOf = (output: string): string => /^Invitation for [^:]+: (\S+)$/m.exec(output)?.[1] ?? '';
const linkOf = (output: string): string => /^Link: (\S+)$/m.exec(output)?.[1] ?? '';

/**
 * The operator's commands (decision 0019): workspaces and authorities are created on the command
 * line, which prints the invitation of their first host or reviewer; a server on the same store
 * redeems it once for a token that works there.
 */
export function describeOperatorCommands(underTest: OperatorStoreUnderTest): void {
  describe(`the operator's commands on ${underTest.name}`, () => {
    let store: OperatorStore;
    let server: RunningServer | undefined;
    beforeEach(async () => {
      store = await underTest.open();
    });
    afterEach(async () => {
      await server?.close();
      server = undefined;
      await store.dispose();
    });

    async function cli(...args: string[]): Promise<{ code: number; output: string }> {
      const printed: string[] = [];
      const code = await runCli([...args, ...store.args], (text) => printed.push(text));
      return { code, output: printed.join('\n') };
    }

    async function client(token?: string): Promise<ApiClient> {
      server ??= await startServerMode({
        host: '127.0.0.1',
        port: 0,
        dataFolder: store.dataFolder,
        logger: createMemoryLogger(),
        ...(store.location ? { store: store.location } : {}),
      });
      return createApiClient(createHttpTransport({ baseUrl: server.url, token, fetch }));
    }

    it('workspace create prints the workspace and its first host’s one-time invitation; redeemed on a server, it makes a host of that workspace alone', async () => {
      const local = await cli('documents', 'create', '--kind', 'enterprise_agreement', '--title', 'Thỏa ước của máy chủ');
      expect(local.code).toBe(0);
      const created = await cli('workspace', 'create', '--name', 'Công ty May Hưng Yên', '--url', 'https://thoauoc.example.gov.vn');
      expect(created.code).toBe(0);
      const workspaceId = /^Created workspace ([a-z0-9]+) {2}Công ty May Hưng Yên$/m.exec(created.output)?.[1] ?? '';
      expect(workspaceId).toMatch(/^[a-z0-9]{16}$/);
      expect(linkOf(created.output)).toBe(`https://thoauoc.example.gov.vn/#/access/${codeOf(created.output)}`);
      expect(created.output).toMatch(/can be used once/);

      const listed = await cli('workspace', 'list', '--json');
      expect(JSON.parse(listed.output)).toEqual([
        { id: 'local', name: 'local', createdAt: 0 },
        { id: workspaceId, name: 'Công ty May Hưng Yên', createdAt: expect.any(Number) as unknown },
      ]);

      const anonymous = await client();
      const redeemed = await anonymous.call('access/redeem', { code: codeOf(created.output), displayName: 'Chị Thu' });
      expect(redeemed).toMatchObject({ kind: 'host', workspace: { id: workspaceId, name: 'Công ty May Hưng Yên' } });
      const host = await client(redeemed.token);
      // The new workspace is empty: the built-in one's document is not there.
      expect(await host.call('documents/list', {})).toEqual([]);
      const document = await host.call('documents/create', { kind: 'labour_regulations', title: 'Nội quy Hưng Yên' });
      expect((await host.call('documents/list', {})).map((item) => item.id)).toEqual([document.id]);
      // ... and the command line, the built-in workspace's host, does not see the new workspace's.
      expect((await cli('documents', 'list')).output).not.toContain('Nội quy Hưng Yên');
      // Once only.
      await expect(anonymous.call('access/redeem', { code: codeOf(created.output), displayName: 'Người khác' })).rejects.toMatchObject({ code: 'gone' });

      const again = await cli('workspace', 'invite', workspaceId, '--hours', '2');
      expect(again.code).toBe(0);
      const second = await anonymous.call('access/redeem', { code: codeOf(again.output), displayName: 'Anh Nam' });
      expect(second).toMatchObject({ kind: 'host', workspace: { id: workspaceId } });
      expect((await (await client(second.token)).call('documents/list', {})).map((item) => item.id)).toEqual([document.id]);
    });

    it('authority create, invite and list: each invitation makes a reviewer of that authority', async () => {
      const created = await cli('authority', 'create', '--name', 'Sở Nội vụ tỉnh Hưng Yên', '--json');
      expect(created.code).toBe(0);
      const printed = JSON.parse(created.output) as {
        authority: { id: string; name: string; createdAt: number };
        invitation: { code: string; link: string; expiresAt: string };
      };
      const { invitation } = printed;
      const authority = { id: printed.authority.id, name: printed.authority.name };
      expect(authority.name).toBe('Sở Nội vụ tỉnh Hưng Yên');
      const anonymous = await client();
      const first = await anonymous.call('access/redeem', { code: invitation.code, displayName: 'Bà Hạnh' });
      expect(first).toMatchObject({ kind: 'authorityReviewer', authority, reviewer: { displayName: 'Bà Hạnh' } });
      const invited = await cli('authority', 'invite', authority.id);
      expect(invited.code).toBe(0);
      await anonymous.call('access/redeem', { code: codeOf(invited.output), displayName: 'Ông Dũng' });
      const listed = await cli('authority', 'list');
      expect(listed.output).toMatch(
        new RegExp(`^${authority.id}  Sở Nội vụ tỉnh Hưng Yên\n  reviewer [a-z0-9]{16}  Bà Hạnh\n  reviewer [a-z0-9]{16}  Ông Dũng$`),
      );
      const reviewer = await client(first.token);
      expect(await reviewer.call('review/queue', {})).toEqual([]);
      expect(await reviewer.call('authorities/list', {})).toEqual([authority]);

      // The operator ends a reviewer's token: refused from the next call on.
      const revoked = await cli('authority', 'revoke', first.kind === 'authorityReviewer' ? first.reviewer.id : '');
      expect(revoked).toEqual({ code: 0, output: 'Revoked Bà Hạnh: their token no longer works (sockets already open stay until they reconnect).' });
      await expect(reviewer.call('review/queue', {})).rejects.toMatchObject({ code: 'unauthorized' });
      expect((await cli('authority', 'list')).output).toMatch(/reviewer [a-z0-9]{16} {2}Bà Hạnh {2}\(revoked\)/);
      expect((await cli('authority', 'revoke', 'khongconguoinay')).output).toMatch(/^Error \(not_found\): no reviewer with id "khongconguoinay"/);
    });

    it('refuses bad input with the reason, changing nothing', async () => {
      const usage = [
        [['workspace', 'create'], /^--name is required/],
        [['authority', 'create', '--name', 'Sở', '--hours', 'mười'], /^--hours must be a whole number/],
        [['authority', 'invite'], /^AUTHORITY is required/],
        [['workspace', 'invite'], /^WORKSPACE is required/],
        [['authority', 'revoke'], /^REVIEWER is required/],
      ] as const;
      for (const [args, reason] of usage) {
        const { code, output } = await cli(...args);
        expect({ args, code, reason: reason.test(output) }).toEqual({ args, code: 2, reason: true });
      }
      const refused = [
        [['workspace', 'create', '--name', 'Dòng một\nDòng hai'], /^Error \(invalid_input\): name: /],
        [['authority', 'create', '--name', 'Sở', '--hours', '0'], /^Error \(invalid_input\): hours: /],
        [['workspace', 'invite', 'khongcoworkspace'], /^Error \(not_found\): no workspace with id "khongcoworkspace"/],
        [['authority', 'invite', 'khongcososo'], /^Error \(not_found\): no authority with id "khongcososo"/],
      ] as const;
      for (const [args, reason] of refused) {
        const { code, output } = await cli(...args);
        expect({ args, code, reason: reason.test(output) }).toEqual({ args, code: 1, reason: true });
      }
      expect(JSON.parse((await cli('workspace', 'list', '--json')).output)).toEqual([{ id: 'local', name: 'local', createdAt: 0 }]);
      expect((await cli('authority', 'list')).output).toMatch(/^No authorities yet/);
      // A code nobody was given is refused as any wrong code.
      await expect((await client()).call('access/redeem', { code: 'ABCD-EFGH-JKLM', displayName: 'Ai đó' })).rejects.toBeInstanceOf(ApiError);
    });
  });
}
