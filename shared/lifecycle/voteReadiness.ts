/**
 * What stands between a draft agreement and the workers' vote. Bargaining goes article by article:
 * each article is agreed when both sides agree its text (a tentative agreement), and the agreed
 * articles together are the draft the workers vote on (Art. 76(1)). An article not agreed either
 * stays outside the agreement, left out by the worker representative organisation and recorded in
 * the minutes as not agreed (Art. 70, 71), or goes to the vote with the union's written reason.
 * Violations of the law found by the compliance check do not stop the vote; they are shown and
 * recorded with it.
 */
import { articlesOf, articleText } from '#shared/document/articles';
import { computeNumbering } from '#shared/document/numbering';
import { plainText, type TopLevelBlock } from '#shared/document/nodes';
import type { Finding } from '#shared/compliance/types';
import type { RuleDefinition } from '#shared/compliance/ruleDefinition';
import type { ArticleNegotiation, ArticleStatus } from '#shared/negotiation/model';
import type { Bilingual } from '#shared/templates/schema';
import type { LeftOutArticle, NotAgreedArticle, OpenViolation } from '#shared/lifecycle/model';

/** An article of the draft as it stands in the negotiation. */
export interface ArticleStanding {
  clauseId: string;
  number: number;
  title: string;
  status: ArticleStatus;
}

/** The draft's articles in document order, and the violations of the law the compliance check finds in it. */
export interface NegotiationStanding {
  articles: readonly ArticleStanding[];
  violations: readonly OpenViolation[];
}

/** The articles not agreed (each with the union's leave-out, if any), those that still stop the vote, and the violations. */
export interface VoteReadiness {
  articleCount: number;
  agreedCount: number;
  notAgreed: (ArticleStanding & { leftOut: LeftOutArticle | null })[];
  /** Not agreed and not left out: the vote waits for them, or for the union's written reason. */
  blocking: ArticleStanding[];
  violations: readonly OpenViolation[];
}

/**
 * The standing of each article: agreed only while both sides' agreement is on the text as it is
 * now (an edit reopens an agreed article; a stale mark counts for nothing) and no suggestion on it
 * is pending (a pending suggestion is a side's open position, decision 0024), else open or disputed.
 */
function articleStandings(blocks: readonly TopLevelBlock[], statuses: readonly ArticleNegotiation[], suggestedIn: ReadonlySet<string>): ArticleStanding[] {
  const numbering = computeNumbering(blocks);
  const statusOf = new Map(statuses.map((status) => [status.clauseId, status]));
  return articlesOf(blocks).map((article) => {
    const recorded = statusOf.get(article.clauseId);
    const agreed = recorded?.status === 'agreed' && recorded.agreedText === articleText(article) && !suggestedIn.has(article.clauseId);
    const status: ArticleStatus = agreed ? 'agreed' : recorded?.status === 'disputed' ? 'disputed' : 'open';
    return {
      clauseId: article.clauseId,
      number: numbering.articles.get(article.clauseId) ?? 0,
      title: article.children[0] ? plainText(article.children[0]) : '',
      status,
    };
  });
}

/** The violations grouped by rule, named by the rule's title (never its id), with the articles concerned. */
function openViolations(
  findings: readonly Finding[],
  rules: readonly Pick<RuleDefinition, 'id' | 'what'>[],
  articles: readonly ArticleStanding[],
): OpenViolation[] {
  const ruleTitle = new Map(rules.map((rule) => [rule.id, rule.what]));
  const articleOf = new Map(articles.map((article) => [article.clauseId, article]));
  const byRule = new Map<string, { rule: Bilingual; citation: OpenViolation['citation']; clauseIds: Set<string> }>();
  for (const finding of findings) {
    if (finding.severity !== 'violation') continue;
    const entry = byRule.get(finding.ruleId) ?? {
      rule: ruleTitle.get(finding.ruleId) ?? finding.message,
      citation: finding.citation,
      clauseIds: new Set<string>(),
    };
    for (const clauseId of finding.clauseIds ?? (finding.clauseId ? [finding.clauseId] : [])) entry.clauseIds.add(clauseId);
    byRule.set(finding.ruleId, entry);
  }
  return [...byRule.values()].map((entry) => ({
    rule: entry.rule,
    citation: entry.citation,
    articles: articles
      .filter((article) => entry.clauseIds.has(article.clauseId) && articleOf.has(article.clauseId))
      .map((article) => ({ number: article.number, title: article.title })),
  }));
}

/**
 * The standing of a draft: its articles' negotiation and the compliance check's violations.
 * `suggestedIn` holds the articles with pending suggestions.
 */
export function negotiationStanding(
  blocks: readonly TopLevelBlock[],
  statuses: readonly ArticleNegotiation[],
  findings: readonly Finding[],
  rules: readonly Pick<RuleDefinition, 'id' | 'what'>[],
  suggestedIn: ReadonlySet<string>,
): NegotiationStanding {
  const articles = articleStandings(blocks, statuses, suggestedIn);
  return { articles, violations: openViolations(findings, rules, articles) };
}

/** Whether the draft may go to the vote, and what is still open, given the articles the union left out. */
export function voteReadiness(standing: NegotiationStanding, leftOut: readonly LeftOutArticle[]): VoteReadiness {
  const leftOutOf = new Map(leftOut.map((article) => [article.clauseId, article]));
  const notAgreed = standing.articles
    .filter((article) => article.status !== 'agreed')
    .map((article) => ({ ...article, leftOut: leftOutOf.get(article.clauseId) ?? null }));
  return {
    articleCount: standing.articles.length,
    agreedCount: standing.articles.length - notAgreed.length,
    notAgreed,
    blocking: notAgreed.filter((article) => article.leftOut === null).map(({ clauseId, number, title, status }) => ({ clauseId, number, title, status })),
    violations: standing.violations,
  };
}

/** The articles not agreed as the vote's record keeps them. */
export function notAgreedRecord(readiness: VoteReadiness): NotAgreedArticle[] {
  return readiness.notAgreed.map((article) => ({
    clauseId: article.clauseId,
    number: article.number,
    title: article.title,
    status: article.status === 'disputed' ? 'disputed' : 'open',
    leftOut: article.leftOut !== null,
  }));
}

/** "Điều 3 (Tiền lương), Điều 4 (Thưởng Tết)" / "Art. 3 (Wages), ...", the first ten and how many more. */
export function articleList(articles: readonly Pick<ArticleStanding, 'number' | 'title'>[]): Bilingual {
  const shown = articles.slice(0, 10);
  const more = articles.length - shown.length;
  const name = (prefix: string) => shown.map((article) => `${prefix} ${article.number}${article.title ? ` (${article.title})` : ''}`).join(', ');
  return { vi: `${name('Điều')}${more > 0 ? ` và ${more} điều khác` : ''}`, en: `${name('Art.')}${more > 0 ? ` and ${more} more` : ''}` };
}
