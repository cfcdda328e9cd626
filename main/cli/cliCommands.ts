import type { ApiInput, ApiMethod, ApiOutput } from '#shared/api/contract';
import { documentKinds } from '#shared/documents/kinds';
import { sides } from '#shared/sides';
import { invitationLink } from '#main/server/defaults';

/** Runs one API method as the host; rejects with an ApiError on failure. */
export type CallAsHost = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

export interface CliInvocation {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  serverUrl: string;
}

/** What a command prints: a value for --json, and lines for people. */
export interface CommandOutput {
  value: unknown;
  lines: string[];
  /** The process's exit code when the command ran but found a problem (default 0). */
  exitCode?: number;
}

export class UsageError extends Error {}

function requireOption(invocation: CliInvocation, name: string): string {
  const value = invocation.options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function requirePositional(invocation: CliInvocation, index: number, what: string): string {
  const value = invocation.positionals[index];
  if (value === undefined) throw new UsageError(`${what} is required`);
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

function documentLines(documents: ApiOutput<'documents/list'>): string[] {
  if (documents.length === 0) return ['No documents yet. Create one with: npm run cli -- documents create --kind enterprise_agreement --title "..."'];
  return documents.map((d) => `${d.id}  ${d.kind.padEnd(26)} ${d.lifecycleState.padEnd(12)} ${d.title}${d.archivedAt ? '  (archived)' : ''}`);
}

type Command = (call: CallAsHost, invocation: CliInvocation) => Promise<CommandOutput>;

const verifyStatusText: Record<ApiOutput<'versions/verify'>['versions'][number]['status'], string> = {
  ok: 'ok',
  content_mismatch: 'ALTERED: the stored text no longer matches the hash taken when it was signed',
  chain_broken: 'CHAIN BROKEN: it does not name the hash of the signed version before it',
  unreadable: 'UNREADABLE: its stored snapshot cannot be rebuilt',
};

function verifyLines(report: ApiOutput<'versions/verify'>): string[] {
  if (report.versions.length === 0) return [`Document ${report.documentId} has no signed version yet: nothing to verify.`];
  const lines = report.versions.map(
    (version) =>
      `#${version.number}  ${version.createdAt}  ${version.name ?? '(signed)'}  ${verifyStatusText[version.status]}  sha256 ${version.contentHash ?? '-'}`,
  );
  const failed = report.versions.filter((version) => version.status !== 'ok').length;
  return [
    ...lines,
    failed === 0
      ? `All ${report.versions.length} signed version(s) verified.`
      : `${failed} of ${report.versions.length} signed version(s) FAILED verification.`,
  ];
}

/** Every command of `npm run cli`, by its words. */
export const cliCommands: Record<string, Command> = {
  'documents list': async (call, invocation) => {
    const documents = await call('documents/list', { includeArchived: invocation.options.all === true });
    return { value: documents, lines: documentLines(documents) };
  },
  'documents create': async (call, invocation) => {
    const kind = oneOf(requireOption(invocation, 'kind'), documentKinds, 'kind');
    const document = await call('documents/create', { kind, title: requireOption(invocation, 'title') });
    return { value: document, lines: [`Created ${document.id}  ${document.title}`] };
  },
  'documents rename': async (call, invocation) => {
    const document = await call('documents/rename', { documentId: requirePositional(invocation, 2, 'DOCUMENT'), title: requireOption(invocation, 'title') });
    return { value: document, lines: [`Renamed ${document.id} to ${document.title}`] };
  },
  'documents archive': async (call, invocation) => {
    const document = await call('documents/archive', { documentId: requirePositional(invocation, 2, 'DOCUMENT') });
    return { value: document, lines: [`Archived ${document.id}  ${document.title}`] };
  },
  invite: async (call, invocation) => {
    const side = oneOf(requireOption(invocation, 'side'), sides, 'side');
    const hours = invocation.options.hours === undefined ? undefined : Number(invocation.options.hours);
    const invitation = await call('invitations/create', { documentId: requirePositional(invocation, 1, 'DOCUMENT'), side, validForHours: hours });
    const link = invitationLink(invocation.serverUrl, invitation.code);
    return {
      value: { ...invitation, link },
      lines: [`Invitation for the ${side} side: ${invitation.code}`, `Link: ${link}`, `Valid until ${invitation.expiresAt}; it can be used once.`],
    };
  },
  redeem: async (call, invocation) => {
    const redeemed = await call('invitations/redeem', { code: requirePositional(invocation, 1, 'CODE'), displayName: requireOption(invocation, 'name') });
    return {
      value: redeemed,
      lines: [
        `${redeemed.participant.displayName} joined "${redeemed.document.title}" as ${redeemed.participant.side}.`,
        `Token (keep it secret): ${redeemed.token}`,
      ],
    };
  },
  'participants list': async (call, invocation) => {
    const participants = await call('participants/list', { documentId: requirePositional(invocation, 2, 'DOCUMENT') });
    const lines = participants.map((p) => `${p.id}  ${p.side.padEnd(8)} ${p.displayName}${p.revokedAt ? '  (revoked)' : ''}`);
    return { value: participants, lines: lines.length > 0 ? lines : ['Nobody has joined this document yet.'] };
  },
  verify: async (call, invocation) => {
    const report = await call('versions/verify', { documentId: requirePositional(invocation, 1, 'DOCUMENT') });
    return { value: report, lines: verifyLines(report), exitCode: report.ok ? 0 : 1 };
  },
  'participants revoke': async (call, invocation) => {
    const participant = await call('participants/revoke', { participantId: requirePositional(invocation, 2, 'PARTICIPANT') });
    return { value: participant, lines: [`Revoked ${participant.displayName} (${participant.side}).`] };
  },
};

export const cliUsage = `Usage: npm run cli -- [--data FOLDER | --store postgres://…] [--json] COMMAND

Commands:
  documents list [--all]                         list documents (--all includes archived ones)
  documents create --kind KIND --title TITLE     create a document; KIND is one of
                                                 ${documentKinds.join(', ')}
  documents rename DOCUMENT --title TITLE
  documents archive DOCUMENT
  invite DOCUMENT --side SIDE [--hours N] [--url SERVER_URL]
                                                 one-time invitation code for employer, union or reviewer
  redeem CODE --name NAME                        join with a code; prints the participant's token
  participants list DOCUMENT
  participants revoke PARTICIPANT
  verify DOCUMENT                                rebuild every signed version from the database and check
                                                 its hash chain; exit code 1 if any was altered
  admin-token [--label LABEL]                    a host token for server mode's HTTP API
  backup FILE                                    write a consistent copy of the data folder's
                                                 database to FILE (a new file), also while a
                                                 server or the desktop app runs on the folder
  restore FILE --yes                             replace the data folder's database with the backup
                                                 FILE, keeping the current one beside it; refused
                                                 while a server or the desktop app holds the folder
                                                 (without --yes: says what it would replace)

Operator commands (hosted mode: docs/hosting.md); the invitations are redeemed once, at the link:
  workspace create --name NAME [--hours N]       a workspace (an enterprise's or a federation's own
                                                 hosts, documents and templates) and its first host's
                                                 invitation
  workspace list
  workspace invite WORKSPACE [--hours N]         another host's invitation
  authority create --name NAME [--hours N]       a labour authority and its first reviewer's invitation
  authority list                                 the authorities and their reviewers
  authority invite AUTHORITY [--hours N]         another reviewer's invitation
  authority revoke REVIEWER                      end a reviewer's token
  check FILE [--date YYYY-MM-DD] [--lang vi|en]  check an exported document (JSON) against the labour
                                                 law; --date: the law in force on that date (default:
                                                 the effective date); exit 1 on a violation
  cost FILE... [--xlsx OUT] [--docx OUT] [--pdf OUT] [--lang vi|en] [--date YYYY-MM-DD]
                                                 the cost of a wage position's scenario (JSON,
                                                 docs/costing.md) per year, grade and change; with
                                                 several files, each compared with the first;
                                                 --xlsx: the workbook, --docx/--pdf: the annex

Options:
  --data FOLDER   the data folder (default: the per-user folder, or $THOA_UOC_DATA)
  --store URL     a hosted deployment's PostgreSQL database instead (or $THOA_UOC_STORE)
  --json          print machine-readable JSON
  --yes           restore: replace the current database`;
