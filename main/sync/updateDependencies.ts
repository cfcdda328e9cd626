import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type DecodedStruct = DecodedUpdate['structs'][number];

/** Which structs of an update a document can integrate now, and the first one it cannot. */
export interface Integration {
  /** The first struct Yjs would leave pending, or null when the whole update integrates. */
  waiting: DecodedStruct | null;
  /** Whether a struct of the update would be left pending. */
  isWaiting(struct: DecodedStruct): boolean;
  /**
   * Whether the update holds exactly what it adds: no struct the document already has, no
   * deletion of clocks nobody has written. Its bytes can then be stored and relayed as they are.
   */
  exactlyNew: boolean;
}

/**
 * The next clock of a client: as `ahead` has it (what the update integrates before), else as the
 * document has it. (Module functions, not closures: the server runs this for every keystroke, and
 * tsx names each closure it creates at a cost comparable to the check itself.)
 */
function stateOf(doc: Y.Doc, ahead: Map<number, number> | null, client: number): number {
  return ahead?.get(client) ?? Y.getState(doc.store, client);
}

/** Whether a struct refers (neighbour, parent) to an item of another client the state lacks. */
function refersBeyond(struct: DecodedStruct, doc: Y.Doc, ahead: Map<number, number> | null): boolean {
  if (!(struct instanceof Y.Item)) return false;
  const { client } = struct.id;
  const { origin, rightOrigin, parent } = struct;
  if (origin && origin.client !== client && origin.clock >= stateOf(doc, ahead, origin.client)) return true;
  if (rightOrigin && rightOrigin.client !== client && rightOrigin.clock >= stateOf(doc, ahead, rightOrigin.client)) return true;
  return parent instanceof Y.ID && parent.client !== client && parent.clock >= stateOf(doc, ahead, parent.client);
}

/** Whether every deletion of an update stays within what the document has (or will have). */
function deletesOnlyWritten(decoded: DecodedUpdate, doc: Y.Doc, ahead: Map<number, number>): boolean {
  for (const [client, ranges] of decoded.ds.clients) {
    const known = stateOf(doc, ahead, client);
    for (const range of ranges) if (range.clock + range.len > known) return false;
  }
  return true;
}

const nothingWaits = (): boolean => false;

/**
 * A keystroke's update: each client's structs start where the document's state of that client
 * ends and refer only to items the document has, so the update integrates whole. Returns, for
 * such an update, the state it leaves of each client it writes for (null otherwise).
 */
function continuesTheDocument(decoded: DecodedUpdate, doc: Y.Doc): Map<number, number> | null {
  const after = new Map<number, number>();
  let client = -1;
  let next = 0;
  for (const struct of decoded.structs) {
    if (struct.id.client !== client) {
      if (client !== -1) after.set(client, next);
      client = struct.id.client;
      next = Y.getState(doc.store, client);
    }
    if (struct instanceof Y.Skip || struct.id.clock !== next || refersBeyond(struct, doc, null)) return null;
    next += struct.length;
  }
  if (client !== -1) after.set(client, next);
  return after;
}

/**
 * Which structs of an update a document can integrate now, judged the way Yjs integrates: a
 * struct joins when it starts where its client's state ends and every item it refers to is there
 * (in the document, or joined before it); the rest would stay pending.
 */
export function integrationOf(decoded: DecodedUpdate, doc: Y.Doc): Integration {
  const after = continuesTheDocument(decoded, doc);
  if (after !== null) {
    const exactlyNew = decoded.ds.clients.size === 0 || deletesOnlyWritten(decoded, doc, after);
    return { waiting: null, isWaiting: nothingWaits, exactlyNew };
  }
  const state = new Map<number, number>();
  const byClient = new Map<number, DecodedStruct[]>();
  for (const struct of decoded.structs) {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  const next = new Map<number, number>([...byClient.keys()].map((client) => [client, 0]));
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const [client, list] of byClient) {
      let index = next.get(client) ?? 0;
      while (index < list.length) {
        const struct = list[index] as DecodedStruct;
        const known = stateOf(doc, state, client);
        if (struct.id.clock + struct.length <= known) {
          index += 1;
          continue;
        }
        // A gap before the struct (a Skip marks one too): Yjs would keep it pending.
        if (struct.id.clock > known || struct instanceof Y.Skip || refersBeyond(struct, doc, state)) break;
        state.set(client, struct.id.clock + struct.length);
        index += 1;
        progressed = true;
      }
      next.set(client, index);
    }
  }
  let waiting: DecodedStruct | null = null;
  for (const [client, list] of byClient) {
    waiting ??= list.slice(next.get(client) ?? 0).find((struct) => !(struct instanceof Y.Skip)) ?? null;
  }
  const isWaiting = (struct: DecodedStruct): boolean => waiting !== null && struct.id.clock >= stateOf(doc, state, struct.id.client);
  return { waiting, isWaiting, exactlyNew: false };
}
