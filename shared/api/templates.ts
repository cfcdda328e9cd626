import { z } from 'zod';
import { templatePackSchema } from '#shared/templates/pack';
import { articleTemplateSchema } from '#shared/templates/schema';
import { userIdPrefix } from '#shared/templates/templateChecks';
import { mapStrings } from '#shared/text/mapStrings';
import { toNfc } from '#shared/text/safeText';

/** The sides that keep templates of their own; reviewers keep none. `null` stands for the host. */
export const templateOwnerSides = ['employer', 'union'] as const;

export type TemplateOwnerSide = (typeof templateOwnerSides)[number];

const escapedPrefix = userIdPrefix.replace('.', '\\.');

export const userTemplateIdSchema = z
  .string()
  .regex(new RegExp(`^${escapedPrefix}[a-z0-9_.-]{1,75}$`), `a user template id is "${userIdPrefix}" followed by lowercase letters, digits, "_", "-" or "."`);

/**
 * A template as a client sends it to be saved: the server gives the id and counts the versions.
 * Its texts are normalised to NFC, as a pack's are (their other rules are in templateChecks.ts).
 */
export const templateDraftSchema = articleTemplateSchema.omit({ id: true, version: true }).transform((draft) => mapStrings(draft, toNfc));

export type TemplateDraft = z.infer<typeof templateDraftSchema>;

export const userTemplateSchema = z.object({
  id: userTemplateIdSchema,
  /** The side whose playbook it belongs to; `null` for the host's own templates. */
  ownerSide: z.enum(templateOwnerSides).nullable(),
  /** The participant who saved it first; `null` when the host did. */
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The article template itself; `template.id` is the same as `id`. */
  template: articleTemplateSchema,
});

export type UserTemplate = z.infer<typeof userTemplateSchema>;

/** Whom a new template belongs to: only the host may choose; a participant's go to its own side. */
const ownerSideInput = z.enum(templateOwnerSides).nullable().optional();

export const saveTemplateInput = z.object({ template: templateDraftSchema, ownerSide: ownerSideInput });

export const updateTemplateInput = z.object({ id: userTemplateIdSchema, template: templateDraftSchema });

export const templateRefInput = z.object({ id: userTemplateIdSchema });

/**
 * The text of a pack file as read from disk. Its size (at most 1 MiB, see maxPackBytes) is checked
 * by the method, which answers payload_too_large: a schema limit would say invalid_input.
 */
export const importPackInput = z.object({ packJson: z.string(), ownerSide: ownerSideInput });

const idList = z.array(z.string());

/** What an import did, by id: new, replaced (changed), or already there exactly as in the pack. */
export const importPackResultSchema = z.object({
  templates: z.object({ created: idList, replaced: idList, unchanged: idList }),
  variables: z.object({ created: idList, replaced: idList, unchanged: idList }),
});

export type ImportPackResult = z.infer<typeof importPackResultSchema>;

export { templatePackSchema };
