import { z } from 'zod';
import { sides } from '#shared/sides';

/**
 * Versions of a document: `initial` (as created), `automatic` (one person's edits, after a few
 * minutes of their inactivity or when they leave), `named` ("Proposal sent to the union, round
 * 2"), `signed` (the text signed, hashed into a chain) and `restore` (a past version made current).
 */
export const versionKinds = ['initial', 'automatic', 'named', 'signed', 'restore'] as const;

export type VersionKind = (typeof versionKinds)[number];

/** An article as a summary or a comparison names it: its stable id, its number then, its title then. */
export const articleRefSchema = z.object({ clauseId: z.string(), number: z.number().int().nullable(), title: z.string() });

export type ArticleRef = z.infer<typeof articleRefSchema>;

/** What changed since the previous version, for the one-line summary of the timeline. */
export const versionSummarySchema = z.object({
  added: z.array(articleRefSchema),
  removed: z.array(articleRefSchema),
  moved: z.array(articleRefSchema),
  changed: z.array(articleRefSchema),
  /** Ids of the variables whose value changed. */
  variables: z.array(z.string()),
  /** Participants who made those changes (null: the host or the server). */
  contributors: z.array(z.string().nullable()),
  /** The initial version only: how many articles the document was created with. */
  articleCount: z.number().int().nonnegative().optional(),
});

export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const emptySummary: VersionSummary = { added: [], removed: [], moved: [], changed: [], variables: [], contributors: [] };

/** A person as the history shows them; participantId null is the host (or the server itself). */
export const personSchema = z.object({
  participantId: z.string().nullable(),
  displayName: z.string().nullable(),
  side: z.enum(sides).nullable(),
});

export type Person = z.infer<typeof personSchema>;

/** Whether a summary records no change at all. */
export function isEmptySummary(summary: VersionSummary): boolean {
  return summary.added.length + summary.removed.length + summary.moved.length + summary.changed.length + summary.variables.length === 0;
}
