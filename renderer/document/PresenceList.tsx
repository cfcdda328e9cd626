import { useTranslation } from 'react-i18next';
import type { PresentParticipant } from '../editor/presence';

/** Who is in the document now, with their side's colour. */
export function PresenceList({ present, selfId }: { present: PresentParticipant[]; selfId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="presence-list" aria-label={t('presence.label')} data-testid="presence-list">
      {present.map((participant) => (
        <li key={participant.id} className={`presence side-${participant.side}`} title={t(`side.${participant.side}`)}>
          <span className="presence-dot" aria-hidden="true" />
          {participant.name}
          {participant.id === selfId && ` (${t('presence.you')})`}
        </li>
      ))}
    </ul>
  );
}
