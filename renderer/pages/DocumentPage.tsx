import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentLanguage, variablesMap } from '#shared/document/yjsContent';
import type { DocumentKind } from '#shared/documents/kinds';
import { isKeptAsDraft } from '#shared/negotiation/keptAsDraft';
import { isReadOnlySide, sides, type Side } from '#shared/sides';
import { hostClient, participantClient } from '../api/apiClients';
import { AppHeader } from '../components/AppHeader';
import { InvitePanel } from '../components/InvitePanel';
import { SideBadge } from '../components/SideBadge';
import { ConnectionStatus } from '../document/ConnectionStatus';
import { PresenceList } from '../document/PresenceList';
import { exposeForTests } from '../document/testHook';
import { useCollaboration, useCollaborationStatus } from '../document/useCollaboration';
import { useDocumentEditor } from '../document/useDocumentEditor';
import { AgreedArticlesContext } from '../editor/agreedArticles';
import { SuggestingModeContext } from '../editor/suggestingMode';
import { DocumentEditorView } from '../editor/DocumentEditorView';
import { usePresence } from '../editor/presence';
import { useSession, type Membership } from '../session/session';
import { SidePanel } from '../document/SidePanel';
import { useVariableLookup, VariablesContext, type DocumentVariables } from '../variables/documentVariables';
import { NegotiationContext, requestDrafts } from '../negotiation/negotiationStore';
import { useNegotiationStore } from '../negotiation/useNegotiationStore';
import { PhraseThreadCard } from '../negotiation/PhraseThreadCard';
import { ExportDialog } from '../export/ExportDialog';
import { DocumentChecksContext, useDocumentChecks, useLifecycleOf } from '../lifecycle/documentChecks';
import { LifecycleStatus } from '../lifecycle/LifecycleStatus';

/** Whom the host, seated on one side, most likely invites next: the other side at the table. */
function otherSide(side: Side): Side {
  return side === 'employer' ? 'union' : 'employer';
}

