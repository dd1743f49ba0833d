import { Counters, PendingOutcome, RecordOutcome, RunFence, SyncRunDocument } from '@icims-sync/sync-ledger';
import { RequestPriority } from '@icims-sync/icims-client';
import { TenantContext } from '@icims-sync/vault-client';

/** What an import run works with, once resolved; shared by its phases. */
export interface ImportRun {
  run: SyncRunDocument;
  /** What this worker's writes to the run carry: a worker that lost the run is refused. */
  fence: RunFence;
  context: TenantContext;
  priority: RequestPriority;
  /** The run's counters as last stored; the ledger alone moves them. */
  counters: Counters;
  signal: AbortSignal;
}

export function pendingOf(record: RecordOutcome & { icimsId: string }): PendingOutcome {
  const { icimsId, employeeId, outcome, changedFields, reason } = record;
  return { icimsId, outcome, ...(employeeId ? { employeeId } : {}), ...(changedFields ? { changedFields } : {}), ...(reason ? { reason } : {}) };
}
