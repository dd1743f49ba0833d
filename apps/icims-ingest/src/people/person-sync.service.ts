import { Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { RecordOutcome } from '@icims-sync/sync-ledger';
import { HrApiErrorCode, HrEmployeesClient, StoredEmployee, isHrRefusal } from '@icims-sync/hr-client';
import { IcimsNotFound, IcimsPerson, RequestPriority } from '@icims-sync/icims-client';
import { AppException } from '@icims-sync/platform';
import { HrEmployee, SyncStateHashKey, changedSyncedFields, checkEligibility, mapIcimsPersonToEmployee, syncedValuesHash } from '@icims-sync/mapping';
import { IcimsIngestConfig } from '../config/app.config';
import { IcimsClients } from '@icims-sync/vault-client';
import { TenantContext } from '@icims-sync/vault-client';

/** People fetched from iCIMS at once per page. */
const FETCH_CONCURRENCY = 32;
/** HR writes in flight at once per page. */
const WRITE_CONCURRENCY = 32;

/** What to write to HR for one person, decided before anything is written. */
export type PlannedWrite =
  | { kind: 'create'; employee: HrEmployee }
  | { kind: 'update'; employeeId: string; changes: Partial<HrEmployee> };

export interface PersonPlan {
  /** The outcome to record; `employeeId` is filled in once a create has happened. */
  record: RecordOutcome & { icimsId: string };
  write?: PlannedWrite;
  /** Digest of the synced values HR will hold (for `sync_state`); absent when nothing is linked. */
  hash?: string;
  /** The manager's iCIMS id when the manager is not in HR yet (perhaps created in this same page). */
  unresolvedManager?: string;
  /** The mapped values HR will hold once written. */
  employee?: HrEmployee;
}

/**
 * iCIMS person → HR employee for a page of people at once: fetch, check eligibility, map
 * with the tenant's profile, resolve managers, and diff against HR with one lookup. Used
 * by webhook hires (a page of one) and imports alike.
 */
@Injectable()
export class PersonSyncService {
  constructor(
    private readonly icims: IcimsClients,
    private readonly hr: HrEmployeesClient,
    @Inject(IcimsIngestConfig) private readonly config: Pick<IcimsIngestConfig, 'SYNC_STATE_HASH_KEY'>,
  ) {}

  /** Plans every person of `personIds`; only transient failures throw. */
  async plan(context: TenantContext, personIds: readonly string[], priority: RequestPriority): Promise<PersonPlan[]> {
    return this.planFetched(context, personIds, await this.fetch(context, personIds, priority));
  }

  /** The iCIMS person of each of `personIds`, undefined where iCIMS has none; only transient failures throw. */
  async fetch(context: TenantContext, personIds: readonly string[], priority: RequestPriority): Promise<(IcimsPerson | undefined)[]> {
    const client = this.icims.forHost(context.settings.apiBaseUrl);
    const limit = pLimit(FETCH_CONCURRENCY);
    return Promise.all(
      personIds.map((personId) =>
        limit(async () => {
          try {
            return await client.getPerson(context.tenant, personId, undefined, { priority });
          } catch (error) {
            if (error instanceof IcimsNotFound) return undefined;
            throw error;
          }
        }),
      ),
    );
  }

  /** Plans people already fetched (`people[i]` is `personIds[i]`'s), diffing against HR as it is now. */
  async planFetched(context: TenantContext, personIds: readonly string[], people: readonly (IcimsPerson | undefined)[]): Promise<PersonPlan[]> {
    const managerIds = people.map((person) => person && managerReferenceOf(person[context.fieldIds.hiringManager])).filter((id): id is string => !!id);
    const linked = await this.hr.findByIcimsIds(context.tenant.tenantId, [...new Set([...personIds, ...managerIds])]);
    const today = new Date().toISOString().slice(0, 10);
    return personIds.map((personId, index) => this.planOne(context, personId, people[index], linked, today));
  }

  /**
   * Writes the plans to HR, managers first so their reports link to them in the same pass;
   * returns the plans whose write HR refused, with the refusal as an errored outcome.
   */
  async apply(context: TenantContext, plans: PersonPlan[]): Promise<PersonPlan[]> {
    const managerIds = new Set(plans.map((plan) => plan.unresolvedManager).filter(Boolean));
    const managers = plans.filter((plan) => managerIds.has(plan.record.icimsId));
    const refused = await this.writeAll(context, managers);
    const createdManagers = new Map(managers.filter((plan) => plan.record.employeeId).map((plan) => [plan.record.icimsId, plan.record.employeeId!]));
    const others = plans.filter((plan) => !managerIds.has(plan.record.icimsId));
    for (const plan of others) linkManager(plan, createdManagers.get(plan.unresolvedManager ?? ''), this.hashKeyOf(context.tenant.tenantId));
    refused.push(...(await this.writeAll(context, others)));
    return refused;
  }

  private async writeAll(context: TenantContext, plans: PersonPlan[]): Promise<PersonPlan[]> {
    const limit = pLimit(WRITE_CONCURRENCY);
    const refused: PersonPlan[] = [];
    await Promise.all(
      plans.map((plan) =>
        limit(async () => {
          if (!plan.write) return;
          try {
            plan.record.employeeId = await this.write(context.tenant.tenantId, plan.write);
          } catch (error) {
            if (!(error instanceof AppException) || error.retryable) throw error;
            refused.push({ record: { icimsId: plan.record.icimsId, outcome: 'errored', reason: error.code, details: [] } });
          }
        }),
      ),
    );
    return refused;
  }

  private planOne(context: TenantContext, icimsId: string, person: IcimsPerson | undefined, linked: Map<string, StoredEmployee>, today: string): PersonPlan {
    const { settings, fieldIds, tenant } = context;
    if (!person) return { record: { icimsId, outcome: 'skipped', reason: 'PERSON_NOT_FOUND' } };
    const eligibility = checkEligibility(settings.profile, person, today, fieldIds);
    if (!eligibility.eligible) return { record: { icimsId, outcome: 'skipped', reason: eligibility.reason } };
    const mapped = mapIcimsPersonToEmployee(person, { profile: settings.profile, fieldIds, personId: icimsId, resolveManager: (managerId) => linked.get(managerId)?.id });
    if (!mapped.ok) return { record: { icimsId, outcome: 'errored', reason: 'INVALID_PERSON', details: mapped.errors.map((error) => `${error.field}:${error.code}`) } };
    const employee = mapped.value;
    const managerReference = managerReferenceOf(person[fieldIds.hiringManager]);
    const unresolvedManager = managerReference && !employee.managerId ? managerReference : undefined;
    const existing = linked.get(icimsId);
    // An unresolved manager is not a change: the link is added once the manager is in HR.
    if (unresolvedManager && existing?.managerId) employee.managerId = existing.managerId;
    const hash = syncedValuesHash('import', this.hashKeyOf(tenant.tenantId), employee);
    if (!existing) return { record: { icimsId, outcome: 'added', changedFields: Object.keys(employee) }, write: { kind: 'create', employee }, hash, unresolvedManager, employee };
    const changed = changedSyncedFields('import', existing, employee);
    if (changed.length === 0) return { record: { icimsId, employeeId: existing.id, outcome: 'skipped', reason: 'UNCHANGED' }, hash, unresolvedManager };
    // Fields iCIMS no longer has are cleared; only synced fields are ever written.
    const changes = Object.fromEntries(changed.map((field) => [field, employee[field] ?? null])) as Partial<HrEmployee>;
    return { record: { icimsId, employeeId: existing.id, outcome: 'updated', changedFields: changed }, write: { kind: 'update', employeeId: existing.id, changes }, hash, unresolvedManager, employee };
  }

  private hashKeyOf(tenantId: string): SyncStateHashKey {
    return { secret: this.config.SYNC_STATE_HASH_KEY, tenantId };
  }

  private async write(tenantId: string, write: PlannedWrite): Promise<string> {
    if (write.kind === 'update') return (await this.hr.update(tenantId, write.employeeId, write.changes)).id;
    try {
      return (await this.hr.create(tenantId, write.employee)).id;
    } catch (error) {
      // Created meanwhile (a webhook hire racing an import, or a resumed run): bring it up to date instead.
      if (!isHrRefusal(error, HrApiErrorCode.IcimsIdTaken)) throw error;
      const existing = (await this.hr.findByIcimsIds(tenantId, [write.employee.icimsId])).get(write.employee.icimsId);
      if (!existing) throw error;
      const changed = changedSyncedFields('import', existing, write.employee);
      if (changed.length > 0) await this.hr.update(tenantId, existing.id, Object.fromEntries(changed.map((field) => [field, write.employee[field] ?? null])));
      return existing.id;
    }
  }
}

/** A manager created in this same pass: the report's write links to them too. */
function linkManager(plan: PersonPlan, managerEmployeeId: string | undefined, hashKey: SyncStateHashKey): void {
  if (!managerEmployeeId || !plan.write || !plan.employee) return;
  plan.employee.managerId = managerEmployeeId;
  if (plan.write.kind === 'update') plan.write.changes.managerId = managerEmployeeId;
  const changedFields = plan.record.changedFields ?? [];
  if (!changedFields.includes('managerId')) plan.record.changedFields = [...changedFields, 'managerId'];
  plan.hash = syncedValuesHash('import', hashKey, plan.employee);
}

/** The manager's iCIMS person id, when the reference holds one. */
function managerReferenceOf(reference: unknown): string | undefined {
  const id = typeof reference === 'object' && reference !== null ? (reference as { id?: unknown }).id : reference;
  return typeof id === 'string' && /^\d+$/.test(id) ? id : undefined;
}