function Workspace({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const collaboration = useCollaboration(membership, setRefusal);
  // Only what this page shows: it must not re-render on every keystroke's pending/stored change.
  const contentReady = useCollaborationStatus(collaboration, (status) => status.contentReady);
  const isRefused = useCollaborationStatus(collaboration, (status) => status.connection === 'refused');
  const [resynced, setResynced] = useState(false);
  const onDesync = useCallback(() => setResynced(true), []);
  const open = useDocumentEditor(collaboration, membership, contentReady, onDesync);
  const readOnly = isReadOnlySide(membership.side);
  const [inviting, setInviting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const client = useMemo(() => participantClient(membership.token), [membership.token]);
  // The host (server mode's host link, or the desktop app) invites every side from here, as on the
  // start page; a participant invites people of their own side (the server refuses any other).
  const hostToken = useSession().hostToken;
  const host = useMemo(() => hostClient(hostToken), [hostToken]);
  const [kind, setKind] = useState<DocumentKind | null>(null);
  useEffect(() => {
    void client.call('documents/get', { documentId: membership.documentId }).then(
      (document) => setKind(document.kind),
      () => setKind(null),
    );
  }, [client, membership.documentId]);
  const negotiation = useNegotiationStore(collaboration, contentReady, client, membership.documentId);
  const lookup = useVariableLookup(client, membership.documentId);
  const variables = useMemo<DocumentVariables | null>(
    () => (collaboration && contentReady ? { values: variablesMap(collaboration.doc), language: documentLanguage(collaboration.doc), lookup } : null),
    [collaboration, contentReady, lookup],
  );
  // The lifecycle (a text put to the vote, signed or issued is frozen) and the live compliance check.
  const checks = useDocumentChecks(collaboration, client, membership.documentId, variables, kind);
  const isTextFrozen = useLifecycleOf(checks)?.frozen ?? false;

  useEffect(() => {
    // Vite writes the mode in as a constant: the production build drops this and the hook's module.
    if (import.meta.env.MODE !== 'test' || !collaboration) return;
    return exposeForTests(collaboration);
  }, [collaboration]);

  return (
    <>
      <AppHeader>
        <h1 className="document-title">{membership.documentTitle}</h1>
        <SideBadge side={membership.side} />
        {readOnly && <span className="read-only-note">{t('document.readOnly')}</span>}
        <ConnectionStatus collaboration={collaboration} />
        {collaboration && <Presence collaboration={collaboration} selfId={membership.participantId} />}
        {(host || !readOnly) && (
          <button type="button" aria-expanded={inviting} onClick={() => setInviting(!inviting)}>
            {host ? t('document.inviteAnySide') : t('document.invite')}
          </button>
        )}
        <button type="button" onClick={() => setExporting(true)} disabled={!variables}>
          {t('exportDialog.open')}
        </button>
      </AppHeader>
      {inviting &&
        (host ? (
          <InvitePanel client={host} documentId={membership.documentId} allowedSides={sides} initialSide={otherSide(membership.side)} />
        ) : (
          <InvitePanel client={client} documentId={membership.documentId} allowedSides={[membership.side]} />
        ))}
      {exporting && variables && (
        <ExportDialog
          token={membership.token}
          documentId={membership.documentId}
          documentLanguage={variables.language}
          mayTrackChanges={membership.side !== 'reviewer' && !isTextFrozen}
          onClose={() => setExporting(false)}
        />
      )}
      {refusal && isKeptAsDraft(refusal) && (
        <p className="notice" role="alert" data-testid="kept-as-draft">
          {t('negotiation.drafts.refused')}{' '}
          <button type="button" onClick={requestDrafts}>
            {t('negotiation.drafts.show')}
          </button>
        </p>
      )}
      {refusal && !isKeptAsDraft(refusal) && (
        <p className="notice" role="alert">
          {t('document.writeRefused')}
        </p>
      )}
      {resynced && (
        <p className="notice" role="status">
          {t('document.resynced')}
        </p>
      )}
      <DocumentChecksContext.Provider value={checks}>
        <LifecycleStatus />
      </DocumentChecksContext.Provider>
      <div className="workspace">
        {open && variables ? (
          <VariablesContext.Provider value={variables}>
            <NegotiationContext.Provider value={negotiation}>
              <DocumentChecksContext.Provider value={checks}>
                <AgreedArticlesContext.Provider value={open.agreed}>
                  <SuggestingModeContext.Provider value={open.suggesting}>
                    <SidePanel open={open} variables={variables} kind={kind} readOnly={readOnly || isTextFrozen} membership={membership} client={client} />
                    <main className="editor-pane">
                      <DocumentEditorView
                        editor={open.editor}
                        numbering={open.numbering}
                        opening={open.opening}
                        changes={open.changes}
                        readOnly={readOnly || isTextFrozen}
                      />
                      <PhraseThreadCard client={client} membership={membership} />
                    </main>
                  </SuggestingModeContext.Provider>
                </AgreedArticlesContext.Provider>
              </DocumentChecksContext.Provider>
            </NegotiationContext.Provider>
          </VariablesContext.Provider>
        ) : (
          <main className="editor-pane loading" aria-busy="true">
            {isRefused ? t('document.refused') : t('document.loading')}
          </main>
        )}
      </div>
    </>
  );
}

function Presence({ collaboration, selfId }: { collaboration: NonNullable<ReturnType<typeof useCollaboration>>; selfId: string }) {
  const present = usePresence(collaboration.provider.awareness);
  return <PresenceList present={present} selfId={selfId} />;
}

/** A document as its participant sees it; a friendly stop when this device has not joined it. */
export function DocumentPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const membership = session.memberships.find((m) => m.documentId === documentId);
  if (!membership) {
    return (
      <>
        <AppHeader />
        <main className="page narrow">
          <h1>{t('document.notJoinedTitle')}</h1>
          <p>{t('document.notJoined')}</p>
          <a href="#/">{t('document.backHome')}</a>
        </main>
      </>
    );
  }
  return <Workspace key={membership.token} membership={membership} />;
}
