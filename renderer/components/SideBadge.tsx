import { useTranslation } from 'react-i18next';
import type { Side } from '#shared/sides';

/** The side a person speaks for, in that side's colour. */
export function SideBadge({ side }: { side: Side }) {
  const { t } = useTranslation();
  return <span className={`side-badge side-${side}`}>{t(`side.${side}`)}</span>;
}
