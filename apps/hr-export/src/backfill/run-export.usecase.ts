import { Inject, Injectable, Logger } from '@nestjs/common';
import pLimit from 'p-limit';
import { Envelope, ExportRequestedPayload } from '@icims-sync/contracts';
import { HrEmployeesClient, StoredEmployee } from '@icims-sync/hr-client';
import { IcimsNotFound, IcimsPerson, RequestMeter } from '@icims-sync/icims-client';
import { ExportedValueField, exportedFieldIdsOf, fieldHasherOf } from '@icims-sync/mapping';
import { AppException, internalDescription } from '@icims-sync/platform';
import { Counters, ImportRunRepository, MassChangeHold, RunFence, RunFenced, RunProgressPublisher, SyncAuditRepository, SyncRunDocument, SyncStateRepository } from '@icims-sync/sync-ledger';
import { IcimsClients, TenantContext, TenantSettingsClient, tenantContextOf } from '@icims-sync/vault-client';
import { HrExportConfig } from '../config/app.config';
import { PersonPatcher } from '../exports/person-patcher';
import { planBackfill } from './backfill-plan';

/** Employees planned together, and planned updates applied together; also the checkpoint granularity. */
const PAGE_SIZE = 100;
const FETCH_CONCURRENCY = 16;

interface ExportJob {
  run: SyncRunDocument;
  fence: RunFence;
  context: TenantContext;
  meter: RequestMeter;
  metered: number;
  counters: Counters;
  signal: AbortSignal;
}

/**
 * An export backfill: every linked HR employee whose iCIMS values differ is PATCHed. Two
 * phases, each checkpointed: plan (a GET per employee, the outcomes recorded as they will
 * be) and apply (the planned updates PATCHed with HR's values as they are then; a refusal
 * turns its record errored). A dry run stops after planning; a run that would overwrite too
 * many people stops there too, as `needs_confirmation`, until an HR admin confirms it.
 */
@Injectable()
export class RunExportUseCase {
  private readonly logger = new Logger(RunExportUseCase.name);

  constructor(
    private readonly tenants: TenantSettingsClient,
    private readonly audit: SyncAuditRepository,
    private readonly runs: ImportRunRepository,
    private readonly hr: HrEmployeesClient,
    private readonly icims: IcimsClients,
    private readonly state: SyncStateRepository,
    private readonly patcher: PersonPatcher,
    private readonly progress: RunProgressPublisher,
    @Inject(HrExportConfig) private readonly config: Pick<HrExportConfig, 'SYNC_STATE_HASH_KEY' | 'MASS_CHANGE_MAX_PERCENT' | 'MASS_CHANGE_FLOOR'>,
  ) {}

  async execute(envelope: Envelope<ExportRequestedPayload>, signal: AbortSignal): Promise<void> {
    const run = await this.audit.findRun(envelope.payload.runId);
    if (!run || run.tenantId !== envelope.tenantId || run.direction !== 'export') {
      this.logger.warn({ runId: envelope.payload.runId }, 'export requested for a run that was never queued; ignored');
      return;
    }
    if (run.status !== 'queued' && run.status !== 'running') return;
    const fence = await this.runs.claim(run);
    if (!fence) return;
    const stopRenewing = this.runs.keepLeased(run.tenantId, fence);
    try {
      await this.runClaimed(run, fence, signal);
    } catch (error) {
      if (error instanceof RunFenced) {
        this.logger.warn({ runId: run._id }, 'another worker took this export over, or it was ended; this worker stops');
        return;
      }
      if (signal.aborted) await this.runs.handOver(run.tenantId, fence);
      throw error;
    } finally {
      stopRenewing();
    }
  }

  private async runClaimed(run: SyncRunDocument, fence: RunFence, signal: AbortSignal): Promise<void> {
    const resolved = tenantContextOf(await this.tenants.find(run.tenantId, { fresh: true }), run.tenantId);
    if (!resolved.ok) return this.end(run, fence, 'failed', { code: resolved.reason, message: `the export cannot run: ${resolved.reason}` });
    const resumed = run.status === 'running';
    const counters = resumed ? await this.runs.recount(fence) : run.counters;
    const job: ExportJob = { run, fence, context: resolved.context, meter: { count: 0 }, metered: 0, counters, signal };
    await this.progress.publish(run.tenantId, run._id, 'running', counters, undefined, 'export');
    try {
      if (run.checkpoint?.phase !== 'apply') {
        await this.plan(job);
        await this.runs.advanceApply(fence, undefined, this.unrecorded(job));
      }
      if (run.dryRun) return this.end(run, fence, 'succeeded');
      // Checked until the first PATCH: a run resumed after planning is checked again, a confirmed one not.
      const applying = run.checkpoint?.phase === 'apply' && run.checkpoint.afterRecordId !== undefined;
      const hold = applying || run.confirmation ? undefined : this.massOverwrite(job.counters);
      if (hold) {
        const held = await this.runs.hold(run, fence, hold);
        await this.progress.publish(run.tenantId, run._id, 'needs_confirmation', held, hold.code, 'export');
        this.logger.warn({ runId: run._id, hold }, 'export held by the mass-change guard until an HR admin confirms it');
        return;
      }
      await this.apply(job);
    } catch (error) {
      if (error instanceof RunFenced || signal.aborted || !(error instanceof AppException) || error.retryable) throw error;
      this.logger.warn({ runId: run._id, code: error.code, error: internalDescription(error) }, 'export failed');
      return this.end(run, fence, 'failed', { code: error.code, message: error.message });
    }
    await this.end(run, fence, 'succeeded');
  }

