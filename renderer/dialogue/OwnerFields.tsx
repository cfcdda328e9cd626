import { useTranslation } from 'react-i18next';
import type { Owner } from '#shared/dialogue/model';

/** Who owes an answer or a commitment (`label` says which): a person, or a department at province scale. */
export function OwnerFields({ owner, onChange, label }: { owner: Owner; onChange: (owner: Owner) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <select aria-label={label} value={owner.kind} onChange={(event) => onChange({ ...owner, kind: event.target.value as Owner['kind'] })}>
        <option value="person">{t('dialogue.submissions.ownerKind.person')}</option>
        <option value="department">{t('dialogue.submissions.ownerKind.department')}</option>
      </select>
      <input aria-label={label} placeholder={label} value={owner.name} onChange={(event) => onChange({ ...owner, name: event.target.value })} required />
    </>
  );
}
