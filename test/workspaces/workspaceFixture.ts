import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import type { ApiInput, ApiMethod } from '#shared/api/contract';
import type { Dossier, LifecycleStepInput } from '#shared/lifecycle/model';
import type { Side } from '#shared/sides';
import { readContent, variablesMap } from '#shared/document/yjsContent';
import { createMemoryLogger } from '#main/logger';
import { startServerMode, type RunningServer } from '#main/server/serverMode';
import { createDeploymentService } from '#main/services/deploymentService';
import { createTestClock, type TestClock } from '../helpers/apiTransports';
import { createTestDatabase } from '../helpers/postgres';
import { createTempFolder } from '../helpers/tempFolder';
import { overtimeDraft, packFile, samplePack } from '../helpers/templateFixtures';
import { agreementBody, clauseIds, proposedArticle, type Seat } from '../negotiation/negotiationFixture';

/** A running server on one store, and its clock. */
export interface Deployment {
  server: RunningServer;
  clock: TestClock;
  /** A client of the server's API holding `token` (or none). */
  client(token?: string): ApiClient;
  dispose(): Promise<void>;
}

export interface DeploymentUnderTest {
  name: string;
  start(): Promise<Deployment>;
}

function deploymentOver(server: RunningServer, clock: TestClock, dispose: () => Promise<void>): Deployment {
  return { server, clock, client: (token) => createApiClient(createHttpTransport({ baseUrl: server.url, token, fetch })), dispose };
}

/** Server mode on 127.0.0.1:0 over a SQLite file in a fresh data folder. */
export const sqliteDeployment: DeploymentUnderTest = {
  name: 'SQLite (server mode)',
  async start() {
    const clock = createTestClock();
    const folder = createTempFolder();
    const server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: folder.path, logger: createMemoryLogger(), now: clock.now });
    return deploymentOver(server, clock, async () => {
      await server.close();
      folder.remove();
    });
  },
};

/** A hosted instance on 127.0.0.1:0 over a database of its own on the test run's PostgreSQL. */
export const postgresDeployment: DeploymentUnderTest = {
  name: 'PostgreSQL (hosted mode)',
  async start() {
    const clock = createTestClock();
    const folder = createTempFolder();
    const database = await createTestDatabase();
    const server = await startServerMode({
      host: '127.0.0.1',
      port: 0,
      dataFolder: folder.path,
      logger: createMemoryLogger(),
      now: clock.now,
      store: { kind: 'postgres', url: database.url },
    });
    return deploymentOver(server, clock, async () => {
      await server.close();
      await database.drop();
      folder.remove();
    });
  },
};

const complete: Dossier = { request: true, regulations: true, unionOpinion: true, disciplineDocuments: 'none' };

/** Everything one workspace holds for the tests: its host, two documents with their people, templates and variables. */
export interface WorkspaceUnderTest {
  id: string;
  /** A word every name and title of this workspace carries, to find any of it in what another workspace reads. */
  marker: string;
  hostToken: string;
  host: ApiClient;
  /** An agreement in bargaining: a proposal, a thread, a named version. */
  agreementId: string;
  employer: Seat;
  union: Seat;
  proposalId: string;
  threadId: string;
  versionId: string;
  /** Labour regulations registered with `authorityId` (or with an authority named in words when none). */
  regulationsId: string;
  regulationsEmployer: Seat;
  /** A template the host saved, and one the union's pack brought, with its variables. */
  templateId: string;
  packTemplateIds: string[];
  variableIds: string[];
  /** A periodic dialogue the host organises, with a worker's submission linked to the agreement's wage article, and its public code. */
  dialogueId: string;
  submissionId: string;
  dialogueCode: string;
}

/** The pack a workspace imports: the sample pack, its names carrying the workspace's marker. */
export function markedPack(marker: string) {
  const pack = samplePack();
  return {
    ...pack,
    variables: pack.variables.map((variable) => ({ ...variable, label: { vi: `${variable.label.vi} ${marker}`, en: `${variable.label.en} ${marker}` } })),
    templates: pack.templates.map((template) => ({ ...template, title: { vi: `${template.title.vi} ${marker}`, en: `${template.title.en} ${marker}` } })),
  };
}

/** Invites as the host and redeems anonymously, as a person joining from a link would. */
export async function joinSeat(deployment: Deployment, host: ApiClient, documentId: string, side: Side, displayName: string): Promise<Seat> {
  const invitation = await host.call('invitations/create', { documentId, side });
  const redeemed = await deployment.client().call('invitations/redeem', { code: invitation.code, displayName });
  return { token: redeemed.token, participant: redeemed.participant, client: deployment.client(redeemed.token) };
}

