import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, messageOf, type Schemas, type SyncRun } from '../api/client';
import { duration, when } from '../format';
import { RunDetail } from '../run/RunDetail';
import { Select } from '../Select';
import { keys } from '../tenant-queries';

type Filters = { direction?: SyncRun['direction']; trigger?: SyncRun['trigger']; status?: SyncRun['status'] };
const PAGE = 20;

/** Runs of both directions, newest first, with filters and paging; a run opens with its records. */
export function History({ tenantId }: { tenantId: string }) {
  const [filters, setFilters] = useState<Filters>({});
  /** Cursors of the pages before this one (Previous), and this page's. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [opened, setOpened] = useState<string>();
  const cursor = cursors[cursors.length - 1];
  const runs = useQuery({
    queryKey: [...keys.runs(tenantId), filters, cursor],
    queryFn: () => call(api.GET('/admin/tenants/{tenantId}/runs', { params: { path: { tenantId }, query: { ...filters, limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
    refetchInterval: 10_000,
  });
  const filter = <K extends keyof Filters>(name: K, value: string) => {
    setFilters({ ...filters, [name]: value || undefined });
    setCursors([undefined]);
  };

  if (opened) return <RunDetail tenantId={tenantId} runId={opened} onBack={() => setOpened(undefined)} />;
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Sync history</h2>
      <div className="filters">
        <Select id="filter-direction" label="Direction" value={filters.direction} options={['import', 'export']} onChange={(value) => filter('direction', value)} />
        <Select id="filter-trigger" label="Trigger" value={filters.trigger} options={['webhook', 'manual', 'scheduled', 'auto-export']} onChange={(value) => filter('trigger', value)} />
        <Select id="filter-status" label="Status" value={filters.status} options={['queued', 'running', 'needs_confirmation', 'succeeded', 'failed']} onChange={(value) => filter('status', value)} />
      </div>
      {runs.isError && <p className="error" role="alert">{messageOf(runs.error)}</p>}
      {runs.isPending && <p role="status">Loading the history…</p>}
      {runs.data && runs.data.items.length === 0 && <p>No run matches.</p>}
      {runs.data && runs.data.items.length > 0 && <RunTable runs={runs.data.items} onOpen={setOpened} />}
      <div className="actions">
        <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <button type="button" className="secondary" disabled={!runs.data?.nextCursor} onClick={() => setCursors([...cursors, runs.data?.nextCursor])}>
          Next page
        </button>
      </div>
    </section>
  );
}

function RunTable({ runs, onOpen }: { runs: Schemas['SyncRunResponse'][]; onOpen: (runId: string) => void }) {
  return (
    <div className="scroll">
      <table data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Direction</th>
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">Added · updated · deleted · skipped · errored · total</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId} data-direction={run.direction} data-trigger={run.trigger}>
              <td>
                <button type="button" className="link" onClick={() => onOpen(run.runId)}>
                  {when(run.startedAt)}
                </button>
              </td>
              <td>{run.direction}</td>
              <td>
                {run.trigger}
                {run.dryRun ? ' (preview)' : ''}
              </td>
              <td>
                <span className={`badge ${run.status === 'failed' ? 'bad' : run.status === 'succeeded' ? 'good' : 'paused'}`}>{run.status.replace('_', ' ')}</span>
              </td>
              <td>{[run.counters.added, run.counters.updated, run.counters.deleted, run.counters.skipped, run.counters.errored, run.counters.total].join(' · ')}</td>
              <td>{duration(run.startedAt, run.finishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