  /** Every linked employee, a page at a time: its iCIMS person, and the outcome it will have. */
  private async plan(job: ExportJob): Promise<void> {
    const { context, run } = job;
    const { tenantId } = context.tenant;
    let afterId = run.checkpoint?.phase === 'plan' ? run.checkpoint.afterEmployeeId : undefined;
    do {
      // Draining: the run is handed over and the next consumer resumes from the checkpoint.
      if (job.signal.aborted) throw new Error('export interrupted by a drain');
      const page = await this.hr.listLinked(tenantId, afterId, PAGE_SIZE);
      const employees = page.items.filter((employee) => employee.icimsId);
      const [people, states] = await Promise.all([this.fetch(job, employees), this.state.fieldStatesOf(tenantId, employees.map((employee) => employee.icimsId!))]);
      const outcomes = employees.map((employee, index) => planBackfill(employee, people[index], states.get(employee.icimsId!) ?? {}, context.fieldIds, this.hasherOf(tenantId, employee.icimsId!)));
      afterId = page.nextAfterId;
      job.counters = await this.runs.recordOutcomes(job.fence, tenantId, outcomes, { phase: 'plan', afterEmployeeId: afterId }, this.unrecorded(job));
      await this.progress.publish(tenantId, run._id, 'running', job.counters, undefined, 'export');
    } while (afterId);
  }

  /** The planned updates, with HR's values as they are now; a refusal turns the record errored. */
  private async apply(job: ExportJob): Promise<void> {
    const { context, run, fence } = job;
    const { tenantId } = context.tenant;
    let afterId = run.checkpoint?.phase === 'apply' ? run.checkpoint.afterRecordId : undefined;
    for (;;) {
      const planned = await this.runs.recordsWith(run._id, 'updated', afterId, PAGE_SIZE);
      if (planned.length === 0) return;
      const employees = await this.hr.findByIcimsIds(tenantId, planned.map((record) => record.icimsId!));
      for (const record of planned) {
        const employee = employees.get(record.icimsId!);
        const fields = record.changedFields as ExportedValueField[];
        const result = employee
          ? await this.patcher.patch(context, record.icimsId!, employee, fields, new Date(employee.updatedAt ?? 0), { priority: 'manual', meter: job.meter })
          : { ok: false as const, refusal: { reason: 'NOT_LINKED', details: [] } };
        if (!result.ok) job.counters = await this.runs.reviseOutcome(fence, record._id, 'updated', { outcome: 'errored', ...result.refusal });
      }
      afterId = planned[planned.length - 1]._id;
      await this.runs.advanceApply(fence, afterId, this.unrecorded(job));
      await this.progress.publish(tenantId, run._id, 'running', job.counters, undefined, 'export');
    }
  }

  private async fetch(job: ExportJob, employees: StoredEmployee[]): Promise<(IcimsPerson | undefined)[]> {
    const { context } = job;
    const { fieldIds } = context;
    const wanted = exportedFieldIdsOf(fieldIds);
    const client = this.icims.forHost(context.settings.apiBaseUrl);
    const limit = pLimit(FETCH_CONCURRENCY);
    return Promise.all(
      employees.map((employee) =>
        limit(async () => {
          try {
            return await client.getPerson(context.tenant, employee.icimsId!, wanted, { priority: 'manual', meter: job.meter });
          } catch (error) {
            if (error instanceof IcimsNotFound) return undefined;
            throw error;
          }
        }),
      ),
    );
  }

  /** The hold, when the run would overwrite more than the configured share of the linked employees (and more than the floor). */
  private massOverwrite(counters: Counters): MassChangeHold | undefined {
    const { MASS_CHANGE_MAX_PERCENT: maxPercent, MASS_CHANGE_FLOOR: floor } = this.config;
    const planned = counters.updated;
    if (planned <= floor || planned * 100 <= counters.total * maxPercent) return undefined;
    return { code: 'MASS_OVERWRITE', planned, population: counters.total, maxPercent, heldAt: new Date() };
  }

  private async end(run: SyncRunDocument, fence: RunFence, status: 'succeeded' | 'failed', error?: { code: string; message: string }): Promise<void> {
    const counters = await this.runs.finish(run, status, error, fence);
    await this.progress.publish(run.tenantId, run._id, status, counters, error?.code, 'export');
    this.logger.log({ runId: run._id, status, counters, dryRun: run.dryRun === true }, `export ${status}`);
  }

  private unrecorded(job: ExportJob): number {
    const spent = job.meter.count - job.metered;
    job.metered = job.meter.count;
    return spent;
  }

  private hasherOf(tenantId: string, icimsId: string) {
    return fieldHasherOf({ secret: this.config.SYNC_STATE_HASH_KEY, tenantId }, icimsId);
  }
}
