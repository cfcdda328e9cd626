import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '#shared/api/client';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Collaboration } from '../collab/collaboration';
import { ComplianceStore, type ComplianceSnapshot } from '../compliance/complianceStore';
import type { DocumentVariables } from '../variables/documentVariables';
import { LifecycleStore, type LifecycleSnapshot } from './lifecycleStore';

/** What the open document is checked against: its lifecycle and review (from the API) and the live compliance check. */
export interface DocumentChecks {
  lifecycle: LifecycleStore;
  compliance: ComplianceStore | null;
}

export const DocumentChecksContext = createContext<DocumentChecks | null>(null);

/** The lifecycle store of a document, refreshed on the server's notices and when the window gets focus. */
function useLifecycleStore(collaboration: Collaboration | null, client: ApiClient, documentId: string): LifecycleStore {
  const store = useMemo(() => new LifecycleStore(client, documentId), [client, documentId]);
  useEffect(() => {
    const onFocus = () => void store.refresh();
    window.addEventListener('focus', onFocus);
    const offNotice = collaboration?.onNotice((topic) => {
      if (topic === 'lifecycle' || topic === 'review') void store.refresh();
    });
    return () => {
      window.removeEventListener('focus', onFocus);
      offNotice?.();
    };
  }, [collaboration, store]);
  return store;
}

/** The checks of the open document: the lifecycle at once, the compliance check once its content and its kind are there. */
export function useDocumentChecks(
  collaboration: Collaboration | null,
  client: ApiClient,
  documentId: string,
  variables: DocumentVariables | null,
  kind: DocumentKind | null,
): DocumentChecks {
  const lifecycle = useLifecycleStore(collaboration, client, documentId);
  const [compliance, setCompliance] = useState<ComplianceStore | null>(null);
  useEffect(() => {
    if (!collaboration || !variables || !kind) return;
    const created = new ComplianceStore(collaboration.doc, variables, kind);
    const follow = () => {
      const view = lifecycle.getSnapshot().lifecycle;
      if (view) created.setLifecycle(view.current, view.today);
    };
    follow();
    const unsubscribe = lifecycle.subscribe(follow);
    setCompliance(created);
    return () => {
      unsubscribe();
      created.destroy();
      setCompliance(null);
    };
  }, [collaboration, variables, kind, lifecycle]);
  // One value while neither changes: every article's markers read this context.
  return useMemo(() => ({ lifecycle, compliance }), [lifecycle, compliance]);
}

const noSnapshot: LifecycleSnapshot = { lifecycle: null, review: null };

/** The lifecycle and review of the open document. */
export function useLifecycleSnapshot(): LifecycleSnapshot {
  const checks = useContext(DocumentChecksContext);
  const store = checks?.lifecycle;
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store]);
  return useSyncExternalStore(subscribe, () => store?.getSnapshot() ?? noSnapshot);
}

/** The live compliance check of the open document, once it has run. */
export function useComplianceSnapshot(): ComplianceSnapshot | null {
  const checks = useContext(DocumentChecksContext);
  const store = checks?.compliance ?? null;
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store]);
  return useSyncExternalStore(subscribe, () => store?.getSnapshot() ?? null);
}

/**
 * What an article's markers show, as a primitive so that only the articles that change re-render:
 * "violations|findings" (the reviewer's findings of the latest round reviewed).
 */
export function useArticleMarks(clauseId: string): string {
  const checks = useContext(DocumentChecksContext);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = [checks?.lifecycle.subscribe(listener), checks?.compliance?.subscribe(listener)];
      return () => offs.forEach((off) => off?.());
    },
    [checks],
  );
  return useSyncExternalStore(subscribe, () => {
    const violations = checks?.compliance?.getSnapshot().violationsByArticle.get(clauseId) ?? 0;
    const review = checks?.lifecycle.getSnapshot().review;
    const round = review ? reviewedRound(review) : null;
    const findings = review && round !== null ? review.findings.filter((finding) => finding.clauseId === clauseId && finding.round === round).length : 0;
    return `${violations}|${findings}`;
  });
}

/** The round whose findings the document shows: the latest one decided, else the latest with findings. */
export function reviewedRound(review: NonNullable<LifecycleSnapshot['review']>): number | null {
  const latestFinding = review.findings.reduce<number | null>((latest, finding) => (latest === null || finding.round > latest ? finding.round : latest), null);
  const decided = review.decision?.round ?? null;
  if (decided === null) return latestFinding;
  return latestFinding === null ? decided : Math.max(decided, latestFinding);
}

export const showComplianceEvent = 'thoa-uoc:show-compliance';
export const showReviewEvent = 'thoa-uoc:show-review';

/** Opens a side-panel tab on an article (the markers in the margin do this when clicked). */
export function requestSidePanelTab(event: typeof showComplianceEvent | typeof showReviewEvent, clauseId: string): void {
  window.dispatchEvent(new CustomEvent(event, { detail: clauseId }));
}

/** The lifecycle of a document's checks, outside their context (the page that provides it). */
export function useLifecycleOf(checks: DocumentChecks): LifecycleSnapshot['lifecycle'] {
  return useSyncExternalStore(checks.lifecycle.subscribe, () => checks.lifecycle.getSnapshot().lifecycle);
}
