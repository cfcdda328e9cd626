import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Side } from '#shared/sides';
import { LibraryPanel } from '../library/LibraryPanel';
import { Outline } from '../editor/Outline';
import { editVariableEvent, type DocumentVariables } from '../variables/documentVariables';
import { VariablesPanel, type VariableFocus } from '../variables/VariablesPanel';
import type { OpenEditor } from './useDocumentEditor';

const tabs = ['outline', 'variables', 'library'] as const;
type Tab = (typeof tabs)[number];

/** The left pane of the editor: the outline, the document's variables, the clause library. */
export function SidePanel({ open, variables, kind, readOnly, side, client }: { open: OpenEditor; variables: DocumentVariables; kind: DocumentKind | null; readOnly: boolean; side: Side; client: ApiClient }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('outline');
  const [focus, setFocus] = useState<VariableFocus | null>(null);
  useEffect(() => {
    // A click on a variable chip opens the variables tab on that variable.
    const onEdit = (event: Event) => {
      setTab('variables');
      setFocus((previous) => ({ id: (event as CustomEvent<string>).detail, request: (previous?.request ?? 0) + 1 }));
    };
    window.addEventListener(editVariableEvent, onEdit);
    return () => window.removeEventListener(editVariableEvent, onEdit);
  }, []);
  return (
    <aside className="side-pane">
      <div className="tabs" role="tablist" aria-label={t('sidePanel.label')}>
        {tabs.map((value) => (
          <button key={value} type="button" role="tab" aria-selected={tab === value} className={tab === value ? 'active' : undefined} onClick={() => setTab(value)}>
            {t(`sidePanel.${value}`)}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'outline' && <Outline editor={open.editor} changes={open.changes} />}
        {tab === 'variables' && <VariablesPanel editor={open.editor} changes={open.changes} variables={variables} readOnly={readOnly} focus={focus} />}
        {tab === 'library' && (kind ? <LibraryPanel editor={open.editor} kind={kind} variables={variables} readOnly={readOnly} side={side} client={client} /> : <p>{ t('common.loading') }</p>)}
      </div>
    </aside>
  );
}
