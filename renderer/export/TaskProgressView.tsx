import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskProgress } from './useLongTask';

/** The step under way, a progress bar (moving while the server works), the time spent, and Cancel. */
export function TaskProgressView({ progress, onCancel }: { progress: TaskProgress; onCancel: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - progress.startedAt) / 1000));
  return (
    <div className="task-progress" role="status" aria-live="polite" data-testid="task-progress">
      <span>{t(progress.phase)}</span>
      {progress.fraction === null ? <progress aria-label={t(progress.phase)} /> : <progress aria-label={t(progress.phase)} max={1} value={progress.fraction} />}
      <span className="hint">{t('exportDialog.elapsed', { seconds })}</span>
      <button type="button" onClick={onCancel}>
        {t('exportDialog.cancel')}
      </button>
    </div>
  );
}
