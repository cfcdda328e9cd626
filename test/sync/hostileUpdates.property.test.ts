import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentRoot, encodeInitialContent, variablesMap } from '#shared/document/yjsContent';
import { proposalsRootName } from '#shared/negotiation/model';
import { builtInVariables } from '#shared/templates/builtInVariables';
import { createMemoryLogger } from '#main/logger';
import type { Store } from '#main/store/port';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { PersistentDoc } from '#main/sync/persistentDoc';
import { checkUpdates, createWritePolicy } from '#main/sync/writePolicy';
import { article, paragraph } from '../editor/builders';
import { deletionOnlyUpdate } from '../helpers/hostileUpdates';
import { createTempFolder } from '../helpers/tempFolder';

/**
 * S18 S19 S22 S13 S14 as one property: whatever an attacker sends between the honest edits of two
 * participants (deletions of clocks nobody wrote yet, writes under someone else's client id,
 * updates resting on changes nobody sent, server-owned parts, invalid values, a damaged body,
 * garbage), the server
 * ends exactly where the honest edits and the server's own changes alone lead, and so do its
 * stored log and every honest client. `THOA_UOC_PROPERTY_RUNS` raises the number of runs
 * (`npm run bench -- hostile` runs many more).
 */
export const hostileUpdateRuns = Number(process.env.THOA_UOC_PROPERTY_RUNS ?? 150);

const variables = new Map(builtInVariables().map((variable) => [variable.id, variable]));
const admit = checkUpdates(createWritePolicy((id) => variables.get(id)));

type Who = 'employer' | 'union';

type Step =
  | { kind: 'type'; who: Who; at: number; text: string }
  | { kind: 'erase'; who: Who; at: number; length: number }
  | { kind: 'setValue'; who: Who; value: number }
  | { kind: 'offline'; who: Who }
  | { kind: 'online'; who: Who }
  | { kind: 'serverChange'; who: Who; key: string }
  | { kind: 'futureDeletion'; target: 'colleague' | 'serverWriter'; offset: number; length: number }
  | { kind: 'forgeClient'; target: 'colleague' | 'serverWriter'; text: string }
  | { kind: 'gap'; text: string }
  | { kind: 'strangerNeighbour'; text: string }
  | { kind: 'serverPart'; remove: boolean }
  | { kind: 'invalidValue'; value: number }
  | { kind: 'damageBody'; how: 'looseText' | 'sharedMap' | 'emptyBody' | 'unknownElement' }
  | { kind: 'garbage'; bytes: Uint8Array };

const who = fc.constantFrom<Who>('employer', 'union');
const words = fc.constantFrom('lương ', 'thưởng ', 'Điều ', 'ca đêm ', '150% ', 'ngày lễ ');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('type' as const), who, at: fc.double({ min: 0, max: 1, noNaN: true }), text: words }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('erase' as const), who, at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 8 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setValue' as const), who, value: fc.integer({ min: 150, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('serverChange' as const), who, key: fc.constantFrom('p1', 'p2', 'p3') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('futureDeletion' as const),
      target: fc.constantFrom('colleague' as const, 'serverWriter' as const),
      offset: fc.integer({ min: 0, max: 5 }),
      length: fc.integer({ min: 1, max: 1_000_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('forgeClient' as const), target: fc.constantFrom('colleague' as const, 'serverWriter' as const), text: words }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('gap' as const), text: words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('strangerNeighbour' as const), text: words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('serverPart' as const), remove: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalidValue' as const), value: fc.integer({ min: -1000, max: 99 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('damageBody' as const),
      how: fc.constantFrom('looseText' as const, 'sharedMap' as const, 'emptyBody' as const, 'unknownElement' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }) },
);

/** The first paragraph of the first article: where the participants type. */
function paragraphOf(doc: Y.Doc): Y.XmlText {
  const articleText = (contentRoot(doc).toDelta() as { insert: Y.XmlText }[])[1]?.insert;
  const block = (articleText?.toDelta() as { insert: Y.XmlText }[] | undefined)?.[1]?.insert;
  if (!(block instanceof Y.XmlText)) throw new Error('the seeded paragraph is missing');
  return block;
}

class Participant {
  readonly doc = new Y.Doc();
  online = true;
  outbox: Uint8Array[] = [];

  constructor(
    readonly id: string,
    clientId: number,
    seed: Uint8Array,
    private readonly send: (participant: Participant, update: Uint8Array) => void,
    reference: Y.Doc,
  ) {
    Y.applyUpdate(this.doc, seed, 'server');
    this.doc.clientID = clientId;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'server') return;
      // The reference receives every honest edit: where the document must end.
      Y.applyUpdate(reference, update, 'honest');
      if (this.online) this.send(this, update);
      else this.outbox.push(update);
    });
  }

  /** Back online: what a stock client sends after the server's sync step 1 (sync step 2). */
  resync(serverState: Uint8Array): Uint8Array {
    this.online = true;
    this.outbox = [];
    return Y.encodeStateAsUpdate(this.doc, serverState);
  }
}

