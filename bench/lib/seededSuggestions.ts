import * as Y from 'yjs';
import { contentRoot } from '#shared/document/yjsContent';
import { suggestionRecords } from '#shared/negotiation/suggestions';
import { syncPath, syncProtocolVersion } from '#shared/sync/protocol';
import { BenchmarkError } from './benchmark';
import { connectClient, whenAllSynced } from './syncClients';

/**
 * Pending suggestions made the way the product makes them (decision 0024): marks written into the
 * body by a participant's socket (a stock y-websocket client holding the union's seat), which the
 * server judges and records as that participant's. One per article, in its first body block (never
 * the last, where the benchmark types), taking turns: an insertion at the end of the block, a
 * deletion of its first words, a replacement (both, one id).
 */

const insertedText = ' (công đoàn đề nghị bổ sung)';
const replacingText = 'Theo đề nghị của công đoàn, ';
/** The words suggested for deletion: the block's first characters. */
const deletedLength = 12;

/** The suggestion id of the n-th article (1-based), as a client chooses one (stableIdPattern). */
export function seededSuggestionId(articleNumber: number): string {
  return `bench-goi-y-${articleNumber}`;
}

function embeddedTexts(element: Y.XmlText): Y.XmlText[] {
  return (element.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));
}

/** Every article of the body, in order (at the top level or in chapters). */
function articleTexts(doc: Y.Doc): Y.XmlText[] {
  const articles: Y.XmlText[] = [];
  const walk = (element: Y.XmlText): void => {
    for (const child of embeddedTexts(element)) {
      if (child.getAttribute('type') === 'article') articles.push(child);
      else if (child.getAttribute('type') === 'chapter') walk(child);
    }
  };
  walk(contentRoot(doc));
  return articles;
}

/** Writes the marks of `count` suggestions into the first `count` articles, in one change. */
function writeSuggestions(doc: Y.Doc, count: number): void {
  const articles = articleTexts(doc);
  if (articles.length < count) throw new BenchmarkError(`${count} suggestions asked for ${articles.length} articles`);
  doc.transact(() => {
    articles.slice(0, count).forEach((article, index) => {
      const block = embeddedTexts(article)[1];
      if (!block || embeddedTexts(article).length < 3) throw new BenchmarkError(`article ${index + 1} has no body block before its last`);
      const id = seededSuggestionId(index + 1);
      const kind = index % 3;
      if (kind === 0) block.insert(block.length, insertedText, { suggestInsert: id });
      else if (kind === 1) block.format(0, deletedLength, { suggestDelete: id });
      else {
        block.format(0, deletedLength, { suggestDelete: id });
        block.insert(deletedLength, replacingText, { suggestInsert: id });
      }
    });
  });
}

/**
 * Makes `count` pending suggestions of the union side in a document, through the union seat's
 * socket, and waits until the server has recorded every one of them as that seat's.
 */
export async function seedUnionSuggestions(
  serverUrl: string,
  documentId: string,
  union: { token: string; participantId: string },
  count: number,
  timeoutMs = 30_000,
): Promise<void> {
  const client = connectClient({
    url: `${serverUrl.replace(/^http/, 'ws')}${syncPath}`,
    room: documentId,
    params: { token: union.token, protocol: String(syncProtocolVersion) },
  });
  try {
    await whenAllSynced([client], 'the suggesting client');
    writeSuggestions(client.doc, count);
    const isRecorded = (): boolean => {
      const records = suggestionRecords(client.doc);
      for (let number = 1; number <= count; number += 1) {
        const record = records.get(seededSuggestionId(number));
        if (record?.authorId !== union.participantId || record.side !== 'union' || record.status !== 'pending') return false;
      }
      return true;
    };
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (!isRecorded()) return;
        clearTimeout(timer);
        client.doc.off('update', check);
        resolve();
      };
      const timer = setTimeout(() => {
        client.doc.off('update', check);
        reject(new BenchmarkError(`the server did not record the ${count} seeded suggestions as the union's within ${timeoutMs} ms`));
      }, timeoutMs);
      client.doc.on('update', check);
      check();
    });
  } finally {
    client.destroy();
  }
}
