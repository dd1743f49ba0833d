import { Injectable, Logger } from '@nestjs/common';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { Envelope, ImportRequestedPayload } from '@icims-sync/contracts';
import { ImportRunRepository, MassChangeHold, RunFence, RunFenced, RunProgressPublisher, SyncAuditRepository, SyncRunDocument } from '@icims-sync/sync-ledger';
import { IcimsAccessDenied, IcimsAuthError, IcimsRateLimited, toIcimsDateTime } from '@icims-sync/icims-client';
import { AppException, internalDescription, isRetryable } from '@icims-sync/platform';
import { pauseReasonOf, tenantContextOf, TenantSettingsClient } from '@icims-sync/vault-client';
import { DeletionSweep } from './deletion-sweep';
import { ImportRun } from './import-run';
import { PeoplePages } from './people-pages';
import { RunInterrupted } from './run-interrupted';

/**
 * [assumed] iCIMS search sees updates up to 15 minutes late (`staleness`) and its datetimes
 * are to the minute: incremental runs look back this much before the last successful start.
 */
const INCREMENTAL_OVERLAP_MS = 16 * 60_000;

/**
 * A full or incremental import (manual or scheduled): every person in scope through the
 * same plan/apply as a hire, then HR employees whose iCIMS person is gone are deactivated.
 * Checkpointed per page, with the page's records and counters in the same transaction, so
 * a crashed or drained consumer resumes where it was with its counters exact.
 */
@Injectable()
export class RunImportUseCase {
  private readonly logger = new Logger(RunImportUseCase.name);

  constructor(
    private readonly tenants: TenantSettingsClient,
    private readonly audit: SyncAuditRepository,
    private readonly runs: ImportRunRepository,
    private readonly pages: PeoplePages,
    private readonly deletions: DeletionSweep,
    private readonly progress: RunProgressPublisher,
  ) {}

  async execute(envelope: Envelope<ImportRequestedPayload>, signal: AbortSignal): Promise<void> {
    const { runId, trigger } = envelope.payload;
    const run = await this.audit.findRun(runId);
    if (!run || run.tenantId !== envelope.tenantId) {
      this.logger.warn({ runId }, 'import requested for a run that was never queued; ignored');
      return;
    }
    if (run.status !== 'queued' && run.status !== 'running') return;
    const since = run.status === 'queued' && run.mode === 'incremental' ? await this.sinceOf(run.tenantId) : undefined;
    const fence = await this.runs.claim(run, since);
    if (!fence) {
      this.logger.warn({ runId }, 'the run ended or another worker claimed it first; not run here');
      return;
    }
    const stopRenewing = this.runs.keepLeased(run.tenantId, fence);
    try {
      await this.runClaimed(run, fence, trigger, signal, since);
    } catch (error) {
      if (error instanceof RunFenced) {
        this.logger.warn({ runId, generation: fence.generation }, 'another worker took this run over, or it was ended; this worker stops');
        return;
      }
      if (error instanceof RunInterrupted || signal.aborted) await this.runs.handOver(run.tenantId, fence);
      throw error;
    } finally {
      stopRenewing();
    }
  }

