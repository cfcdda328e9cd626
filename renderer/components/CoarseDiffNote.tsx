import { useTranslation } from 'react-i18next';
import type { DiffGranularity } from '#shared/document/wordDiff';

/** Under a redline compared more coarsely than word by word (the change was too large): how, and why. */
export function CoarseDiffNote({ granularity }: { granularity: DiffGranularity }) {
  const { t } = useTranslation();
  if (granularity === 'word') return null;
  return (
    <p className="hint" data-testid="coarse-diff-note" data-granularity={granularity}>
      {t(`redline.${granularity}`)}
    </p>
  );
}
