import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentRoot, encodeInitialContent } from '#shared/document/yjsContent';
import { bodyShapeProblem } from '#main/sync/bodyShape';
import { typingEffects } from '#main/sync/typing';
import { inspectUpdate, type UpdateEffects } from '#main/sync/updateInspection';
import { integrationOf } from '#main/sync/updateDependencies';
import { agreementBody } from '../negotiation/negotiationFixture';

/** Every element of the body that holds text (titles and paragraphs), in document order. */
function textBlocks(doc: Y.Doc): Y.XmlText[] {
  const blocks: Y.XmlText[] = [];
  const walk = (element: Y.XmlText): void => {
    for (const part of element.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      const type: unknown = part.insert.getAttribute('type');
      if (type === 'paragraph' || type === 'article-title' || type === 'chapter-title') blocks.push(part.insert);
      walk(part.insert);
    }
  };
  walk(contentRoot(doc));
  return blocks;
}

type Edit =
  | { kind: 'type'; block: number; at: number; text: string }
  | { kind: 'erase'; block: number; at: number; length: number }
  | { kind: 'bold'; block: number; at: number; length: number }
  | { kind: 'typeInBody'; text: string }
  | { kind: 'setType'; block: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const block = fc.nat({ max: 20 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('type' as const), block, at: fraction, text: fc.constantFrom('a', 'lương ', 'Điều 5', '150%', 'x\u0007y') }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('erase' as const), block, at: fraction, length: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bold' as const), block, at: fraction, length: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('typeInBody' as const), text: fc.constantFrom('x', 'tự do') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setType' as const), block }) },
);

function applyEdit(doc: Y.Doc, step: Edit): void {
  if (step.kind === 'typeInBody') return contentRoot(doc).insert(0, step.text);
  const blocks = textBlocks(doc);
  const target = blocks[step.block % blocks.length] as Y.XmlText;
  if (step.kind === 'setType') return target.setAttribute('type', 'clause');
  const at = Math.floor(step.at * target.length);
  if (step.kind === 'type') target.insert(at, step.text);
  else if (step.kind === 'erase') target.delete(at, Math.min(step.length, target.length - at));
  else target.format(at, Math.min(step.length, target.length - at), { bold: true });
}

/** What the full inspection finds, in a form to compare (types as their position among the text blocks). */
function comparable(effects: UpdateEffects, doc: Y.Doc) {
  const blocks = textBlocks(doc);
  return {
    roots: [...effects.roots].sort(),
    mapWrites: effects.mapWrites,
    mapDeletions: effects.mapDeletions,
    touched: [...effects.touchedTypes].map((type) => blocks.indexOf(type as unknown as Y.XmlText)).sort(),
    deleted: effects.deletedTypes.size,
  };
}

/** A participant's copy of a document, as it syncs on connecting. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const runs = Number(process.env.THOA_UOC_PROPERTY_RUNS ?? 150);

describe('keystrokes inspected the short way', () => {
  it('find what the full inspection finds, keep the body laid out, and leave everything else to the full checks', () => {
    let shortWays = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const server = new Y.Doc({ gc: false });
        Y.applyUpdate(server, encodeInitialContent({ blocks: agreementBody() }));
        let client = copyOf(server);
        for (const step of edits) {
          const before = Y.encodeStateVector(client);
          applyEdit(client, step);
          const update = Y.encodeStateAsUpdate(client, before);
          const decoded = Y.decodeUpdate(update);
          const { isWaiting } = integrationOf(decoded, server);
          const typing = typingEffects(decoded, server, isWaiting);
          if (typing !== null) {
            shortWays += 1;
            expect(step.kind === 'type' || step.kind === 'erase').toBe(true);
            expect(comparable(typing, server)).toEqual(comparable(inspectUpdate(decoded, server, isWaiting), server));
            expect(bodyShapeProblem(decoded, server, isWaiting)).toBeNull();
          } else if (step.kind === 'type' && !step.text.includes('\u0007')) {
            throw new Error(`typing "${step.text}" into a text block took the long way`);
          }
          // The server takes only what the full checks accept, so that both documents go on alike.
          if (bodyShapeProblem(decoded, server, isWaiting) === null) Y.applyUpdate(server, update);
          else {
            client.destroy();
            client = copyOf(server);
          }
        }
        server.destroy();
        client.destroy();
      }),
      { numRuns: runs },
    );
    expect(shortWays).toBeGreaterThan(runs);
  });
});
