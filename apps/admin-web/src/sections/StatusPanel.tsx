import { messageOf, type Settings } from '../api/client';
import { CONNECT_ADVICE, when } from '../format';
import { useSyncStatus } from '../tenant-queries';

/** Status at a glance: the badge, the last successful syncs, the next automatic import and today's iCIMS budget. */
export function StatusPanel({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const status = useSyncStatus(tenantId, true);
  const badge = badgeOf(settings);
  return (
    <section className="card status" aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <p>
        <span className={`badge ${badge.tone}`} data-testid="status-badge">
          {badge.label}
        </span>{' '}
        {badge.detail}
      </p>
      {badge.todo && <p className="hint">{badge.todo}</p>}
      {status.isError && <p className="error" role="alert">{messageOf(status.error)}</p>}
      {status.data && (
        <dl className="facts">
          <div>
            <dt>Last successful import</dt>
            <dd>{when(status.data.lastSucceeded.import)}</dd>
          </div>
          <div>
            <dt>Last successful export</dt>
            <dd>{when(status.data.lastSucceeded.export)}</dd>
          </div>
          <div>
            <dt>Next automatic import</dt>
            <dd data-testid="next-import">{status.data.automaticImport.enabled ? `${status.data.automaticImport.nextLocal} (${status.data.automaticImport.timeZone})` : 'off'}</dd>
          </div>
          <div>
            <dt>iCIMS requests today</dt>
            <dd>
              <meter min={0} max={status.data.icimsBudget.dailyLimit} value={status.data.icimsBudget.used} aria-label="iCIMS requests used today" />{' '}
              {count(status.data.icimsBudget.used)} of {count(status.data.icimsBudget.dailyLimit)} used; {count(status.data.icimsBudget.leftForAutomatic)} left for automatic sync, {count(status.data.icimsBudget.leftForManual)} for manual imports ({count(status.data.icimsBudget.manualReserve)} kept for them)
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

const count = (value: number) => value.toLocaleString();

function badgeOf(settings: Settings): { label: string; tone: 'good' | 'bad' | 'paused' | 'idle'; detail?: string; todo?: string } {
  const { connection, automaticSync } = settings;
  if (connection.state === 'error') return { label: 'Error', tone: 'bad', detail: connection.message, todo: CONNECT_ADVICE[connection.reason ?? ''] };
  if (connection.state === 'owner_invalid') return { label: 'Paused', tone: 'paused', detail: connection.message ?? settings.owner?.message, todo: 'Choose another owner under Connection: automatic sync runs on behalf of an active HR admin.' };
  if (connection.state === 'not_connected') return { label: 'Not connected', tone: 'idle', todo: 'Accept the privacy policy, fill the iCIMS credentials and press Connect.' };
  if (automaticSync.pausedReason === 'toggled_off') return { label: 'Connected', tone: 'good', detail: 'Automatic import and export are both off: only manual imports run.' };
  if (automaticSync.pausedReason) return { label: 'Paused', tone: 'paused', detail: automaticSync.message };
  return { label: 'Connected', tone: 'good', detail: connection.checkedAt ? `checked ${when(connection.checkedAt)}` : undefined };
}
