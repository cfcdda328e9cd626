import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '#shared/api/client';
import type { VerifyReport, VersionMeta } from '#shared/api/versions';

/** How often the timeline is read again while it is open (others make versions too). */
const refreshMs = 20_000;

export interface HistoryState {
  versions: VersionMeta[] | null;
  lastVisitAt: string | null;
  verify: VerifyReport | null;
  error: unknown;
  refresh: () => Promise<void>;
  runVerify: () => Promise<void>;
}

/** The timeline of a document, kept fresh while shown, and the verification of its signed versions. */
export function useHistory(client: ApiClient, documentId: string, namedOnly: boolean): HistoryState {
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [lastVisitAt, setLastVisitAt] = useState<string | null>(null);
  const [verify, setVerify] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await client.call('versions/list', { documentId, namedOnly });
      setVersions(list.versions);
      setLastVisitAt(list.lastVisitAt);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [client, documentId, namedOnly]);

  const runVerify = useCallback(async () => {
    try {
      setVerify(await client.call('versions/verify', { documentId }));
    } catch (caught) {
      setError(caught);
    }
  }, [client, documentId]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [refresh]);

  // Signed versions are checked once when the history opens: a tampered one must stand out at once.
  const hasSigned = versions?.some((version) => version.kind === 'signed') ?? false;
  useEffect(() => {
    if (hasSigned) void runVerify();
  }, [hasSigned, runVerify]);

  return { versions, lastVisitAt, verify, error, refresh, runVerify };
}
