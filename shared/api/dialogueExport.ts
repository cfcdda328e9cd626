import { z } from 'zod';
import { dialogueIdSchema } from '#shared/api/dialogue';
import { exportedFileSchema, exportFormats } from '#shared/api/export';
import { dialoguePapers } from '#shared/export/dialoguePapersModel';

/**
 * The papers of a dialogue (shared/export/dialoguePapersModel.ts) as DOCX or PDF: the invitation
 * and agenda, the minutes, the notice of the answers to publish. Whoever may read the dialogue
 * (dialogues/get) may export its papers, and reads on them what dialogues/get and submissions/list
 * give them. The minutes and the notice wait for the meeting to be held.
 */
export const exportDialogueInput = z.object({
  dialogueId: dialogueIdSchema,
  paper: z.enum(dialoguePapers),
  format: z.enum(exportFormats),
  language: z.enum(['vi', 'en']).default('vi'),
});

export type ExportDialogueInput = z.input<typeof exportDialogueInput>;

export const dialogueExportMethods = {
  'dialogues/export': { access: 'signedIn', input: exportDialogueInput, output: exportedFileSchema },
} as const;
