import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopBackupResult, type DesktopBackupResult } from '#shared/api/backup';
import { formatNumber } from '#shared/format/locale';
import type { DesktopBridge } from '../api/apiClients';
import { useLanguage } from '../i18n/i18n';

/**
 * "Back up…" on the host's start page, in the desktop app only: a copy of the whole database to a
 * file the host chooses in the save dialog. (Server mode's host backs up from the command line.)
 */
export function DesktopBackup({ bridge }: { bridge: DesktopBridge }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<DesktopBackupResult | null>(null);

  const backUp = async (): Promise<void> => {
    setWorking(true);
    setResult(null);
    try {
      const reply = desktopBackupResult.safeParse(
        await bridge.backup({ title: t('backup.dialogTitle'), buttonLabel: t('backup.save'), fileType: t('backup.fileType') }),
      );
      setResult(reply.success ? reply.data : { outcome: 'failed', reason: 'unexpected reply' });
    } catch (error) {
      setResult({ outcome: 'failed', reason: error instanceof Error ? error.message : String(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="desktop-backup">
      <h3>{t('backup.title')}</h3>
      <p className="hint">{t('backup.explain')}</p>
      <button type="button" disabled={working} onClick={() => void backUp()}>
        {working ? t('backup.working') : t('backup.action')}
      </button>
      {result?.outcome === 'saved' && (
        <p role="status">
          {t('backup.saved', {
            file: result.file,
            megabytes: formatNumber(Math.round((result.bytes / 1_048_576) * 10) / 10, language),
            count: result.documents,
          })}
        </p>
      )}
      {result?.outcome === 'failed' && (
        <p className="error-notice" role="alert">
          {t('backup.failed', { reason: result.reason })}
        </p>
      )}
    </div>
  );
}
