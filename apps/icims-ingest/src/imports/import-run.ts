import { Counters, ImportCheckpoint, PendingOutcome, RecordOutcome, SyncRunDocument } from '@icims-sync/audit';
import { RequestPriority } from '@icims-sync/icims-client';
import { TenantContext } from '../people/tenant-context';

/** What an import run works with, once resolved; shared by its phases. */
export interface ImportRun {
  run: SyncRunDocument;
  context: TenantContext;
  priority: RequestPriority;
  counters: Counters;
  signal: AbortSignal;
}

/** Where a phase has got to (the pending outcomes are cleared by reaching it). */
export type RunPosition = Omit<ImportCheckpoint, 'pending'>;

export function pendingOf(record: RecordOutcome & { icimsId: string }): PendingOutcome {
  const { icimsId, employeeId, outcome, changedFields, reason } = record;
  return { icimsId, outcome, ...(employeeId ? { employeeId } : {}), ...(changedFields ? { changedFields } : {}), ...(reason ? { reason } : {}) };
}

export function addOutcomes(counters: Counters, outcomes: RecordOutcome[]): void {
  for (const { outcome } of outcomes) {
    counters[outcome] += 1;
    counters.total += 1;
  }
}
