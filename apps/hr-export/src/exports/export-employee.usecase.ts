import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { EmployeeUpdatedPayload, Envelope } from '@icims-sync/contracts';
import { HrEmployeesClient } from '@icims-sync/hr-client';
import { updatedAtOf } from '@icims-sync/icims-client';
import {
  ExportDecision,
  ExportedValueField,
  FieldStates,
  TWO_WAY_FIELDS,
  exportedValuesOfPerson,
  fieldStatesOf,
  exportedFieldIdsOf,
  fieldHasherOf,
  decideExport,
  hrChangesOf,
} from '@icims-sync/mapping';
import { MetricsService } from '@icims-sync/platform';
import { RecordOutcome, RunProgressPublisher, SyncAuditRepository, SyncStateRepository, ZERO_COUNTERS } from '@icims-sync/sync-ledger';
import { IcimsClients, TenantContext, TenantSettingsClient, pauseReasonOf, tenantContextOf } from '@icims-sync/vault-client';
import { HrExportConfig } from '../config/app.config';
import { MergedSave, mergeSaves } from './hr-save';
import { PatchPacer } from './patch-pacer';
import { PersonPatcher, refusalOf } from './person-patcher';

/**
 * HR → iCIMS for one employee's saves (a burst of them merged): skip what is off, unlinked,
 * an echo or stale; check iCIMS for a change on its side when a two-way field moved; PATCH
 * only the fields that need it; record what both sides now hold; audit it as an export run.
 * Transient failures throw, so the consumer retries; refusals are recorded as errored.
 */
@Injectable()
export class ExportEmployeeUseCase {
  private readonly logger = new Logger(ExportEmployeeUseCase.name);
  private readonly outcomes: Counter<'outcome' | 'reason'>;
  private readonly lag: Histogram;
  private readonly pacer: PatchPacer;

  constructor(
    private readonly tenants: TenantSettingsClient,
    private readonly icims: IcimsClients,
    private readonly hr: HrEmployeesClient,
    private readonly state: SyncStateRepository,
    private readonly audit: SyncAuditRepository,
    private readonly progress: RunProgressPublisher,
    private readonly patcher: PersonPatcher,
    @Inject(HrExportConfig) private readonly config: Pick<HrExportConfig, 'SYNC_STATE_HASH_KEY' | 'EXPORT_MAX_PATCHES_PER_WINDOW' | 'EXPORT_WINDOW_SECONDS'>,
    metrics: MetricsService,
  ) {
    this.outcomes = new Counter({ name: 'exports_total', help: 'Employee saves exported to iCIMS, by outcome and reason', labelNames: ['outcome', 'reason'], registers: [metrics.registry] });
    this.lag = new Histogram({
      name: 'export_lag_seconds',
      help: 'From the HR save to the iCIMS PATCH answered',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [metrics.registry],
    });
    this.pacer = new PatchPacer(config.EXPORT_MAX_PATCHES_PER_WINDOW, config.EXPORT_WINDOW_SECONDS);
  }

  /** `envelopes`: one employee's saves, oldest first. The newest envelope's id is the run id, so a redelivery audits once. */
  async execute(envelopes: Envelope<EmployeeUpdatedPayload>[], signal: AbortSignal): Promise<RecordOutcome> {
    const startedAt = new Date();
    const latest = envelopes[envelopes.length - 1];
    const save = mergeSaves(envelopes);
    const record = await this.export(latest.tenantId, save, signal);
    if (record.reason !== 'TENANT_UNKNOWN') {
      const runId = latest.id;
      await this.audit.recordSingleRun({ runId, tenantId: latest.tenantId, direction: 'export', trigger: 'auto-export', startedAt }, record);
      const status = record.outcome === 'errored' ? 'failed' : 'succeeded';
      await this.progress.publish(latest.tenantId, runId, status, { ...ZERO_COUNTERS, [record.outcome]: 1, total: 1 }, record.outcome === 'errored' ? record.reason : undefined, 'export');
    }
    this.outcomes.inc({ outcome: record.outcome, reason: record.reason ?? '' });
    const log = { employeeId: save.employeeId, icimsId: save.icimsId, saves: save.saves, outcome: record.outcome, reason: record.reason, changedFields: record.changedFields, details: record.details };
    if (record.outcome === 'errored') this.logger.warn(log, 'employee not exported');
    else this.logger.log(log, `export ${record.outcome}`);
    return record;
  }

