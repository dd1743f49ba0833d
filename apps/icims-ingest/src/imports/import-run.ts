import { Counters, PendingOutcome, RecordOutcome, RunFence, SyncRunDocument } from '@icims-sync/sync-ledger';
import { CallOptions, RequestMeter, RequestPriority } from '@icims-sync/icims-client';
import { TenantContext } from '@icims-sync/vault-client';

/** What an import run works with, once resolved; shared by its phases. */
export interface ImportRun {
  run: SyncRunDocument;
  /** What this worker's writes to the run carry: a worker that lost the run is refused. */
  fence: RunFence;
  context: TenantContext;
  priority: RequestPriority;
  /** What its iCIMS calls carry: the priority, and the meter counting the requests the run spends. */
  calls: CallOptions & { meter: RequestMeter };
  /** Of `calls.meter.count`, what is already added to the run's `icimsRequests`. */
  meterRecorded: number;
  /** The run's counters as last stored; the ledger alone moves them. */
  counters: Counters;
  signal: AbortSignal;
}

export function pendingOf(record: RecordOutcome & { icimsId: string }): PendingOutcome {
  const { icimsId, employeeId, outcome, changedFields, reason } = record;
  return { icimsId, outcome, ...(employeeId ? { employeeId } : {}), ...(changedFields ? { changedFields } : {}), ...(reason ? { reason } : {}) };
}

/** Requests spent since the last call: added to the run with its next records. */
export function unrecordedRequests(job: ImportRun): number {
  const spent = job.calls.meter.count - job.meterRecorded;
  job.meterRecorded = job.calls.meter.count;
  return spent;
}
