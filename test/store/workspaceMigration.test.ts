import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { createMemoryLogger } from '#main/logger';
import { hashSecret } from '#main/secrets';
import { databaseFileName } from '#main/server/dataFolder';
import { startServerMode, type RunningServer } from '#main/server/serverMode';
import { readMigrations } from '#main/store/migrations';
import { openDatabase } from '#main/store/sqlite/database';
import { connectClient, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { createTempFolder } from '../helpers/tempFolder';
import { mealAllowanceVariable, mealTemplate } from '../helpers/templateFixtures';
import { agreementBody } from '../negotiation/negotiationFixture';

const hostToken = 'tu_host-token-of-an-existing-installation';
const participantToken = 'tu_participant-token-of-an-existing-installation';
const documentId = 'tailieucu0000001';

/**
 * A data folder as the version before workspaces left it (schema 7): a document with its text, a
 * participant, a host token, templates saved in a given order, a pack's variable.
 */
function writeVersion7Folder(folder: string): void {
  const db = openDatabase(join(folder, databaseFileName), { migrations: readMigrations().slice(0, 7) });
  try {
    db.prepare(
      "INSERT INTO documents (id, kind, title, lifecycle_state, created_at, updated_at, archived_at) VALUES (?, 'enterprise_agreement', 'Thỏa ước trước khi có không gian làm việc', 'bargaining', 1, 2, NULL)",
    ).run(documentId);
    db.prepare('INSERT INTO updates (document_id, seq, bytes, participant_id, at) VALUES (?, 1, ?, NULL, 1)').run(
      documentId,
      encodeInitialContent({ blocks: agreementBody(), variables: { [mealAllowanceVariable.id]: 40_000 }, language: 'vi' }),
    );
    db.prepare(
      "INSERT INTO participants (id, document_id, display_name, side, token_hash, invitation_id, joined_at, revoked_at) VALUES ('nguoicu', ?, 'Chị Lan', 'employer', ?, NULL, 3, NULL)",
    ).run(documentId, hashSecret(participantToken));
    db.prepare("INSERT INTO admin_tokens (id, label, token_hash, created_at, revoked_at) VALUES ('khoacu', 'Máy chủ', ?, 4, NULL)").run(hashSecret(hostToken));
    // Two templates written together (the same time) and one earlier: listed by time, then as written.
    const template = db.prepare('INSERT INTO user_templates (id, template, owner_side, created_by, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)');
    template.run('user.b', JSON.stringify(mealTemplate('user.b')), null, 10, 10);
    template.run('user.a', JSON.stringify(mealTemplate('user.a')), 'union', 10, 10);
    template.run('user.c', JSON.stringify(mealTemplate('user.c')), null, 5, 5);
    db.prepare('INSERT INTO user_variables (id, definition, created_at, updated_at) VALUES (?, ?, 6, 6)').run(
      mealAllowanceVariable.id,
      JSON.stringify(mealAllowanceVariable),
    );
  } finally {
    db.close();
  }
}

describe('the migration to workspaces (SQLite 0008)', () => {
  let server: RunningServer | undefined;
  const sockets: SyncClient[] = [];
  const folder = createTempFolder('thoa-uoc-migration-');
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await server?.close();
    folder.remove();
  });

  it('puts everything of an existing data folder in the built-in workspace, and the app works on it as before', async () => {
    writeVersion7Folder(folder.path);
    server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: folder.path, logger: createMemoryLogger() });
    const { store } = server.context;
    expect(await store.workspaces.list()).toEqual([{ id: 'local', name: 'local', createdAt: 0 }]);
    expect(await store.documents.get(documentId)).toMatchObject({
      workspaceId: 'local',
      authorityId: null,
      title: 'Thỏa ước trước khi có không gian làm việc',
    });
    expect(await store.adminTokens.byTokenHash(hashSecret(hostToken))).toMatchObject({ id: 'khoacu', workspaceId: 'local' });

    // The old host token is the host it was; everything is where it was.
    const host = createApiClient(createHttpTransport({ baseUrl: server.url, token: hostToken, fetch }));
    expect(await host.call('session/get', {})).toEqual({ kind: 'admin' });
    expect((await host.call('documents/list', {})).map((document) => document.id)).toEqual([documentId]);
    expect((await host.call('templates/list', {})).map((template) => template.id)).toEqual(['user.c', 'user.b', 'user.a']);
    expect(await host.call('templates/variables', {})).toEqual([mealAllowanceVariable]);
    expect((await host.call('participants/list', { documentId })).map((participant) => participant.displayName)).toEqual(['Chị Lan']);

    // The participant's token, its socket, and the pack's variable checked on a value written through sync.
    const participant = createApiClient(createHttpTransport({ baseUrl: server.url, token: participantToken, fetch }));
    expect((await participant.call('documents/get', { documentId })).title).toBe('Thỏa ước trước khi có không gian làm việc');
    const socket = connectClient(server.url, documentId, participantToken);
    sockets.push(socket);
    await synced(socket);
    await textMatches(socket, (text) => text.length > 0, 'the text to arrive');
    expect(socket.doc.getMap('variables').get(mealAllowanceVariable.id)).toBe(40_000);
    const created = await host.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước mới',
      variables: { [mealAllowanceVariable.id]: 50_000 },
    });
    expect(await store.documents.get(created.id)).toMatchObject({ workspaceId: 'local' });
    // A template of the same id as an existing one is still refused in the same workspace.
    await expect(
      store.userTemplates.insert('local', [{ id: 'user.b', template: mealTemplate('user.b'), ownerSide: null, createdBy: null, createdAt: 20, updatedAt: 20 }]),
    ).rejects.toThrow();
  });
});
