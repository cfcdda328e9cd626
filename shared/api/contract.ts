import { z } from 'zod';
import type { CallContext } from '#shared/api/cancellation';
import type { Caller } from '#shared/api/caller';
import { createDocumentInput, documentIdSchema, documentMetaSchema, documentRefInput, listDocumentsInput, renameDocumentInput } from '#shared/api/documents';
import { exportDocumentInput, exportDocxInput, exportedFileSchema, exportReportInput, importPreviewInput, importPreviewSchema } from '#shared/api/export';
import { healthSchema } from '#shared/api/health';
import { createInvitationInput, invitationSchema, redeemInvitationInput, redeemedInvitationSchema } from '#shared/api/invitations';
import { listParticipantsInput, participantSchema, revokeParticipantInput } from '#shared/api/participants';
import { negotiationMethods } from '#shared/api/negotiation';
import { costingMethods } from '#shared/api/costing';
import { suggestionMethods } from '#shared/api/suggestions';
import { networkMethods } from '#shared/api/network';
import { versionMethods } from '#shared/api/versions';
import { lifecycleMethods } from '#shared/api/lifecycle';
import { reviewMethods } from '#shared/api/review';
import { accessMethods } from '#shared/api/access';
import { dialogueMethods } from '#shared/api/dialogue';
import { salaryScaleMethods } from '#shared/api/salaryScale';
import { dialogueExportMethods } from '#shared/api/dialogueExport';
import { documentArticleMethods } from '#shared/api/documentArticles';
import { sessionSchema } from '#shared/api/session';
import { variableDefinitionSchema } from '#shared/templates/schema';
import {
  importPackInput,
  importPackResultSchema,
  saveTemplateInput,
  templatePackSchema,
  templateRefInput,
  updateTemplateInput,
  userTemplateSchema,
} from '#shared/api/templates';

/** Who may call a method at all; finer checks (which document, which side) are the service's. */
export type Access = 'public' | 'signedIn' | 'admin';

interface MethodSpec {
  access: Access;
  input: z.ZodType;
  output: z.ZodType;
}

const noInput = z.object({});

/** The API contract: every method, its access level, and the schemas of its input and output. */
export const apiContract = {
  'health/get': { access: 'public', input: noInput, output: healthSchema },
  'session/get': { access: 'signedIn', input: noInput, output: sessionSchema },
  'documents/list': {
    access: 'signedIn',
    input: listDocumentsInput,
    output: z.array(documentMetaSchema),
  },
  'documents/create': { access: 'admin', input: createDocumentInput, output: documentMetaSchema },
  'documents/get': { access: 'signedIn', input: documentRefInput, output: documentMetaSchema },
  'documents/rename': { access: 'admin', input: renameDocumentInput, output: documentMetaSchema },
  'documents/archive': { access: 'admin', input: documentRefInput, output: documentMetaSchema },
  'documents/exportDocx': { access: 'signedIn', input: exportDocxInput, output: exportedFileSchema },
  'documents/exportPdf': { access: 'signedIn', input: exportDocumentInput, output: exportedFileSchema },
  /** The minutes, the compliance report or the authority's decision, as DOCX or PDF; readable by whoever may read the source. */
  'documents/exportReport': { access: 'signedIn', input: exportReportInput, output: exportedFileSchema },
  'documents/importPreview': { access: 'admin', input: importPreviewInput, output: importPreviewSchema },
  'invitations/create': {
    access: 'signedIn',
    input: createInvitationInput,
    output: invitationSchema,
  },
  'invitations/redeem': {
    access: 'public',
    input: redeemInvitationInput,
    output: redeemedInvitationSchema,
  },
  'participants/list': {
    access: 'signedIn',
    input: listParticipantsInput,
    output: z.array(participantSchema),
  },
  'participants/revoke': {
    access: 'admin',
    input: revokeParticipantInput,
    output: participantSchema,
  },
  'templates/list': { access: 'signedIn', input: noInput, output: z.array(userTemplateSchema) },
  'templates/save': { access: 'signedIn', input: saveTemplateInput, output: userTemplateSchema },
  'templates/update': { access: 'signedIn', input: updateTemplateInput, output: userTemplateSchema },
  'templates/delete': { access: 'signedIn', input: templateRefInput, output: userTemplateSchema },
  'templates/exportPack': { access: 'signedIn', input: noInput, output: templatePackSchema },
  'templates/importPack': { access: 'signedIn', input: importPackInput, output: importPackResultSchema },
  /**
   * Variables defined by the packs a workspace imported, so that every interface can show and check
   * their values: the workspace of `documentId` (an authority's reviewer, of no workspace, names the
   * document they review), else the caller's.
   */
  'templates/variables': { access: 'signedIn', input: z.object({ documentId: documentIdSchema.optional() }), output: z.array(variableDefinitionSchema) },
  ...negotiationMethods,
  ...costingMethods,
  ...suggestionMethods,
  ...networkMethods,
  ...versionMethods,
  ...lifecycleMethods,
  ...reviewMethods,
  ...accessMethods,
  ...dialogueMethods,
  ...salaryScaleMethods,
  ...dialogueExportMethods,
  ...documentArticleMethods,
} as const satisfies Record<string, MethodSpec>;

type Contract = typeof apiContract;

export type ApiMethod = keyof Contract;

/** What a caller passes (defaults may be omitted). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;

/** What a handler receives, after validation and defaults. */
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;

export type ApiOutput<M extends ApiMethod> = z.output<Contract[M]['output']>;

/**
 * One handler per method; implemented once by main/'s services, served by every transport. The
 * call context carries the caller's cancellation (an aborted HTTP request), for long work.
 */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, caller: Caller, call?: CallContext) => Promise<ApiOutput<M>>;
};

/** Whether a string names a method of the contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}
