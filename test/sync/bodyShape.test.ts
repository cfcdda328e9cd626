import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertArticleAfter, removeArticle } from '#shared/document/articles';
import type { TableElement } from '#shared/document/nodes';
import { contentRoot, encodeInitialContent, readContent } from '#shared/document/yjsContent';
import { builtInVariables } from '#shared/templates/builtInVariables';
import { createMemoryLogger } from '#main/logger';
import type { Store } from '#main/store/port';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { PersistentDoc, WriteRefusedError } from '#main/sync/persistentDoc';
import { checkUpdates, createWritePolicy } from '#main/sync/writePolicy';
import { article } from '../editor/builders';
import { agreementBody, clauseIds, lastParagraphOf } from '../negotiation/negotiationFixture';
import { createTempFolder } from '../helpers/tempFolder';
import { articleElement } from '../versions/historyFixture';

const variables = new Map(builtInVariables().map((variable) => [variable.id, variable]));
const documentId = 'tu-2027';

describe('S22 the body keeps a shape that can be laid out', () => {
  let folder: ReturnType<typeof createTempFolder>;
  let store: Store;
  let server: PersistentDoc<string>;
  beforeEach(async () => {
    folder = createTempFolder();
    store = openSqliteStore(`${folder.path}/thoa-uoc.sqlite`);
    await store.documents.insert({
      id: documentId,
      kind: 'enterprise_agreement',
      title: 'Thỏa ước',
      lifecycleState: 'bargaining',
      createdAt: 1,
      updatedAt: 1,
      archivedAt: null,
    });
    await store.updates.append(documentId, [{ bytes: encodeInitialContent({ blocks: agreementBody() }), participantId: null, at: 1 }]);
    server = await PersistentDoc.open<string>({
      documentId,
      log: store.updates,
      logger: createMemoryLogger(),
      now: () => 2,
      admit: checkUpdates(createWritePolicy((id) => variables.get(id))),
      onStored: () => {},
      onStorageFailure: (error) => {
        throw error;
      },
    });
  });
  afterEach(async () => {
    server.destroy();
    await store.close();
    folder.remove();
  });

  /** A participant's change made on a copy of the server's document: null if accepted, else the refusal. */
  function attempt(change: (doc: Y.Doc) => void): string | null {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server.doc));
    const before = Y.encodeStateVector(copy);
    copy.transact(() => change(copy));
    try {
      server.receive(Y.encodeStateAsUpdate(copy, before), 'p-union', 'connection');
      return null;
    } catch (error) {
      if (error instanceof WriteRefusedError) return error.message;
      throw error;
    }
  }

  it('accepts what editing does: typing, formatting, a new article, a clause, a removed article, a table', () => {
    expect(attempt((doc) => lastParagraphOf(doc, clauseIds.wage).insert(0, 'Tăng 7%. '))).toBeNull();
    expect(attempt((doc) => lastParagraphOf(doc, clauseIds.wage).format(0, 5, { bold: true }))).toBeNull();
    expect(attempt((doc) => insertArticleAfter(doc, clauseIds.wage, article('dieu-phu-cap', 'Phụ cấp', 'Phụ cấp ăn ca 30.000 đồng.')))).toBeNull();
    expect(attempt((doc) => lastParagraphOf(doc, clauseIds.bonus).setAttribute('type', 'clause'))).toBeNull();
    expect(attempt((doc) => removeArticle(doc, clauseIds.term))).toBeNull();
    const table: TableElement = {
      type: 'table',
      children: [
        {
          type: 'table-row',
          children: [
            { type: 'table-cell', header: true, children: [{ text: 'Bậc' }] },
            { type: 'table-cell', children: [{ text: '7.000.000' }] },
          ],
        },
      ],
    };
    expect(
      attempt((doc) =>
        insertArticleAfter(doc, clauseIds.scope, {
          type: 'article',
          clauseId: 'dieu-thang-luong',
          children: [{ type: 'article-title', children: [{ text: 'Thang lương' }] }, table],
        }),
      ),
    ).toBeNull();
    expect(readContent(server.doc).length).toBe(3);
  });

  it.each<[string, (doc: Y.Doc) => void, RegExp]>([
    ['a shared map embedded in the body', (doc) => contentRoot(doc).insertEmbed(0, new Y.Map()), /not an element of the body/],
    ['an object embedded in a paragraph', (doc) => lastParagraphOf(doc, clauseIds.wage).insertEmbed(0, { image: 'x' }), /not an element of the body/],
    ['loose text at the top of the body', (doc) => contentRoot(doc).insert(0, 'Chữ rời'), /text directly inside the body/],
    ['text directly inside an article', (doc) => articleElement(doc, clauseIds.wage).insert(0, 'Chữ rời'), /text directly inside a article/],
    [
      'an element of unknown type',
      (doc) => {
        const element = new Y.XmlText();
        element.setAttribute('type', 'image');
        contentRoot(doc).insertEmbed(0, element);
      },
      /without a known type/,
    ],
    [
      'an article without its clauseId',
      (doc) => {
        const element = new Y.XmlText();
        element.setAttribute('type', 'article');
        contentRoot(doc).insertEmbed(0, element);
      },
      /article without its clauseId/,
    ],
    ['an article with an invalid clauseId', (doc) => articleElement(doc, clauseIds.wage).setAttribute('clauseId', 'có dấu cách'), /invalid clauseId/],
    [
      'a paragraph inside a paragraph',
      (doc) => {
        const element = new Y.XmlText();
        element.setAttribute('type', 'paragraph');
        lastParagraphOf(doc, clauseIds.wage).insertEmbed(0, element);
      },
      /a paragraph inside a paragraph/,
    ],
    ['formatting the body does not use', (doc) => lastParagraphOf(doc, clauseIds.wage).format(0, 3, { color: 'red' }), /formatting "color"/],
    [
      'an article turned into a paragraph',
      (doc) => articleElement(doc, clauseIds.wage).setAttribute('type', 'paragraph'),
      /a article cannot become a paragraph/,
    ],
    ['an article losing its clauseId', (doc) => articleElement(doc, clauseIds.wage).removeAttribute('clauseId'), /removes the clauseId of a article/],
    ['a character no document can hold', (doc) => lastParagraphOf(doc, clauseIds.wage).insert(0, 'Mức\uFFFE lương'), /U\+FFFE/],
    ['the whole body deleted', (doc) => contentRoot(doc).delete(0, contentRoot(doc).length), /cannot be left empty/],
  ])('refuses %s, and nothing of it is applied', (_what, change, reason) => {
    const before = Y.encodeStateAsUpdate(server.doc);
    expect(attempt(change)).toMatch(reason);
    expect(Y.encodeStateAsUpdate(server.doc)).toEqual(before);
    expect(() => readContent(server.doc)).not.toThrow();
  });
});
