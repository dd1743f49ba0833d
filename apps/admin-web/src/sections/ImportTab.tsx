import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, messageOf, type SyncRun } from '../api/client';
import { RunWindow } from '../run/RunWindow';
import { keys } from '../tenant-queries';

const UNFINISHED = new Set<SyncRun['status']>(['queued', 'running', 'needs_confirmation']);

/** Preview (a dry run) and Import, the export backfill, and the live window of the run under way. */
export function ImportTab({ tenantId, connected }: { tenantId: string; connected: boolean }) {
  const client = useQueryClient();
  const [full, setFull] = useState(false);
  const [started, setStarted] = useState<SyncRun>();
  // After a reload the run under way is found again and its window reopens. Read once (its key
  // is outside the runs' keys): the window follows the run itself from then on.
  const recent = useQuery({
    queryKey: ['recent-runs', tenantId],
    queryFn: () => call(api.GET('/admin/tenants/{tenantId}/runs', { params: { path: { tenantId }, query: { limit: 20 } } })),
    staleTime: Infinity,
  });
  const underWay = recent.data?.items.find((run) => UNFINISHED.has(run.status) && (run.trigger === 'manual' || run.trigger === 'scheduled'));
  const watched = started ?? underWay;
  const lastImportTotal = recent.data?.items.find((run) => run.direction === 'import' && run.status === 'succeeded' && run.mode === 'full' && !run.dryRun)?.counters.total;

  const start = useMutation({
    mutationFn: ({ kind, dryRun }: { kind: 'import' | 'export'; dryRun: boolean }) =>
      kind === 'import'
        ? call(api.POST('/admin/tenants/{tenantId}/imports', { params: { path: { tenantId } }, body: { mode: full ? 'full' : 'incremental', dryRun } }))
        : call(api.POST('/admin/tenants/{tenantId}/exports', { params: { path: { tenantId } }, body: { dryRun } })),
    onSuccess: (run) => {
      setStarted(run);
      void client.invalidateQueries({ queryKey: keys.runs(tenantId) });
    },
  });
  // A second press while a run is under way is refused by the API (IMPORT_RUNNING), and says so.
  const busy = start.isPending;

  return (
    <>
      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">Import from iCIMS</h2>
        {!connected && <p className="warning">Connect iCIMS first (Connection tab).</p>}
        <p className="hint">An import brings people changed in iCIMS since the last successful import into HR; a full import reads every person. Preview plans it and changes nothing.</p>
        <div className="check">
          <input id="full-import" type="checkbox" checked={full} onChange={(event) => setFull(event.target.checked)} />
          <label htmlFor="full-import">Full import (every person, not only the changed ones)</label>
        </div>
        <div className="actions">
          <button type="button" className="secondary" disabled={!connected || busy} onClick={() => start.mutate({ kind: 'import', dryRun: true })}>
            Preview
          </button>
          <button type="button" className="primary" disabled={!connected || busy} onClick={() => start.mutate({ kind: 'import', dryRun: false })}>
            Import
          </button>
        </div>
      </section>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">Export to iCIMS</h2>
        <p className="hint">Employee saves reach iCIMS by themselves. An export backfill sends every linked employee whose iCIMS values differ from HR; preview it first.</p>
        <div className="actions">
          <button type="button" className="secondary" disabled={!connected || busy} onClick={() => start.mutate({ kind: 'export', dryRun: true })}>
            Preview export
          </button>
          <button type="button" className="secondary" disabled={!connected || busy} onClick={() => start.mutate({ kind: 'export', dryRun: false })}>
            Export all
          </button>
        </div>
      </section>
      {start.isError && <p className="error" role="alert">{messageOf(start.error)}</p>}
      {watched && <RunWindow key={watched.runId} tenantId={tenantId} run={watched} estimatedTotal={watched.direction === 'import' ? lastImportTotal : undefined} />}
    </>
  );
}
