import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, messageOf, type Schemas } from '../api/client';
import { duration, when } from '../format';
import { Select } from '../Select';
import { keys } from '../tenant-queries';
import { Counters } from './Counters';

type Outcome = Schemas['SyncRecordResponse']['outcome'];

/** One run: what it did, its per-person records (names and codes, never values), and Retry when it failed. */
export function RunDetail({ tenantId, runId, onBack }: { tenantId: string; runId: string; onBack: () => void }) {
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const path = { tenantId, runId };
  const run = useQuery({ queryKey: ['run', runId], queryFn: () => call(api.GET('/admin/tenants/{tenantId}/runs/{runId}', { params: { path } })) });
  const records = useQuery({
    queryKey: ['records', runId, outcome, cursor],
    queryFn: () => call(api.GET('/admin/tenants/{tenantId}/runs/{runId}/records', { params: { path, query: { limit: 50, ...(outcome ? { outcome } : {}), ...(cursor ? { cursor } : {}) } } })),
  });
  const retry = useMutation({
    mutationFn: () => call(api.POST('/admin/tenants/{tenantId}/runs/{runId}/retry', { params: { path } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.runs(tenantId) }),
  });

  return (
    <section className="card" aria-labelledby="run-detail-title">
      <button type="button" className="link" onClick={onBack}>
        ← Back to the history
      </button>
      <h2 id="run-detail-title">Run {run.data ? `of ${when(run.data.startedAt)}` : ''}</h2>
      {run.isError && <p className="error" role="alert">{messageOf(run.error)}</p>}
      {run.data && (
        <>
          <p>
            {run.data.direction} · {run.data.trigger}
            {run.data.mode ? ` · ${run.data.mode}` : ''}
            {run.data.dryRun ? ' · preview' : ''} · <span data-testid="detail-status">{run.data.status.replace('_', ' ')}</span> · {duration(run.data.startedAt, run.data.finishedAt)}
            {run.data.icimsRequests !== undefined ? ` · ${run.data.icimsRequests} iCIMS requests` : ''}
          </p>
          <Counters counters={run.data.counters} />
          {run.data.error && (
            <p className="error">
              {run.data.error.code}: {run.data.error.message}
            </p>
          )}
          {run.data.status === 'failed' && (run.data.trigger === 'manual' || run.data.trigger === 'scheduled') && (
            <>
              <button type="button" className="primary" onClick={() => retry.mutate()} disabled={retry.isPending || retry.isSuccess}>
                Retry
              </button>
              {retry.isSuccess && <p className="success" role="status">Retrying as a new run; it is at the top of the history.</p>}
              {retry.isError && <p className="error" role="alert">{messageOf(retry.error)}</p>}
            </>
          )}
        </>
      )}
      <h3>Records</h3>
      <div className="filters">
        <Select id="filter-outcome" label="Outcome" value={outcome} options={['added', 'updated', 'deleted', 'skipped', 'errored']} onChange={(value) => { setOutcome((value || undefined) as Outcome | undefined); setCursors([undefined]); }} />
      </div>
      {records.isError && <p className="error" role="alert">{messageOf(records.error)}</p>}
      {records.data && records.data.items.length === 0 && <p>No record.</p>}
      {records.data && records.data.items.length > 0 && (
        <div className="scroll">
          <table data-testid="records-table">
            <thead>
              <tr>
                <th scope="col">iCIMS id</th>
                <th scope="col">Employee</th>
                <th scope="col">Outcome</th>
                <th scope="col">Reason</th>
                <th scope="col">Changed fields</th>
                <th scope="col">Warnings and details</th>
              </tr>
            </thead>
            <tbody>
              {records.data.items.map((record, index) => (
                <tr key={`${record.icimsId ?? record.employeeId}-${index}`}>
                  <td>{record.icimsId ?? '—'}</td>
                  <td>{record.employeeId ?? '—'}</td>
                  <td>{record.outcome}</td>
                  <td>{record.reason ?? ''}</td>
                  <td>{record.changedFields.join(', ')}</td>
                  <td>{[...record.warnings, ...record.details, ...(record.conflicts ?? []).map((conflict) => `${conflict.field}: kept ${conflict.kept === 'hr' ? 'HR' : 'iCIMS'}'s later change`)].join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous records
        </button>
        <button type="button" className="secondary" disabled={!records.data?.nextCursor} onClick={() => setCursors([...cursors, records.data?.nextCursor])}>
          More records
        </button>
      </div>
    </section>
  );
}
