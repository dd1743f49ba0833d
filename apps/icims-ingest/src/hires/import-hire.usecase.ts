import { Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { CandidateHiredPayload, Envelope } from '@icims-sync/contracts';
import { RecordOutcome, SyncAuditRepository, SyncedEntry } from '@icims-sync/sync-ledger';
import { MetricsService } from '@icims-sync/platform';
import { PersonSyncService } from '../people/person-sync.service';
import { pauseReasonOf, tenantContextOf, TenantSettingsClient } from '@icims-sync/vault-client';

/**
 * One hire: fetch the person from iCIMS (through the vault's signing), map it with the
 * tenant's profile, resolve the manager, and upsert the HR employee by iCIMS ID writing
 * only the synced fields that changed. Safe to run twice for the same envelope.
 */
@Injectable()
export class ImportHireUseCase {
  private readonly logger = new Logger(ImportHireUseCase.name);
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly tenants: TenantSettingsClient,
    private readonly people: PersonSyncService,
    private readonly audit: SyncAuditRepository,
    metrics: MetricsService,
  ) {
    this.outcomes = new Counter({ name: 'hires_total', help: 'Hires handled, by outcome', labelNames: ['outcome'], registers: [metrics.registry] });
  }

  async execute(envelope: Envelope<CandidateHiredPayload>): Promise<RecordOutcome> {
    const startedAt = new Date();
    const { record: result, synced } = await this.importHire(envelope);
    // No tenant, no history to keep. Otherwise the envelope id is the run id, so a
    // redelivered hire finds its run already written.
    if (result.reason !== 'TENANT_UNKNOWN') {
      await this.audit.recordSingleRun({ runId: envelope.id, tenantId: envelope.tenantId, direction: 'import', trigger: 'webhook', startedAt }, result, synced);
    }
    this.outcomes.inc({ outcome: result.outcome });
    const log = { personId: envelope.payload.personId, outcome: result.outcome, reason: result.reason, employeeId: result.employeeId, changedFields: result.changedFields, details: result.details, warnings: result.warnings };
    if (result.outcome === 'errored') this.logger.warn(log, 'hire not imported');
    else this.logger.log(log, `hire ${result.outcome}`);
    return result;
  }

  /** The hire's outcome, and what it wrote to HR (recorded as the person's state with the run). */
  private async importHire(envelope: Envelope<CandidateHiredPayload>): Promise<{ record: RecordOutcome; synced?: SyncedEntry }> {
    const { tenantId, payload } = envelope;
    const icimsId = payload.personId;
    const settings = await this.tenants.find(tenantId);
    const resolved = tenantContextOf(settings, tenantId);
    if (!resolved.ok) return { record: { icimsId, outcome: resolved.outcome, reason: resolved.reason, details: resolved.details } };
    const { context } = resolved;
    // Webhook hires are automatic import: they pause with it (owner invalid, toggled off...).
    if (!context.settings.automaticSync.import) return { record: { icimsId, outcome: 'skipped', reason: pauseReasonOf(context.settings) } };
    if (context.settings.customerId !== payload.customerId) return { record: { icimsId, outcome: 'skipped', reason: 'NOT_CONNECTED' } };
    const [plan] = await this.people.plan(context, [icimsId], { priority: 'automatic' });
    const [refused] = await this.people.apply(context, [plan]);
    if (refused) return { record: refused.record };
    const wrote = plan.write && plan.hash && plan.record.employeeId;
    return { record: plan.record, synced: wrote ? { icimsId, employeeId: plan.record.employeeId!, hash: plan.hash!, created: plan.write!.kind === 'create' } : undefined };
  }
}
