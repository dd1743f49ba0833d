import { Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { CandidateHiredPayload, Envelope, TenantSettings } from '@icims-sync/contracts';
import { SyncAuditRepository } from '@icims-sync/audit';
import { HrEmployeesClient } from '@icims-sync/hr-client';
import { IcimsNotFound } from '@icims-sync/icims-client';
import {
  HrEmployee,
  changedSyncedFields,
  checkEligibility,
  mapIcimsPersonToEmployee,
  resolveFieldIds,
} from '@icims-sync/mapping';
import { MetricsService } from '@icims-sync/platform';
import { TenantSettingsClient } from '../tenants/tenant-settings.client';
import { IcimsClients } from './icims-clients';

export type HireOutcome =
  | { outcome: 'added' | 'updated'; employeeId: string; changedFields: string[] }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'errored'; reason: string; details: string[] };

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
    private readonly hr: HrEmployeesClient,
    private readonly icims: IcimsClients,
    private readonly audit: SyncAuditRepository,
    metrics: MetricsService,
  ) {
    this.outcomes = new Counter({ name: 'hires_total', help: 'Hires handled, by outcome', labelNames: ['outcome'], registers: [metrics.registry] });
  }

  async execute(envelope: Envelope<CandidateHiredPayload>): Promise<HireOutcome> {
    const startedAt = new Date();
    const result = await this.importHire(envelope);
    // No tenant, no history to keep. Otherwise the envelope id is the run id, so a
    // redelivered hire finds its run already written.
    if (!(result.outcome === 'skipped' && result.reason === 'TENANT_UNKNOWN')) await this.audit.recordSingleRun(
      { runId: envelope.id, tenantId: envelope.tenantId, direction: 'import', trigger: 'webhook', startedAt },
      {
        icimsId: envelope.payload.personId,
        employeeId: 'employeeId' in result ? result.employeeId : undefined,
        outcome: result.outcome,
        changedFields: 'changedFields' in result ? result.changedFields : [],
        reason: 'reason' in result ? result.reason : undefined,
        details: 'details' in result ? result.details : [],
      },
    );
    this.outcomes.inc({ outcome: result.outcome });
    const log = { personId: envelope.payload.personId, ...result };
    if (result.outcome === 'errored') this.logger.warn(log, 'hire not imported');
    else this.logger.log(log, `hire ${result.outcome}`);
    return result;
  }

  private async importHire(envelope: Envelope<CandidateHiredPayload>): Promise<HireOutcome> {
    const { tenantId, payload } = envelope;
    const settings = await this.tenants.find(tenantId);
    // A tenant removed after the hire was published: nothing to do, and nothing to retry.
    if (!settings) return { outcome: 'skipped', reason: 'TENANT_UNKNOWN' };
    if (!settings.enabled) return { outcome: 'skipped', reason: 'TENANT_DISABLED' };
    // Webhook hires are automatic import: they pause with it (owner invalid, toggled off...).
    if (!settings.automaticSync.import) return { outcome: 'skipped', reason: pauseReasonOf(settings) };
    if (!settings.apiBaseUrl || settings.customerId !== payload.customerId) return { outcome: 'skipped', reason: 'NOT_CONNECTED' };
    const fieldIds = resolveFieldIds(settings.fieldIds);
    if (!fieldIds.ok) return { outcome: 'errored', reason: 'BAD_FIELD_IDS', details: fieldIds.invalid };

    let person: Record<string, unknown>;
    try {
      person = await this.icims.forHost(settings.apiBaseUrl).getPerson({ tenantId, customerId: payload.customerId }, payload.personId);
    } catch (error) {
      if (error instanceof IcimsNotFound) return { outcome: 'skipped', reason: 'PERSON_NOT_FOUND' };
      throw error;
    }
    const eligibility = checkEligibility(settings.profile, person, new Date().toISOString().slice(0, 10), fieldIds.fieldIds);
    if (!eligibility.eligible) return { outcome: 'skipped', reason: eligibility.reason };

    const managerEmployeeId = await this.managerOf(tenantId, person[fieldIds.fieldIds.hiringManager]);
    const mapped = mapIcimsPersonToEmployee(person, { profile: settings.profile, fieldIds: fieldIds.fieldIds, personId: payload.personId, resolveManager: () => managerEmployeeId });
    if (!mapped.ok) return { outcome: 'errored', reason: 'INVALID_PERSON', details: mapped.errors.map((error) => `${error.field}:${error.code}`) };
    return this.upsert(tenantId, mapped.value);
  }

  private async upsert(tenantId: string, employee: HrEmployee): Promise<HireOutcome> {
    const existing = await this.hr.findByIcimsId(tenantId, employee.icimsId);
    if (!existing) {
      const created = await this.hr.create(tenantId, employee);
      return { outcome: 'added', employeeId: created.id, changedFields: Object.keys(employee) };
    }
    const changed = changedSyncedFields('import', existing, employee);
    if (changed.length === 0) return { outcome: 'skipped', reason: 'UNCHANGED' };
    // Fields iCIMS no longer has are cleared; only synced fields are ever written.
    const changes = Object.fromEntries(changed.map((field) => [field, employee[field] ?? null]));
    await this.hr.update(tenantId, existing.id, changes as Partial<HrEmployee>);
    return { outcome: 'updated', employeeId: existing.id, changedFields: changed };
  }

  /** The manager's HR employee id, when the manager is already an employee. */
  private async managerOf(tenantId: string, reference: unknown): Promise<string | undefined> {
    const id = typeof reference === 'object' && reference !== null ? (reference as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) return undefined;
    return (await this.hr.findByIcimsId(tenantId, id))?.id;
  }
}

/** `PAUSED_OWNER_INVALID`, `PAUSED_NOT_CONNECTED`..., or `AUTO_IMPORT_OFF` when only the import toggle is off. */
function pauseReasonOf(settings: TenantSettings): string {
  const reason = settings.automaticSync.pausedReason;
  return reason ? `PAUSED_${reason.toUpperCase()}` : 'AUTO_IMPORT_OFF';
}