/** The operator creates a workspace; its first host redeems the invitation, as from the link the command line prints. */
export async function hostOfNewWorkspace(deployment: Deployment, name: string, hostName: string): Promise<{ id: string; token: string; host: ApiClient }> {
  const { workspace, invitation } = await createDeploymentService(deployment.server.context).createWorkspace(name);
  const redeemed = await deployment.client().call('access/redeem', { code: invitation.code, displayName: hostName });
  if (redeemed.kind !== 'host') throw new Error('a workspace invitation makes a host');
  return { id: workspace.id, token: redeemed.token, host: deployment.client(redeemed.token) };
}

/**
 * A workspace as an enterprise uses it: the operator creates it, its host joins, creates an
 * agreement (people of both sides, a proposal, a thread, a named version) and labour regulations
 * registered with an authority, saves a template and imports a pack defining variables.
 */
export async function openWorkspace(deployment: Deployment, marker: string, authorityId?: string): Promise<WorkspaceUnderTest> {
  const { id, token, host } = await hostOfNewWorkspace(deployment, `Công ty ${marker}`, `Chị Thu ${marker}`);
  const agreement = await host.call('documents/create', { kind: 'enterprise_agreement', title: `Thỏa ước ${marker}`, content: agreementBody() });
  const employer = await joinSeat(deployment, host, agreement.id, 'employer', `Chị Lan ${marker}`);
  const union = await joinSeat(deployment, host, agreement.id, 'union', `Anh Minh ${marker}`);
  const proposal = await employer.client.call('proposals/create', {
    documentId: agreement.id,
    clauseId: clauseIds.bonus,
    kind: 'replace',
    article: proposedArticle(`Thưởng ${marker}`, 'Thưởng Tết bằng hai tháng lương.'),
    rationale: `Đề xuất ${marker}`,
  });
  const thread = await union.client.call('threads/create', { documentId: agreement.id, clauseId: clauseIds.wage, body: `Góp ý ${marker}` });
  const version = await union.client.call('versions/create', { documentId: agreement.id, name: `Bản ${marker}` });

  const regulations = await host.call('documents/create', { kind: 'labour_regulations', title: `Nội quy ${marker}`, content: agreementBody() });
  const regulationsEmployer = await joinSeat(deployment, host, regulations.id, 'employer', `Ông Tuấn ${marker}`);
  const regulationsUnion = await joinSeat(deployment, host, regulations.id, 'union', `Chị Hoa ${marker}`);
  const step = (seat: Seat, value: LifecycleStepInput) => seat.client.call('lifecycle/step', { documentId: regulations.id, step: value });
  await step(regulationsEmployer, { type: 'start_consultation', sentOn: '2027-01-04' });
  await step(regulationsUnion, { type: 'record_union_opinion', receivedOn: '2027-01-04', opinion: `Đồng ý ${marker}` });
  await step(regulationsEmployer, { type: 'issue', issuedOn: '2027-01-04' });
  await step(regulationsEmployer, {
    type: 'send_registration',
    filedOn: '2027-01-04',
    dossier: complete,
    ...(authorityId ? { authorityId } : { authority: `Sở ${marker}` }),
  });

  const dialogue = await host.call('dialogues/create', {
    kind: 'periodic',
    title: `Đối thoại ${marker}`,
    enterprise: { name: `Công ty ${marker}`, headcount: 120 },
  });
  const submission = await union.client.call('submissions/add', {
    dialogueId: dialogue.dialogue.id,
    text: `Câu hỏi ${marker}`,
    article: { documentId: agreement.id, clauseId: clauseIds.wage },
  });

  const saved = await host.call('templates/save', { template: overtimeDraft(`Mẫu ${marker}`) });
  const pack = markedPack(marker);
  await host.call('templates/importPack', { packJson: packFile(pack), ownerSide: 'union' });
  return {
    id,
    marker,
    hostToken: token,
    host,
    agreementId: agreement.id,
    employer,
    union,
    proposalId: proposal.id,
    threadId: thread.id,
    versionId: version.id,
    regulationsId: regulations.id,
    regulationsEmployer,
    templateId: saved.id,
    packTemplateIds: pack.templates.map((template) => template.id),
    variableIds: pack.variables.map((variable) => variable.id),
    dialogueId: dialogue.dialogue.id,
    submissionId: submission.id,
    dialogueCode: dialogue.code ?? '',
  };
}

/**
 * All a workspace holds, as its own host and people read it, and as the store holds its documents:
 * what another workspace's callers must leave exactly as it was.
 */
