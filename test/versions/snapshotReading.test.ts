import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentRoot, encodeInitialContent, readContent } from '#shared/document/yjsContent';
import { bodyDifferences } from '#shared/versions/compareBodies';
import { compareDocumentAt } from '#shared/versions/compareVersions';
import { forEachChangedItem } from '#shared/versions/itemChanges';
import { readDocumentAt } from '#shared/versions/snapshotContent';
import { article } from '../editor/builders';

/** A small seeded generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const words = ['lương ', 'thưởng ', 'nghỉ ', 'ca ', 'Điều ', '03 năm ', 'tối thiểu ', 'đ) '];

/** The paragraphs of the document (Y.XmlText elements inside the articles). */
function paragraphs(doc: Y.Doc): Y.XmlText[] {
  const elements = (parent: Y.XmlText): Y.XmlText[] =>
    (parent.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));
  return elements(contentRoot(doc)).flatMap((element) => elements(element).slice(1));
}

/** Random edits by several writers: typing, deleting, marking bold, adding and removing paragraphs. */
function randomEdit(doc: Y.Doc, random: () => number): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const target = pick(paragraphs(doc));
  const roll = random();
  doc.clientID = 1 + Math.floor(random() * 3);
  if (roll < 0.45 || target.length === 0) target.insert(Math.floor(random() * (target.length + 1)), pick(words), random() < 0.2 ? { bold: true } : undefined);
  else if (roll < 0.75) {
    const at = Math.floor(random() * target.length);
    target.delete(at, Math.min(target.length - at, 1 + Math.floor(random() * 9)));
  } else if (roll < 0.88) {
    const at = Math.floor(random() * target.length);
    target.format(at, Math.min(target.length - at, 1 + Math.floor(random() * 6)), { italic: random() < 0.5 ? true : null });
  } else {
    const element = contentRoot(doc).toDelta()[0]?.insert as Y.XmlText;
    const count = (element.toDelta() as unknown[]).length;
    if (random() < 0.6 || count <= 2) {
      const added = new Y.XmlText();
      added.setAttribute('type', 'paragraph');
      added.insert(0, pick(words));
      element.insertEmbed(1 + Math.floor(random() * count), added);
    } else element.delete(1 + Math.floor(random() * (count - 1)), 1);
  }
}

/** Characters inserted and deleted between two snapshots, counted clock by clock (slow and plain). */
function bruteForceCounts(doc: Y.Doc, older: Y.Snapshot, newer: Y.Snapshot): { inserted: number; deleted: number } {
  const visible = (snapshot: Y.Snapshot, client: number, clock: number) =>
    clock < (snapshot.sv.get(client) ?? 0) && !Y.isDeleted(snapshot.ds, Y.createID(client, clock));
  let inserted = 0;
  let deleted = 0;
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
      for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock += 1) {
        const before = visible(older, client, clock);
        const after = visible(newer, client, clock);
        if (after && !before) inserted += 1;
        if (before && !after) deleted += 1;
      }
    }
  }
  return { inserted, deleted };
}

describe('S16 reading a past version straight from the document', () => {
  it('equals Yjs’s own reconstruction at every snapshot of a random editing history, and counts changes exactly', () => {
    const random = seeded(2027);
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(
      doc,
      encodeInitialContent({
        blocks: [
          article('dieu-1', 'Tiền lương', 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.', 'Trả vào ngày 05 hằng tháng.'),
          article('dieu-2', 'Thưởng Tết', 'Thưởng Tết bằng một tháng lương.'),
          article('dieu-3', 'Nghỉ hằng năm', 'Mười hai ngày làm việc.', 'Cứ đủ 05 năm được thêm 01 ngày.'),
        ],
        variables: { headcount: 100 },
      }),
    );
    const taken: { snapshot: Y.Snapshot; blocks: unknown; variables: unknown }[] = [];
    for (let step = 0; step < 400; step += 1) {
      randomEdit(doc, random);
      if (step % 7 === 0) doc.getMap('variables').set('headcount', 100 + step);
      if (step % 20 === 19) taken.push({ snapshot: Y.snapshot(doc), blocks: readContent(doc), variables: doc.getMap('variables').toJSON() });
    }
    expect(taken.length).toBe(20);
    // Read back after everything, in the same document and in one rebuilt from its stored state.
    const reloaded = new Y.Doc({ gc: false });
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
    for (const { snapshot, blocks, variables } of taken) {
      for (const source of [doc, reloaded]) {
        expect(readDocumentAt(source, snapshot)).toEqual({ blocks, variables });
        expect(readContent(Y.createDocFromSnapshot(source, snapshot))).toEqual(blocks);
      }
    }
    let changedPairs = 0;
    for (let index = 1; index < taken.length; index += 1) {
      const older = (taken[index - 1] as (typeof taken)[number]).snapshot;
      const newer = (taken[index] as (typeof taken)[number]).snapshot;
      const counted = { inserted: 0, deleted: 0 };
      forEachChangedItem(reloaded, older, newer, (item, change, length) => {
        if (item.content instanceof Y.ContentString) counted[change] += length;
      });
      expect(counted).toEqual(bruteForceCounts(reloaded, older, newer));
      // Reading only the articles whose items changed gives the same comparison as reading everything.
      const lookups = { ownerOfClient: () => null, deletersOf: () => [] };
      const quick = compareDocumentAt(reloaded, { snapshot: older, read: older }, { snapshot: newer, read: newer }, lookups);
      expect(quick.articles).toEqual(bodyDifferences(readDocumentAt(reloaded, older).blocks, readDocumentAt(reloaded, newer).blocks));
      changedPairs += quick.articles.length > 0 ? 1 : 0;
    }
    expect(changedPairs).toBeGreaterThan(10);
  });
});