describe('S18 S19 hostile updates between honest edits', () => {
  let folder: ReturnType<typeof createTempFolder>;
  let store: Store;
  let runIndex = 0;
  beforeAll(() => {
    folder = createTempFolder();
    store = openSqliteStore(`${folder.path}/thoa-uoc.sqlite`);
  });
  afterAll(async () => {
    await store.close();
    folder.remove();
  });

  it(
    `leave the server, its stored log and every honest client where the honest edits alone lead (${hostileUpdateRuns} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
          runIndex += 1;
          const documentId = `doc-${runIndex}`;
          await store.documents.insert({
            id: documentId,
            kind: 'enterprise_agreement',
            title: 'Thỏa ước',
            lifecycleState: 'bargaining',
            createdAt: 1,
            updatedAt: 1,
            archivedAt: null,
          });
          const seed = encodeInitialContent({
            blocks: [paragraph('Căn cứ Bộ luật Lao động.'), article('dieu-luong', 'Tiền lương', 'Lương tháng 13.')],
            variables: { ot_rate_weekday: 150 },
          });
          await store.updates.append(documentId, [{ bytes: seed, participantId: null, at: 1 }]);
          const reference = new Y.Doc({ gc: false });
          Y.applyUpdate(reference, seed);
          const people = new Map<Who, Participant>();
          // What the server stores it relays to everyone online but the sender; its own changes
          // (origin null) are part of where the document must end.
          const server = await PersistentDoc.open<string>({
            documentId,
            log: store.updates,
            logger: createMemoryLogger(),
            now: () => 2,
            admit,
            onStored: (batch) => {
              for (const { bytes, origin } of batch) {
                if (origin === null) Y.applyUpdate(reference, bytes);
                for (const person of people.values()) if (person.online && person.id !== origin) Y.applyUpdate(person.doc, bytes, 'server');
              }
            },
            onStorageFailure: (error) => {
              throw error;
            },
          });
          const deliver = async (from: string, update: Uint8Array): Promise<boolean> => {
            try {
              server.receive(update, from, from);
            } catch {
              return false;
            }
            await server.flush();
            return true;
          };
          const send = async (person: Participant, update: Uint8Array): Promise<void> => {
            // An honest update the server cannot place yet makes it ask for everything (sync step 1).
            if (!(await deliver(person.id, update))) expect(await deliver(person.id, person.resync(Y.encodeStateVector(server.doc)))).toBe(true);
          };
          // What the honest participants send during a step, delivered (and stored) in order before the next step.
          const sent: { person: Participant; update: Uint8Array }[] = [];
          const queue = (person: Participant, update: Uint8Array): void => {
            sent.push({ person, update });
          };
          people.set('employer', new Participant('p-employer', 1001, seed, queue, reference));
          people.set('union', new Participant('p-union', 1002, seed, queue, reference));
          // As each one's presence announces its client id when it connects (DocumentRoom.receiveAwareness).
          for (const { id, doc } of people.values()) server.claimClient(doc.clientID, id);
          const person = (name: Who) => people.get(name) as Participant;
          const serverWriters = new Map<Who, number>();
          const attacker = 'p-union-2';

          for (const current of steps) {
            switch (current.kind) {
              case 'type': {
                const text = paragraphOf(person(current.who).doc);
                text.insert(Math.floor(current.at * text.length), current.text);
                break;
              }
              case 'erase': {
                const text = paragraphOf(person(current.who).doc);
                const at = Math.floor(current.at * text.length);
                text.delete(at, Math.min(current.length, text.length - at));
                break;
              }
              case 'setValue':
                variablesMap(person(current.who).doc).set('ot_rate_weekday', current.value);
                break;
              case 'offline':
                person(current.who).online = false;
                break;
              case 'online': {
                const back = person(current.who);
                if (back.online) break;
                expect(await deliver(back.id, back.resync(Y.encodeStateVector(server.doc)))).toBe(true);
                Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(server.doc, Y.encodeStateVector(back.doc)), 'server');
                break;
              }
              case 'serverChange': {
                const before = Y.encodeStateVector(server.doc);
                await server.change(person(current.who).id, (doc) => doc.getMap(proposalsRootName).set(current.key, { by: current.who, at: runIndex }));
                const writer = Y.decodeUpdate(Y.encodeStateAsUpdate(server.doc, before)).structs[0]?.id.client;
                if (writer !== undefined) serverWriters.set(current.who, writer);
                break;
              }
              case 'futureDeletion': {
                const target = current.target === 'colleague' ? 1001 : serverWriters.get('employer');
                if (target === undefined) break;
                await deliver(attacker, deletionOnlyUpdate(target, Y.getState(server.doc.store, target) + current.offset, current.length));
                break;
              }
              case 'forgeClient': {
                const target = current.target === 'colleague' ? 1001 : serverWriters.get('employer');
                if (target === undefined) break;
                const forger = new Y.Doc();
                Y.applyUpdate(forger, Y.encodeStateAsUpdate(server.doc));
                forger.clientID = target;
                paragraphOf(forger).insert(0, current.text);
                await deliver(attacker, Y.encodeStateAsUpdate(forger, Y.encodeStateVector(server.doc)));
                break;
              }
              case 'gap': {
                const stranger = new Y.Doc();
                Y.applyUpdate(stranger, Y.encodeStateAsUpdate(server.doc));
                paragraphOf(stranger).insert(0, current.text);
                const before = Y.encodeStateVector(stranger);
                paragraphOf(stranger).insert(0, current.text);
                await deliver(attacker, Y.encodeStateAsUpdate(stranger, before));
                break;
              }
              case 'strangerNeighbour': {
                const first = new Y.Doc();
                Y.applyUpdate(first, Y.encodeStateAsUpdate(server.doc));
                paragraphOf(first).insert(0, current.text);
                const second = new Y.Doc();
                Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
                const before = Y.encodeStateVector(second);
                paragraphOf(second).insert(1, current.text);
                await deliver(attacker, Y.encodeStateAsUpdate(second, before));
                break;
              }
              case 'serverPart': {
                const forger = new Y.Doc();
                Y.applyUpdate(forger, Y.encodeStateAsUpdate(server.doc));
                const before = Y.encodeStateVector(forger);
                const proposals = forger.getMap(proposalsRootName);
                if (current.remove) for (const key of proposals.keys()) proposals.delete(key);
                else proposals.set('forged', { by: 'attacker' });
                await deliver(attacker, Y.encodeStateAsUpdate(forger, before));
                break;
              }
              case 'invalidValue': {
                const forger = new Y.Doc();
                Y.applyUpdate(forger, Y.encodeStateAsUpdate(server.doc));
                const before = Y.encodeStateVector(forger);
                variablesMap(forger).set('ot_rate_weekday', current.value);
                await deliver(attacker, Y.encodeStateAsUpdate(forger, before));
                break;
              }
              case 'damageBody': {
                const forger = new Y.Doc();
                Y.applyUpdate(forger, Y.encodeStateAsUpdate(server.doc));
                const before = Y.encodeStateVector(forger);
                const body = contentRoot(forger);
                if (current.how === 'looseText') body.insert(0, 'chữ rời');
                else if (current.how === 'sharedMap') body.insertEmbed(0, new Y.Map());
                else if (current.how === 'emptyBody') body.delete(0, body.length);
                else {
                  const element = new Y.XmlText();
                  element.setAttribute('type', 'image');
                  body.insertEmbed(0, element);
                }
                await deliver(attacker, Y.encodeStateAsUpdate(forger, before));
                break;
              }
              case 'garbage':
                await deliver(attacker, current.bytes);
                break;
            }
            for (const { person: sender, update } of sent.splice(0)) await send(sender, update);
            expect(server.doc.store.pendingDs).toBeNull();
            expect(server.doc.store.pendingStructs).toBeNull();
          }
          for (const name of ['employer', 'union'] as const) {
            const back = person(name);
            if (!back.online) expect(await deliver(back.id, back.resync(Y.encodeStateVector(server.doc)))).toBe(true);
          }
          for (const name of ['employer', 'union'] as const)
            Y.applyUpdate(person(name).doc, Y.encodeStateAsUpdate(server.doc, Y.encodeStateVector(person(name).doc)), 'server');

          const expected = {
            text: paragraphOf(reference).toString(),
            variables: variablesMap(reference).toJSON(),
            proposals: reference.getMap(proposalsRootName).toJSON(),
          };
          const seen = (doc: Y.Doc) => ({
            text: paragraphOf(doc).toString(),
            variables: variablesMap(doc).toJSON(),
            proposals: doc.getMap(proposalsRootName).toJSON(),
          });
          expect(seen(server.doc)).toEqual(expected);
          expect(Y.equalSnapshots(Y.snapshot(server.doc), Y.snapshot(reference))).toBe(true);
          for (const name of ['employer', 'union'] as const) expect(seen(person(name).doc)).toEqual(expected);
          await server.close();
          const reloaded = await PersistentDoc.open<string>({
            documentId,
            log: store.updates,
            logger: createMemoryLogger(),
            now: () => 3,
            onStored: () => {},
            onStorageFailure: (error) => {
              throw error;
            },
          });
          expect(seen(reloaded.doc)).toEqual(expected);
          expect(Y.equalSnapshots(Y.snapshot(reloaded.doc), Y.snapshot(reference))).toBe(true);
          reloaded.destroy();
          for (const participant of people.values()) participant.doc.destroy();
          reference.destroy();
        }),
        { numRuns: hostileUpdateRuns },
      );
    },
    30_000 + hostileUpdateRuns * 100,
  );
});