export async function workspaceSnapshot(deployment: Deployment, workspace: WorkspaceUnderTest) {
  const { host } = workspace;
  const documents = await host.call('documents/list', { includeArchived: true });
  const perDocument = [];
  for (const { id: documentId } of documents) {
    perDocument.push({
      meta: await host.call('documents/get', { documentId }),
      participants: await host.call('participants/list', { documentId }),
      versions: await host.call('versions/list', { documentId }),
      lifecycle: await host.call('lifecycle/get', { documentId }),
      review: await host.call('review/get', { documentId }),
      negotiation: await workspace.employer.client.call('negotiation/state', { documentId: workspace.agreementId }),
      content: await deployment.server.sync.withRoom(documentId, (room) => ({ blocks: readContent(room.doc), variables: variablesMap(room.doc).toJSON() })),
      audit: await deployment.server.context.store.audit.listByDocument(documentId),
      record: await deployment.server.context.store.documents.get(documentId),
    });
  }
  return {
    documents,
    perDocument,
    templates: await host.call('templates/list', {}),
    unionTemplates: await workspace.union.client.call('templates/list', {}),
    variables: await host.call('templates/variables', {}),
    queue: await host.call('review/queue', {}),
    session: await host.call('session/get', {}),
    dialogues: await host.call('dialogues/list', {}),
    dialogue: await host.call('dialogues/get', { dialogueId: workspace.dialogueId }),
    submissions: await host.call('submissions/list', { dialogueId: workspace.dialogueId, includeMerged: true }),
    dialogueRecord: await deployment.server.context.store.dialogues.get(workspace.dialogueId),
  };
}

type DialogueMethod = Extract<ApiMethod, `dialogues/${string}` | `submissions/${string}`>;

/**
 * Every dialogue method, as a caller of a workspace marked `marker` would call it on the dialogue,
 * submission and agreement of workspace `on` (the isolation and authority suites share them).
 */
export function dialogueCalls(marker: string, on: WorkspaceUnderTest): { [M in DialogueMethod]: ApiInput<M> } {
  const { dialogueId, submissionId } = on;
  return {
    'dialogues/list': {},
    'dialogues/get': { dialogueId },
    'dialogues/export': { dialogueId, paper: 'invitation', format: 'docx' },
    'dialogues/create': { kind: 'periodic', title: `Đối thoại ${marker} mới`, enterprise: { name: `Công ty ${marker}`, headcount: 80 } },
    'dialogues/request': {
      title: `Yêu cầu ${marker}`,
      enterprise: { name: `Công ty ${marker}`, headcount: 80 },
      content: 'Tăng ca',
      supporters: 3,
      representatives: 5,
    },
    'dialogues/replyRequest': { dialogueId, text: 'Trả lời' },
    'dialogues/update': { dialogueId, title: 'Đổi tên' },
    'dialogues/setAgenda': { dialogueId, items: [{ title: 'Tiền lương', submissionIds: [submissionId] }] },
    'dialogues/sendAgenda': { dialogueId },
    'dialogues/recordAttendance': { dialogueId, presentIds: [] },
    'dialogues/signMinutes': { dialogueId, side: 'employer', signerName: 'Ông Tuấn' },
    'dialogues/publish': { dialogueId, summary: 'Nội dung' },
    'dialogues/submissionLink': { dialogueId, open: false },
    'dialogues/addCommitment': { dialogueId, text: 'Cam kết', owner: { kind: 'person', name: 'Ông Tuấn' } },
    'dialogues/commitmentDone': { dialogueId, commitmentId: 'khong-co' },
    'dialogues/checks': {},
    // The public methods take a dialogue's code, not its id: a wrong one names nothing.
    'dialogues/readPublic': { code: 'KHONG-CO-MA-NAY' },
    'submissions/list': { dialogueId },
    'submissions/add': { dialogueId, text: 'Câu hỏi khác' },
    'submissions/submit': { code: 'KHONG-CO-MA-NAY', text: 'Câu hỏi khác' },
    'submissions/tag': { dialogueId, submissionId, topic: 'Tiền lương' },
    'submissions/merge': { dialogueId, keepId: submissionId, mergeIds: ['khong-co'] },
    'submissions/answerDirectly': { dialogueId, submissionId, text: 'Trả lời' },
    'submissions/assignWritten': { dialogueId, submissionId, owner: { kind: 'department', name: 'Phòng Nhân sự' }, due: '2027-02-01' },
    'submissions/answerInWriting': { dialogueId, submissionId, text: 'Trả lời' },
    'submissions/propose': { dialogueId, submissionId, documentId: on.agreementId },
  };
}
