import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call, messageOf, type SyncRun } from '../api/client';
import { followRun, type RunProgress } from '../api/run-events';
import { keys } from '../tenant-queries';
import { Counters } from './Counters';

const LABEL: Record<SyncRun['status'], string> = { queued: 'Queued', running: 'Running', needs_confirmation: 'Held for your confirmation', succeeded: 'Finished', failed: 'Failed' };

/** A run's live window: counters from the server-sent events, a progress bar, and Confirm for a held run. */
export function RunWindow({ tenantId, run, estimatedTotal }: { tenantId: string; run: SyncRun; estimatedTotal?: number }) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<RunProgress>({ runId: run.runId, status: run.status, counters: run.counters });
  const [lost, setLost] = useState(false);
  const [stream, setStream] = useState(0);
  const direction = run.direction;

  useEffect(
    () =>
      followRun(direction, tenantId, run.runId, (next) => {
        setProgress(next);
        if (next.status === 'succeeded' || next.status === 'failed' || next.status === 'needs_confirmation') {
          void client.invalidateQueries({ queryKey: keys.runs(tenantId) });
          void client.invalidateQueries({ queryKey: keys.status(tenantId) });
        }
      }, () => setLost(true)),
    // A confirmed run streams again (`stream` bumps).
    [direction, tenantId, run.runId, stream, client],
  );

  const held = progress.status === 'needs_confirmation';
  const details = useQuery({ queryKey: ['run', run.runId, progress.status], queryFn: () => call(api.GET('/admin/tenants/{tenantId}/runs/{runId}', { params: { path: { tenantId, runId: run.runId } } })), enabled: held || progress.status === 'failed' });
  const confirm = useMutation({
    mutationFn: () =>
      direction === 'import'
        ? call(api.POST('/admin/tenants/{tenantId}/imports/{runId}/confirm', { params: { path: { tenantId, runId: run.runId } } }))
        : call(api.POST('/admin/tenants/{tenantId}/exports/{runId}/confirm', { params: { path: { tenantId, runId: run.runId } } })),
    onSuccess: (confirmed) => {
      setProgress({ runId: confirmed.runId, status: confirmed.status, counters: confirmed.counters });
      setStream((count) => count + 1);
    },
  });

  const { total } = progress.counters;
  const max = estimatedTotal && estimatedTotal > total && progress.status === 'running' ? estimatedTotal : undefined;
  const kind = `${run.dryRun ? 'Preview of an ' : ''}${direction === 'import' ? `${run.mode ?? ''} import` : 'export backfill'}`.trim();

  return (
    <section className="card run" aria-labelledby="run-title" aria-live="polite" data-testid="run-window" data-status={progress.status}>
      <h2 id="run-title">
        {kind.charAt(0).toUpperCase() + kind.slice(1)}: <span data-testid="run-status">{LABEL[progress.status]}</span>
      </h2>
      {progress.status === 'running' || progress.status === 'queued' ? (
        <progress aria-label="Run progress" {...(max ? { value: total, max } : {})} />
      ) : (
        <progress aria-label="Run progress" value={1} max={1} />
      )}
      <Counters counters={progress.counters} />
      {run.dryRun && progress.status === 'succeeded' && <p className="hint">A preview: nothing was written. The history shows what a real run would do for each person.</p>}
      {progress.status === 'failed' && <p className="error" role="alert">{details.data?.error?.message ?? progress.errorCode ?? 'The run failed.'} Retry it from the sync history.</p>}
      {lost && <p className="error" role="alert">Live updates stopped (your sign-in may have expired). The history has this run's outcome.</p>}
      {held && details.data?.hold && (
        <div className="warning">
          <p>
            This run would change {details.data.hold.planned} of {details.data.hold.population} employees, more than {details.data.hold.maxPercent}%: it waits for you. Check the history for what it plans, then confirm.
          </p>
          {confirm.isError && <p className="error" role="alert">{messageOf(confirm.error)}</p>}
          <button type="button" className="primary" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
            Confirm
          </button>
        </div>
      )}
    </section>
  );
}
