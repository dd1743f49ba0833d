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
  /** A plan only: the records say what a real run would do, and nothing was written. */
  dryRun?: boolean;
  /** iCIMS requests the run spent from the tenant's daily budget (imports and export backfills). */
  icimsRequests?: number;
}

export interface SyncRecordView {
  icimsId?: string;
  employeeId?: string;
  outcome: SyncOutcome;
  changedFields: string[];
  reason?: string;
  details: string[];
  /** Mapped or written anyway, but someone should know: `field:CODE` (`managerId:MANAGER_UNRESOLVED`, iCIMS warnings as `<fieldId>:ICIMS_WARNING_<n>`). */
  warnings: string[];
  /** Fields changed on both sides since the last sync (`CONFLICT_RESOLVED`): which side's change was kept, and when each changed. */
  conflicts?: { field: string; kept: 'hr' | 'icims'; hrAt: string; icimsAt: string }[];
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

/** `GET /admin/tenants/{id}/sync-status`: the settings page's status at a glance. */
export interface SyncStatusView {
  /** The daily automatic import: whether it runs for this tenant now, and when next (UTC, and local in its time zone). */
  automaticImport: { enabled: boolean; next: string; nextLocal: string; timeZone: string };
  /** Start of the last successful run of each direction. */
  lastSucceeded: { import?: string; export?: string };
  /** The tenant's iCIMS requests today (UTC day), shared by every service and replica. */
  icimsBudget: { day: string; used: number; dailyLimit: number; manualReserve: number; leftForAutomatic: number; leftForManual: number };
}
