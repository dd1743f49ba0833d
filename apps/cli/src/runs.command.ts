import { Page, SyncRecordView, SyncRunView } from '@icims-sync/contracts';
import { AdminApi } from './admin-api';

/** A tenant's sync history, newest first: one line a run, or JSON. */
export async function listRuns(api: AdminApi, tenantId: string, options: { direction?: string; limit?: string; json?: boolean }, out: NodeJS.WriteStream = process.stdout): Promise<void> {
  const query = new URLSearchParams({ limit: options.limit ?? '20', ...(options.direction ? { direction: options.direction } : {}) });
  const page = await api.call<Page<SyncRunView>>('GET', `/admin/tenants/${encodeURIComponent(tenantId)}/runs?${query}`);
  if (options.json) return void out.write(`${JSON.stringify(page)}\n`);
  for (const run of page.items) {
    const { added, updated, deleted, skipped, errored, total } = run.counters;
    out.write(`${run.startedAt}  ${run.runId}  ${run.direction.padEnd(6)} ${run.trigger.padEnd(11)} ${run.status.padEnd(18)} +${added} ~${updated} -${deleted} =${skipped} !${errored} (${total})${run.dryRun ? ' dry run' : ''}${run.error ? ` ${run.error.code}` : ''}\n`);
  }
}

/** One run, and with `records` its per-person outcomes. */
export async function showRun(api: AdminApi, tenantId: string, runId: string, options: { records?: boolean; json?: boolean }, out: NodeJS.WriteStream = process.stdout): Promise<void> {
  const base = `/admin/tenants/${encodeURIComponent(tenantId)}/runs/${encodeURIComponent(runId)}`;
  const run = await api.call<SyncRunView>('GET', base);
  const records = options.records ? (await api.call<Page<SyncRecordView>>('GET', `${base}/records?limit=500`)).items : undefined;
  if (options.json) return void out.write(`${JSON.stringify({ ...run, ...(records ? { records } : {}) })}\n`);
  out.write(`${JSON.stringify(run, null, 2)}\n`);
  for (const record of records ?? []) {
    out.write(`${record.icimsId ?? '-'}\t${record.employeeId ?? '-'}\t${record.outcome}\t${record.reason ?? ''}\t${record.changedFields.join(',')}\t${[...record.details, ...record.warnings].join(' ')}\n`);
  }
}
