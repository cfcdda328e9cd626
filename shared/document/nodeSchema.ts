import { z } from 'zod';
import { stableIdPattern } from '#shared/document/elementRules';
import type { TopLevelBlock } from '#shared/document/nodes';
import { refuseXmlIllegal } from '#shared/text/textSchemas';

/**
 * Validation of document bodies received from outside (API, imports): the schema of nodes.ts. The
 * text is kept as sent, not normalised: it is compared with the text written through sync, which
 * arrives keystroke by keystroke (a combining accent typed after its letter) and cannot be; but it
 * may hold only characters a document can hold.
 */

const text = z
  .object({
    text: z.string().max(100_000).superRefine(refuseXmlIllegal),
    bold: z.literal(true).optional(),
    italic: z.literal(true).optional(),
    underline: z.literal(true).optional(),
  })
  .strict();

const variable = z
  .object({ type: z.literal('variable'), variableId: z.string().min(1).max(80), children: z.tuple([z.object({ text: z.literal('') }).strict()]) })
  .strict();

const inlines = z.array(z.union([text, variable])).min(1);

const textBlock = <T extends string>(type: T) => z.object({ type: z.literal(type), children: inlines }).strict();

const paragraph = textBlock('paragraph');
const listItem = textBlock('list-item');
const tableCell = z.object({ type: z.literal('table-cell'), header: z.literal(true).optional(), children: inlines }).strict();
const tableRow = z.object({ type: z.literal('table-row'), children: z.array(tableCell).min(1) }).strict();
const bodyBlock = z.discriminatedUnion('type', [
  paragraph,
  textBlock('clause'),
  textBlock('point'),
  z.object({ type: z.literal('bulleted-list'), children: z.array(listItem).min(1) }).strict(),
  z.object({ type: z.literal('table'), children: z.array(tableRow).min(1) }).strict(),
]);

const stableId = z.string().regex(stableIdPattern, 'ids are 1 to 64 letters, digits, "_", "-" or "."');

const article = z
  .object({
    type: z.literal('article'),
    clauseId: stableId,
    templateId: z.string().max(80).optional(),
    children: z.tuple([textBlock('article-title')], bodyBlock),
  })
  .strict();

const chapter = z
  .object({
    type: z.literal('chapter'),
    chapterId: stableId,
    children: z.tuple([textBlock('chapter-title')], article),
  })
  .strict();

/** A whole document body: preamble paragraphs, chapters and articles, at most 5,000 blocks. */
export const documentBodySchema = z
  .array(z.discriminatedUnion('type', [chapter, article, paragraph]))
  .min(1)
  .max(5000)
  .superRefine((blocks, context) => {
    const seen = new Set<string>();
    const check = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) context.addIssue({ code: 'custom', message: `the id "${id}" is used twice`, path });
      seen.add(id);
    };
    blocks.forEach((block, index) => {
      if (block.type === 'chapter') {
        check(block.chapterId, [index, 'chapterId']);
        block.children.slice(1).forEach((child, childIndex) => {
          if (child.type === 'article') check(child.clauseId, [index, 'children', childIndex + 1, 'clauseId']);
        });
      } else if (block.type === 'article') {
        check(block.clauseId, [index, 'clauseId']);
      }
    });
  }) as unknown as z.ZodType<TopLevelBlock[]>;
