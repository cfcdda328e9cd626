import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentInput } from '#shared/api/documents';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { Side } from '#shared/sides';
import { createMemoryLogger } from '#main/logger';
import { ensureRendererBuilt } from '#main/server/rendererBuild';
import { startServerMode, testRendererFolder, type RunningServer } from '#main/server/serverMode';
import { articleId, generateAgreement } from './agreementBody';
import type { LoadExpectation } from './editorProbe';
import { seedUnionSuggestions } from './seededSuggestions';

/**
 * Server mode on 127.0.0.1, port 0, over a temporary data folder, serving the test build of the
 * renderer (the probes read the document through window.thoaUocDebug). It serves a copy of the
 * build: a rebuild during the run (tests in the same checkout rebuild it when sources change)
 * would otherwise break the pages half-way.
 */
export async function startEditorServer(): Promise<{ server: RunningServer; dispose: () => Promise<void> }> {
  ensureRendererBuilt(testRendererFolder, (line) => console.log(line), 'test');
  const folder = mkdtempSync(join(tmpdir(), 'thoa-uoc-bench-editor-'));
  const rendererFolder = join(folder, 'renderer');
  cpSync(testRendererFolder, rendererFolder, { recursive: true });
  const server = await startServerMode({ host: '127.0.0.1', port: 0, dataFolder: join(folder, 'data'), logger: createMemoryLogger(), rendererFolder });
  return {
    server,
    async dispose() {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A seat in a document as the renderer keeps it in localStorage (renderer/session/session.ts). */
export interface BenchMembership {
  documentId: string;
  documentTitle: string;
  token: string;
  participantId: string;
  side: Side;
  displayName: string;
}

/** A seeded agreement and one participant per side. */
export interface SeededAgreement {
  /** How figures of this agreement are named: its article count, `s` when it carries suggestions ("300s"). */
  key: string;
  articleCount: number;
  /** The union's pending suggestions in it, one per article from the first. */
  suggestionCount: number;
  documentId: string;
  body: TopLevelBlock[];
  employer: BenchMembership;
  union: BenchMembership;
  expectation: LoadExpectation;
  /** The article typed into: the middle one. */
  targetArticle: number;
  /** The last body block of that article (a paragraph, clause or point). */
  targetSelector: string;
}

function textLength(node: { text?: string; children?: unknown[] }): number {
  return (node.text?.length ?? 0) + (node.children ?? []).reduce<number>((sum, child) => sum + textLength(child as { children?: unknown[] }), 0);
}

async function joinAs(server: RunningServer, documentId: string, side: Side, displayName: string): Promise<BenchMembership> {
  const invitation = await server.handlers['invitations/create']({ documentId, side, validForHours: 24 }, { kind: 'admin' });
  const redeemed = await server.handlers['invitations/redeem']({ code: invitation.code, displayName }, { kind: 'anonymous' });
  return { documentId, documentTitle: redeemed.document.title, token: redeemed.token, participantId: redeemed.participant.id, side, displayName };
}

/**
 * Creates, on the server, an agreement of `articleCount` articles, and seats for both sides; with
 * `suggestionCount`, the union's seat then suggests that many changes through its socket. Pending
 * suggestions leave the accepted text, hence `body`, as generated.
 */
export async function seedAgreement(server: RunningServer, articleCount: number, suggestionCount = 0): Promise<SeededAgreement> {
  const body = generateAgreement(articleCount);
  // The same validation the HTTP API applies to documents/create.
  const input = createDocumentInput.parse({ kind: 'enterprise_agreement', title: `Thỏa ước lao động tập thể (${articleCount} điều)`, content: body });
  const document = await server.handlers['documents/create'](input, { kind: 'admin' });
  const targetArticle = Math.ceil(articleCount / 2);
  const union = await joinAs(server, document.id, 'union', 'Anh Minh (Công đoàn)');
  if (suggestionCount > 0) await seedUnionSuggestions(server.url, document.id, union, suggestionCount);
  return {
    key: suggestionCount > 0 ? `${articleCount}s` : String(articleCount),
    articleCount,
    suggestionCount,
    documentId: document.id,
    body,
    employer: await joinAs(server, document.id, 'employer', 'Chị Lan (Nhân sự)'),
    union,
    expectation: { articles: articleCount, textLength: body.reduce((sum, block) => sum + textLength(block), 0), suggestions: suggestionCount },
    targetArticle,
    targetSelector: `section.article[data-clause-id="${articleId(targetArticle)}"] > [data-slate-node="element"]:last-child`,
  };
}

/** The body with `typed` appended to the text of the target block, as both pages must end up. */
export function expectedBodyAfterTyping(seeded: SeededAgreement, typed: string): TopLevelBlock[] {
  const body = structuredClone(seeded.body);
  const wanted = articleId(seeded.targetArticle);
  for (const block of body) {
    if (block.type !== 'chapter') continue;
    for (const child of block.children) {
      if (child.type !== 'article' || child.clauseId !== wanted) continue;
      const last = child.children.at(-1);
      const leaf = last && 'children' in last ? last.children.at(-1) : undefined;
      if (!leaf || !('text' in leaf)) throw new Error(`article ${seeded.targetArticle} does not end with text`);
      leaf.text += typed;
      return body;
    }
  }
  throw new Error(`article ${seeded.targetArticle} is not in the body`);
}
