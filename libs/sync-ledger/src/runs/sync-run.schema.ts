import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ImportMode, SyncDirection, SyncOutcome, SyncRunStatus, SyncTrigger } from '@icims-sync/contracts';

export interface Counters {
  added: number;
  updated: number;
  deleted: number;
  skipped: number;
  errored: number;
  total: number;
}

export const ZERO_COUNTERS: Counters = { added: 0, updated: 0, deleted: 0, skipped: 0, errored: 0, total: 0 };

/** Where an import stands, so a restarted consumer carries on instead of starting over. */
export interface ImportCheckpoint {
  /** Imports: people, then deletions. Export backfills: plan (records the outcomes), then apply (PATCHes the planned updates). */
  phase: 'people' | 'deletions' | 'done' | 'plan' | 'apply';
  /** The highest iCIMS person id whose page is fully recorded (people phase). */
  lastId?: string;
  /** The HR employee id the deletion sweep (or an export's plan) has passed. */
  afterEmployeeId?: string;
  /** The last record an export's apply phase has done. */
  afterRecordId?: string;
  /**
   * Outcomes decided and about to be written to HR: a run that crashes before their records
   * are stored writes them again on resume (idempotently) and keeps these outcomes, so its
   * counters stay exact.
   */
  pending?: PendingOutcome[];
}

export interface PendingOutcome {
  icimsId: string;
  employeeId?: string;
  outcome: SyncOutcome;
  changedFields?: string[];
  reason?: string;
}

/** Why the mass-change guard held a run, with the numbers an HR admin confirms. */
export interface MassChangeHold {
  /** Imports: deactivations; export backfills: iCIMS people overwritten. */
  code: 'MASS_DEACTIVATION' | 'MASS_OVERWRITE';
  /** Employees the run would change (an upper bound: each is checked once more before the write). */
  planned: number;
  /** Linked, active employees of the tenant. */
  population: number;
  /** The share above which a run is held. */
  maxPercent: number;
  heldAt: Date;
}

/** One sync run (an import, an export, or a single webhook hire). `_id` is the run id. */
@Schema({ collection: 'sync_runs', versionKey: false, autoIndex: false })
export class SyncRunDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ type: String, required: true }) direction!: SyncDirection;
  @Prop({ type: String, required: true }) trigger!: SyncTrigger;
  @Prop({ type: String }) mode?: ImportMode;
  @Prop({ type: String, required: true }) status!: SyncRunStatus;
  @Prop({ required: true }) startedAt!: Date;
  @Prop() finishedAt?: Date;
  @Prop({ type: Object, required: true }) counters!: Counters;
  @Prop() requestedBy?: string;
  /** Incremental imports: people updated since this instant. Fixed when the run starts. */
  @Prop() since?: Date;
  @Prop({ type: Object }) checkpoint?: ImportCheckpoint;
  /** A reason code and a message without PII, for failed runs. */
  @Prop({ type: Object }) error?: { code: string; message: string };
  /** Set while (and after) the mass-change guard held the run. */
  @Prop({ type: Object }) hold?: MassChangeHold;
  /** The HR admin who let a held run go on. */
  @Prop({ type: Object }) confirmation?: { userId: string; at: Date };
  /** Raised by each consumer that claims the run; checkpoint writes name it (see `RunFence`). */
  @Prop() generation?: number;
  /** A plan only: records say what a real run would do; nothing was written to HR or iCIMS. */
  @Prop() dryRun?: boolean;
  /** iCIMS requests spent by the run (budget), counted as they go out, retries included. */
  @Prop() icimsRequests?: number;
  /** The worker that claimed the run last (host and process), for the operator. */
  @Prop() owner?: string;
  @Prop({ required: true }) expiresAt!: Date;
}

export const SyncRunSchema = SchemaFactory.createForClass(SyncRunDocument);
