import { ImportMode } from '../payloads/import-requested.payload';
import { SyncCounters, SyncDirection, SyncRunStatus } from '../payloads/sync-progress.payload';
import { SyncOutcome, SyncTrigger } from './sync-runs.dto';

/** A sync run as the admin API shows it. Ids, counts and codes only: never PII. */
export interface SyncRunView {
  runId: string;
  tenantId: string;
  direction: SyncDirection;
  trigger: SyncTrigger;
  mode?: ImportMode;
  status: SyncRunStatus;
  counters: SyncCounters;
  requestedBy?: string;
  startedAt: string;
  finishedAt?: string;
  /** Why a failed run failed. */
  error?: { code: string; message: string };
  /** Why the mass-change guard held the run (`needs_confirmation`), with its numbers. */
  hold?: { code: string; planned: number; population: number; maxPercent: number; heldAt: string };
  /** The HR admin who let a held run go on. */
  confirmation?: { userId: string; at: string };
}

export interface SyncRecordView {
  icimsId?: string;
  employeeId?: string;
  outcome: SyncOutcome;
  changedFields: string[];
  reason?: string;
  details: string[];
  at: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; absent on the last one. */
  nextCursor?: string;
}

/** The tenants the scheduler imports for (`GET /internal/tenants?automaticImport=true`). */
export interface TenantList {
  items: { tenantId: string }[];
}
