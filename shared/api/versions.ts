import { z } from 'zod';
import { documentIdSchema } from '#shared/api/documents';
import type { TopLevelBlock } from '#shared/document/nodes';
import { diffGranularities } from '#shared/document/wordDiff';
import { variableValueSchema } from '#shared/templates/schema';
import { articleRefSchema, personSchema, versionKinds } from '#shared/versions/model';
import { singleLineNameSchema } from '#shared/text/textSchemas';

const idSchema = z.string().min(1).max(64);
const clauseIdSchema = z.string().min(1).max(64);

/** A version, or the document as it is now. */
export const versionRefSchema = z.union([z.literal('current'), idSchema]);

export type VersionRef = z.infer<typeof versionRefSchema>;

export const versionSummaryViewSchema = z.object({
  added: z.array(articleRefSchema),
  removed: z.array(articleRefSchema),
  moved: z.array(articleRefSchema),
  changed: z.array(articleRefSchema),
  variables: z.array(z.string()),
  contributors: z.array(personSchema),
  articleCount: z.number().int().optional(),
});

export const versionMetaSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  number: z.number().int().positive(),
  kind: z.enum(versionKinds),
  name: z.string().nullable(),
  /** Who the version is attributed to; participantId null: the host (or the server). */
  author: personSchema,
  createdAt: z.iso.datetime(),
  summary: versionSummaryViewSchema,
  restoredFrom: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  /** Signed versions: the SHA-256 of the canonical text and of the previous signed version. */
  signed: z.object({ contentHash: z.string(), previousHash: z.string().nullable() }).nullable(),
});

export type VersionMeta = z.infer<typeof versionMetaSchema>;

/** A body as stored in a past version: read back as it was, so only its outline is checked here. */
const pastBodySchema = z.array(z.looseObject({ type: z.string() })) as unknown as z.ZodType<TopLevelBlock[]>;

export const versionContentSchema = z.object({
  version: versionMetaSchema,
  blocks: pastBodySchema,
  variables: z.record(z.string(), variableValueSchema),
});

export const segmentSchema = z.object({ kind: z.enum(['equal', 'inserted', 'deleted']), text: z.string() });

const headingSchema = z.object({ number: z.number().int(), title: z.string() }).nullable();

export const articleChangeSchema = z.object({
  clauseId: z.string(),
  status: z.enum(['added', 'removed', 'moved', 'changed']),
  textChanged: z.boolean(),
  before: headingSchema,
  after: headingSchema,
  segments: z.array(segmentSchema),
  /** How finely the redline was compared: 'word', or coarser when the change was too large to compare word by word. */
  granularity: z.enum(diffGranularities),
  /** Who inserted and who deleted characters inside the article between the two texts. */
  authors: z.array(z.object({ person: personSchema, insertedChars: z.number().int(), deletedChars: z.number().int() })),
});

export type ArticleChangeView = z.infer<typeof articleChangeSchema>;

/** One end of a comparison: a version, the document now (versionId null), or the caller's last visit. */
const comparisonEndSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('version'), versionId: z.string(), number: z.number().int(), at: z.iso.datetime() }),
  z.object({ kind: z.enum(['current', 'visit']), versionId: z.null(), number: z.null(), at: z.iso.datetime() }),
]);

export const comparisonSchema = z.object({
  from: comparisonEndSchema,
  to: comparisonEndSchema,
  articles: z.array(articleChangeSchema),
  variables: z.array(z.object({ id: z.string(), before: variableValueSchema.nullable(), after: variableValueSchema.nullable() })),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), moved: z.number().int(), changed: z.number().int() }),
});

export type Comparison = z.infer<typeof comparisonSchema>;

export const attributionSchema = z.object({
  articles: z.array(
    z.object({
      clauseId: z.string(),
      number: z.number().int(),
      title: z.string(),
      totalChars: z.number().int(),
      shares: z.array(z.object({ person: personSchema, chars: z.number().int() })),
    }),
  ),
  /** Characters of the whole text by side (null: the host, the server, or the document's template). */
  sides: z.array(z.object({ side: z.enum(['employer', 'union', 'reviewer']).nullable(), chars: z.number().int() })),
});

export type Attribution = z.infer<typeof attributionSchema>;

export const verifyStatuses = ['ok', 'content_mismatch', 'chain_broken', 'unreadable'] as const;

export const verifyReportSchema = z.object({
  documentId: z.string(),
  ok: z.boolean(),
  checkedAt: z.iso.datetime(),
  versions: z.array(
    z.object({
      versionId: z.string(),
      number: z.number().int(),
      name: z.string().nullable(),
      createdAt: z.iso.datetime(),
      status: z.enum(verifyStatuses),
      contentHash: z.string().nullable(),
      /** The hash of the text the stored snapshot gives today (null when it cannot be read). */
      recomputedHash: z.string().nullable(),
      previousHash: z.string().nullable(),
      expectedPreviousHash: z.string().nullable(),
    }),
  ),
});

export type VerifyReport = z.infer<typeof verifyReportSchema>;

export const listVersionsInput = z.object({ documentId: documentIdSchema, namedOnly: z.boolean().default(false) });

const versionNameSchema = singleLineNameSchema({ max: 200, empty: 'a version needs a name' });

export const createVersionInput = z.object({ documentId: documentIdSchema, name: versionNameSchema });

export const signVersionInput = z.object({ documentId: documentIdSchema, name: versionNameSchema.optional() });

export const versionRefInput = z.object({ documentId: documentIdSchema, versionId: idSchema });

export const compareVersionsInput = z.object({ documentId: documentIdSchema, from: versionRefSchema, to: versionRefSchema.default('current') });

export const sinceLastVisitInput = z.object({
  documentId: documentIdSchema,
  /** The version the caller last saw, if the client keeps it; otherwise the server's record of their last visit. */
  versionId: idSchema.optional(),
});

export const restoreArticleInput = versionRefInput.extend({ clauseId: clauseIdSchema });

export const documentVersionsInput = z.object({ documentId: documentIdSchema });

const versionList = z.object({ versions: z.array(versionMetaSchema), lastVisitAt: z.iso.datetime().nullable() });

const sinceLastVisit = z.object({ since: z.iso.datetime().nullable(), comparison: comparisonSchema.nullable() });

/** The version-history methods of the API contract (see contract.ts). */
export const versionMethods = {
  'versions/list': { access: 'signedIn', input: listVersionsInput, output: versionList },
  'versions/create': { access: 'signedIn', input: createVersionInput, output: versionMetaSchema },
  'versions/sign': { access: 'admin', input: signVersionInput, output: versionMetaSchema },
  'versions/get': { access: 'signedIn', input: versionRefInput, output: versionContentSchema },
  'versions/compare': { access: 'signedIn', input: compareVersionsInput, output: comparisonSchema },
  'versions/sinceLastVisit': { access: 'signedIn', input: sinceLastVisitInput, output: sinceLastVisit },
  'versions/restore': { access: 'signedIn', input: versionRefInput, output: versionMetaSchema },
  'versions/restoreArticle': { access: 'signedIn', input: restoreArticleInput, output: versionMetaSchema },
  'versions/attribution': { access: 'signedIn', input: documentVersionsInput, output: attributionSchema },
  'versions/verify': { access: 'signedIn', input: documentVersionsInput, output: verifyReportSchema },
} as const;
