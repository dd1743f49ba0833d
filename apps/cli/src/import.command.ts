import { SingleBar, Presets } from 'cli-progress';
import { Page, SyncRunView } from '@icims-sync/contracts';
import { AdminApi } from './admin-api';
import { CliError } from './cli-error';

export interface ImportOptions {
  full?: boolean;
  dryRun?: boolean;
  json?: boolean;
  /** How often the run is read back while it goes on. */
  intervalMs?: number;
}

const ENDED = new Set(['succeeded', 'failed', 'needs_confirmation']);

/**
 * Presses Import and follows the run to its end: a progress bar over the people done
 * (against the last full import's total, the best estimate there is), the counters, and
 * the final run. A failed or held run exits non-zero.
 */
export async function runImport(api: AdminApi, tenantId: string, options: ImportOptions, out: NodeJS.WriteStream = process.stdout): Promise<SyncRunView> {
  const base = `/admin/tenants/${encodeURIComponent(tenantId)}`;
  const estimate = await lastFullImportTotal(api, base);
  let run = await api.call<SyncRunView>('POST', `${base}/imports`, { mode: options.full ? 'full' : 'incremental', dryRun: options.dryRun === true });
  const bar = options.json ? undefined : new SingleBar({ format: `${options.dryRun ? 'dry run' : 'import'} {runId} [{bar}] {value}/{total} | added {added} updated {updated} deleted {deleted} skipped {skipped} errored {errored} | {status}`, stream: out, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic);
  bar?.start(Math.max(estimate, 1), 0, payloadOf(run));
  while (!ENDED.has(run.status)) {
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
    run = await api.call<SyncRunView>('GET', `${base}/imports/${run.runId}`);
    if (bar && run.counters.total > bar.getTotal()) bar.setTotal(run.counters.total);
    bar?.update(run.counters.total, payloadOf(run));
  }
  if (bar) {
    bar.setTotal(Math.max(run.counters.total, 1));
    bar.update(run.counters.total, payloadOf(run));
    bar.stop();
  }
  out.write(options.json ? `${JSON.stringify(run)}\n` : `${summaryOf(run)}\n`);
  if (run.status === 'failed') throw new CliError(`import ${run.runId} failed: ${run.error?.code ?? 'UNKNOWN'}: ${run.error?.message ?? ''}`.trim());
  if (run.status === 'needs_confirmation') throw new CliError(`import ${run.runId} is held by the mass-change guard (${run.hold?.planned} of ${run.hold?.population} employees): confirm it in the settings page or POST ${base}/imports/${run.runId}/confirm`);
  return run;
}

async function lastFullImportTotal(api: AdminApi, base: string): Promise<number> {
  const runs = await api.call<Page<SyncRunView>>('GET', `${base}/runs?direction=import&trigger=manual&status=succeeded&limit=20`);
  return runs.items.find((run) => run.mode === 'full' && !run.dryRun)?.counters.total ?? 0;
}

function payloadOf(run: SyncRunView): Record<string, string | number> {
  return { runId: run.runId, status: run.status, ...run.counters };
}

function summaryOf(run: SyncRunView): string {
  const { added, updated, deleted, skipped, errored, total } = run.counters;
  return `${run.dryRun ? 'dry run' : 'import'} ${run.runId} ${run.status}: added ${added}, updated ${updated}, deleted ${deleted}, skipped ${skipped}, errored ${errored}, total ${total}${run.icimsRequests !== undefined ? ` (${run.icimsRequests} iCIMS requests)` : ''}`;
}
