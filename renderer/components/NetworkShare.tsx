import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { NetworkStatus } from '#shared/api/network';
import { serverUrl } from '../api/apiClients';
import { ErrorNotice } from './ErrorNotice';
import { useAttemptError } from './useAttemptError';

/**
 * Where invitation links point: an address others can reach. While the server listens on this
 * machine only, the host may share it on one of the machine's office-network addresses.
 */
export function useShareUrl(client: ApiClient): { shareUrl: string; status: NetworkStatus | null; setStatus: (status: NetworkStatus) => void } {
  const [status, setStatus] = useState<NetworkStatus | null>(null);
  useEffect(() => {
    void client.call('network/status', {}).then(setStatus, () => setStatus(null));
  }, [client]);
  return { shareUrl: status?.shareUrls[0] ?? serverUrl(), status, setStatus };
}

export function NetworkShareControl({ client, status, onShared }: { client: ApiClient; status: NetworkStatus; onShared: (status: NetworkStatus) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(status.addresses[0] ?? '');
  const [error, setError] = useAttemptError(address);
  if (status.shareUrls.length > 0 || status.addresses.length === 0) return null;
  return (
    <div className="network-share" role="group" aria-label={t('network.label')}>
      <p className="hint">{t('network.thisMachineOnly')}</p>
      <div className="row">
        <select value={address} onChange={(event) => setAddress(event.target.value)} aria-label={t('network.address')}>
          {status.addresses.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void client.call('network/share', { address }).then(onShared, setError)}>
          {t('network.share')}
        </button>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}
