import { z } from 'zod';

/**
 * The desktop app's "Back up…": outside the API contract, on an IPC channel of its own, since only
 * the desktop has a save dialog and a database file on the user's own computer (server mode's
 * host backs up from the command line). The window sends the dialog's words in its language.
 */
export const desktopBackupInput = z.object({
  title: z.string().min(1).max(200),
  buttonLabel: z.string().min(1).max(100),
  fileType: z.string().min(1).max(100),
});

export type DesktopBackupInput = z.infer<typeof desktopBackupInput>;

export const desktopBackupResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), file: z.string(), bytes: z.number().int().nonnegative(), documents: z.number().int().nonnegative() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('failed'), reason: z.string() }),
]);

export type DesktopBackupResult = z.infer<typeof desktopBackupResult>;