  private async export(tenantId: string, save: MergedSave, signal: AbortSignal): Promise<RecordOutcome> {
    const ids = { employeeId: save.employeeId, ...(save.icimsId ? { icimsId: save.icimsId } : {}) };
    const resolved = tenantContextOf(await this.tenants.find(tenantId), tenantId);
    if (!resolved.ok) return { ...ids, outcome: resolved.outcome, reason: resolved.reason, details: resolved.details };
    const { context } = resolved;
    if (!context.settings.automaticSync.export) return { ...ids, outcome: 'skipped', reason: pauseReasonOf(context.settings, 'export') };
    if (!save.icimsId) return { ...ids, outcome: 'skipped', reason: 'NOT_LINKED' };
    if (save.ownWrite) return { ...ids, outcome: 'skipped', reason: 'ECHO' };
    const icimsId = save.icimsId;
    const hash = this.hasherOf(tenantId, icimsId);
    const states = (await this.state.fieldStatesOf(tenantId, [icimsId])).get(icimsId) ?? {};
    const changes = hrChangesOf(save, states, hash);
    if (changes.candidates.length === 0) {
      return { ...ids, outcome: 'skipped', reason: changes.stale.length > 0 ? 'STALE' : changes.echoes.length > 0 ? 'ECHO' : 'NO_SYNCED_CHANGE' };
    }
    await this.pacer.turn(`${tenantId}:${save.employeeId}`, signal);
    let decision: ExportDecision;
    let icimsValues: IcimsValues;
    try {
      ({ decision, icimsValues } = await this.decide(context, icimsId, save, states, changes.candidates));
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { ...ids, outcome: 'errored', ...refusal };
      throw error;
    }
    const conflicts = decision.conflicts.length > 0 ? { conflicts: decision.conflicts } : {};
    if (decision.keptInIcims.length > 0) await this.writeBack(context, save, decision, icimsValues);
    let warnings: string[] = [];
    if (decision.send.length > 0) {
      const patched = await this.patcher.patch(context, icimsId, save.values, decision.send, save.savedAt, { priority: 'automatic' });
      if (!patched.ok) return { ...ids, outcome: 'errored', ...patched.refusal, changedFields: decision.send, ...conflicts };
      warnings = patched.warnings;
      this.lag.observe((Date.now() - save.savedAt.getTime()) / 1000);
    }
    await this.patcher.recordSynced(tenantId, icimsId, save.values, decision.alreadyThere, save.savedAt);
    const noted = { ...conflicts, ...(warnings.length > 0 ? { warnings } : {}) };
    if (decision.send.length > 0) return { ...ids, outcome: 'updated', changedFields: decision.send, ...noted };
    return { ...ids, outcome: 'skipped', reason: decision.keptInIcims.length > 0 ? 'CONFLICT_KEPT_ICIMS' : 'ALREADY_IN_ICIMS', ...noted };
  }

  /** Which candidates to send; iCIMS is asked only when a two-way field might have changed there too. */
  private async decide(context: TenantContext, icimsId: string, save: MergedSave, states: FieldStates, candidates: ExportedValueField[]): Promise<{ decision: ExportDecision; icimsValues: IcimsValues }> {
    const hash = this.hasherOf(context.tenant.tenantId, icimsId);
    if (!candidates.some((field) => TWO_WAY_FIELDS.includes(field))) return { decision: { send: candidates, alreadyThere: [], keptInIcims: [], conflicts: [] }, icimsValues: {} };
    const { fieldIds } = context;
    const person = await this.icims.forHost(context.settings.apiBaseUrl).getPerson(context.tenant, icimsId, exportedFieldIdsOf(fieldIds), { priority: 'automatic' });
    const icims = { values: exportedValuesOfPerson(person, fieldIds), updatedAt: updatedAtOf(person) };
    return { decision: decideExport(candidates, save, states, icims, hash), icimsValues: icims.values };
  }

  /**
   * iCIMS's later change goes to HR, marked as icims-sync's and recorded in the state first,
   * so HR's save event for it is an echo.
   */
  private async writeBack(context: TenantContext, save: MergedSave, decision: ExportDecision, icimsValues: IcimsValues): Promise<void> {
    const { tenantId } = context.tenant;
    const icimsAt = new Date(Math.max(...decision.conflicts.filter((note) => note.kept === 'icims').map((note) => note.icimsAt.getTime())));
    const fields = fieldStatesOf(this.hashKeyOf(tenantId), save.icimsId!, icimsValues, decision.keptInIcims, icimsAt, 'import');
    await this.state.recordFields(tenantId, [{ icimsId: save.icimsId!, fields }]);
    await this.hr.update(tenantId, save.employeeId, Object.fromEntries(decision.keptInIcims.map((field) => [field, icimsValues[field] ?? null])));
  }

  private hasherOf(tenantId: string, icimsId: string) {
    return fieldHasherOf(this.hashKeyOf(tenantId), icimsId);
  }

  private hashKeyOf(tenantId: string) {
    return { secret: this.config.SYNC_STATE_HASH_KEY, tenantId };
  }
}


type IcimsValues = Partial<Record<ExportedValueField, unknown>>;
