import { Counters, PendingOutcome, RecordOutcome, SyncRunDocument } from '@icims-sync/sync-ledger';
import { RequestPriority } from '@icims-sync/icims-client';
import { TenantContext } from '@icims-sync/vault-client';

/** What an import run works with, once resolved; shared by its phases. */
export interface ImportRun {
  run: SyncRunDocument;
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
