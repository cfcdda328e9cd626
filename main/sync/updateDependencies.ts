import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type DecodedStruct = DecodedUpdate['structs'][number];

/** The ids an item needs before Yjs can place it: its neighbours and its parent, when given as ids. */
function referencesOf(struct: DecodedStruct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const references: Y.ID[] = [];
  if (struct.origin) references.push(struct.origin);
  if (struct.rightOrigin) references.push(struct.rightOrigin);
  if (struct.parent instanceof Y.ID) references.push(struct.parent);
  return references;
}

/** Which structs of an update a document can integrate now, and the first one it cannot. */
export interface Integration {
  /** The first struct Yjs would leave pending, or null when the whole update integrates. */
  waiting: DecodedStruct | null;
  /** Whether a struct of the update would be left pending. */
  isWaiting(struct: DecodedStruct): boolean;
}

/**
 * Which structs of an update a document can integrate now, judged the way Yjs integrates: a
 * struct joins when it starts where its client's state ends and every item it refers to is there
 * (in the document, or joined before it); the rest would stay pending.
 */
export function integrationOf(decoded: DecodedUpdate, doc: Y.Doc): Integration {
  const state = new Map<number, number>();
  const stateOf = (client: number): number => state.get(client) ?? Y.getState(doc.store, client);
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
        const known = stateOf(client);
        if (struct.id.clock + struct.length <= known) {
          index += 1;
          continue;
        }
        // A gap before the struct (a Skip marks one too): Yjs would keep it pending.
        if (struct.id.clock > known || struct instanceof Y.Skip) break;
        const blocked = referencesOf(struct).some((id) => id.client !== client && id.clock >= stateOf(id.client));
        if (blocked) break;
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
  return { waiting, isWaiting: (struct) => waiting !== null && struct.id.clock >= stateOf(struct.id.client) };
}