  private async runClaimed(run: SyncRunDocument, fence: RunFence, trigger: ImportRequestedPayload['trigger'], signal: AbortSignal, since: Date | undefined): Promise<void> {
    const { _id: runId } = run;
    let settings: Awaited<ReturnType<TenantSettingsClient['find']>>;
    try {
      settings = await this.patiently(signal, () => this.tenants.find(run.tenantId, { fresh: true }));
    } catch (error) {
      if (signal.aborted) throw error;
      // A run that cannot even start must still end, or it would hold the tenant's lock.
      return this.fail(fence, run, failureOf(error).code, 'the vault could not be reached to start the import; press Import again');
    }
    const resolved = tenantContextOf(settings, run.tenantId);
    if (!resolved.ok) return this.fail(fence, run, resolved.reason, `the import cannot run: ${resolved.reason}${resolved.details.length ? ` (${resolved.details.join(', ')})` : ''}`);
    if (trigger === 'scheduled' && !resolved.context.settings.automaticSync.import) {
      return this.fail(fence, run, pauseReasonOf(resolved.context.settings), 'automatic import is paused or switched off for this tenant');
    }
    // The counters are seeded once: zero when queued, recounted from the records on a resume.
    const resumed = run.status === 'running';
    if (!resumed) run.since = since;
    const counters = resumed ? await this.runs.recount(fence) : run.counters;
    const priority = trigger === 'manual' ? 'manual' : 'automatic';
    const job: ImportRun = { run, fence, context: resolved.context, priority, calls: { priority, meter: { count: 0 } }, meterRecorded: 0, counters, signal };
    await this.progress.publish(run.tenantId, runId, 'running', job.counters);
    this.logger.log({ runId, mode: run.mode, dryRun: run.dryRun === true, since: run.since, resumedAt: run.checkpoint, generation: fence.generation }, 'import running');
    let hold: MassChangeHold | undefined;
    try {
      hold = await this.patiently(signal, () => this.runPhases(job));
    } catch (error) {
      if (error instanceof RunInterrupted || error instanceof RunFenced || signal.aborted) throw error;
      const { code, message } = failureOf(error);
      this.logger.warn({ runId, code, error: internalDescription(error) }, 'import failed');
      return this.fail(fence, run, code, message);
    }
    if (hold && !run.dryRun) {
      const counters = await this.runs.hold(run, fence, hold);
      await this.progress.publish(run.tenantId, runId, 'needs_confirmation', counters, hold.code);
      this.logger.warn({ runId, hold }, 'import held by the mass-change guard until an HR admin confirms it');
      return;
    }
    const final = await this.runs.finish(run, 'succeeded', undefined, fence);
    await this.progress.publish(run.tenantId, runId, 'succeeded', final);
    this.logger.log({ runId, counters: final, dryRun: run.dryRun === true, icimsRequests: job.calls.meter.count }, 'import succeeded');
  }

  /** Resumable phases: each starts from the run's stored checkpoint, so a retry carries on. */
  private async runPhases(job: ImportRun): Promise<MassChangeHold | undefined> {
    const stored = await this.audit.findRun(job.run._id);
    job.run.checkpoint = stored?.checkpoint;
    await this.pages.resumePending(job);
    if (job.run.checkpoint?.phase !== 'deletions') await this.pages.importAll(job, job.run.since ? [{ name: 'person.updateddate', value: [toIcimsDateTime(job.run.since)], operator: '>=' }] : []);
    return this.deletions.sweep(job);
  }

  /** Transient failures (iCIMS or HR down) are waited out for a while before the run fails. */
  private patiently<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const policy = retry(handleWhen((error) => !(error instanceof RunInterrupted) && !(error instanceof RunFenced) && isRetryable(error) && !(error instanceof IcimsRateLimited)), {
      maxAttempts: 6,
      backoff: new ExponentialBackoff({ initialDelay: 1_000, maxDelay: 30_000 }),
    });
    policy.onRetry(({ delay }) => this.logger.warn({ delay }, 'import hit a transient failure; resuming from its checkpoint'));
    return policy.execute(work, signal);
  }

  private async sinceOf(tenantId: string): Promise<Date | undefined> {
    const lastStart = await this.runs.lastSuccessfulImportStart(tenantId);
    return lastStart && new Date(lastStart.getTime() - INCREMENTAL_OVERLAP_MS);
  }

  private async fail(fence: RunFence, run: SyncRunDocument, code: string, message: string): Promise<void> {
    const counters = await this.runs.finish(run, 'failed', { code, message }, fence);
    await this.progress.publish(run.tenantId, run._id, 'failed', counters, code);
  }
}

/** A reason code and a message fit for the admin (no stack, no PII). */
function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof IcimsRateLimited) return { code: 'ICIMS_BUDGET_EXHAUSTED', message: `the iCIMS request budget ran out (${error.message}); the next run picks up from here` };
  if (error instanceof IcimsAuthError) return { code: 'ICIMS_AUTH_FAILED', message: 'iCIMS refused the credentials: check them and press Connect' };
  if (error instanceof IcimsAccessDenied) return { code: 'ICIMS_ACCESS_DENIED', message: 'the iCIMS user lacks API rights for people' };
  if (error instanceof AppException) return { code: error.code, message: error.message };
  return { code: 'INTERNAL_ERROR', message: 'the import stopped on an unexpected error; see the icims-ingest log for this run' };
}
