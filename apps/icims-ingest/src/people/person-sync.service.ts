import { Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { RecordOutcome, SyncStateRepository } from '@icims-sync/sync-ledger';
import { HrApiErrorCode, HrEmployeesClient, StoredEmployee, isHrRefusal } from '@icims-sync/hr-client';
import { CallOptions, IcimsNotFound, IcimsPerson, updatedAtOf } from '@icims-sync/icims-client';
import { AppException } from '@icims-sync/platform';
import {
  ConflictNote,
  FieldStates,
  HrEmployee,
  SyncStateHashKey,
  TWO_WAY_FIELDS,
  changedSyncedFields,
  checkEligibility,
  fieldStatesOf,
  fieldHasherOf,
  inboundVerdict,
  mapIcimsPersonToEmployee,
  sameValue,
  syncedValuesHash,
} from '@icims-sync/mapping';
import { IcimsIngestConfig } from '../config/app.config';
import { IcimsClients, TenantContext } from '@icims-sync/vault-client';

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
  /** Two-way fields both sides hold once written: recorded before the write, so HR's save event is known as an echo. */
  fieldStates?: FieldStates;
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
    private readonly state: SyncStateRepository,
    @Inject(IcimsIngestConfig) private readonly config: Pick<IcimsIngestConfig, 'SYNC_STATE_HASH_KEY'>,
  ) {}

  /** Plans every person of `personIds`; only transient failures throw. */
  async plan(context: TenantContext, personIds: readonly string[], calls: CallOptions): Promise<PersonPlan[]> {
    return this.planFetched(context, personIds, await this.fetch(context, personIds, calls));
  }

  /** The iCIMS person of each of `personIds`, undefined where iCIMS has none; only transient failures throw. */
  async fetch(context: TenantContext, personIds: readonly string[], calls: CallOptions): Promise<(IcimsPerson | undefined)[]> {
    const client = this.icims.forHost(context.settings.apiBaseUrl);
    const limit = pLimit(FETCH_CONCURRENCY);
    return Promise.all(
      personIds.map((personId) =>
        limit(async () => {
          try {
            return await client.getPerson(context.tenant, personId, undefined, calls);
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
    const [linked, states] = await Promise.all([
      this.hr.findByIcimsIds(context.tenant.tenantId, [...new Set([...personIds, ...managerIds])]),
      this.state.fieldStatesOf(context.tenant.tenantId, personIds),
    ]);
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    return personIds.map((personId, index) => this.planOne(context, personId, people[index], { linked, states, today, now }));
  }

  /**
   * Writes the plans to HR, managers first so their reports link to them in the same pass;
   * returns the plans whose write HR refused, with the refusal as an errored outcome. The
   * two-way values go to `sync_state` first: HR publishes its save event before it answers.
   */
  async apply(context: TenantContext, plans: PersonPlan[]): Promise<PersonPlan[]> {
    await this.state.recordFields(
      context.tenant.tenantId,
      plans.flatMap((plan) => (plan.fieldStates ? [{ icimsId: plan.record.icimsId, fields: plan.fieldStates, firstSync: plan.write?.kind === 'create' }] : [])),
    );
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

  private planOne(context: TenantContext, icimsId: string, person: IcimsPerson | undefined, page: PageLookups): PersonPlan {
    const { settings, fieldIds, tenant } = context;
    if (!person) return { record: { icimsId, outcome: 'skipped', reason: 'PERSON_NOT_FOUND' } };
    const eligibility = checkEligibility(settings.profile, person, page.today, fieldIds);
    if (!eligibility.eligible) return { record: { icimsId, outcome: 'skipped', reason: eligibility.reason } };
    const mapped = mapIcimsPersonToEmployee(person, { profile: settings.profile, fieldIds, personId: icimsId, resolveManager: (managerId) => page.linked.get(managerId)?.id });
    if (!mapped.ok) return { record: { icimsId, outcome: 'errored', reason: 'INVALID_PERSON', details: mapped.errors.map((error) => `${error.field}:${error.code}`) } };
    const employee = mapped.value;
    const warnings = mapped.warnings.map((warning) => `${warning.field}:${warning.code}`);
    const noted = warnings.length > 0 ? { warnings } : {};
    const managerReference = managerReferenceOf(person[fieldIds.hiringManager]);
    const unresolvedManager = managerReference && !employee.managerId ? managerReference : undefined;
    const existing = page.linked.get(icimsId);
    // An unresolved manager is not a change: the link is added once the manager is in HR.
    if (unresolvedManager && existing?.managerId) employee.managerId = existing.managerId;
    const fromIcims = { ...employee };
    const conflicts = existing ? this.keepHrChanges(tenant.tenantId, icimsId, employee, existing, page.states.get(icimsId), person) : [];
    const noteConflicts = conflicts.length > 0 ? { conflicts } : {};
    const hash = syncedValuesHash('import', this.hashKeyOf(tenant.tenantId), employee);
    const inSync = TWO_WAY_FIELDS.filter((field) => sameValue(employee[field], fromIcims[field]));
    const fieldStates = fieldStatesOf(this.hashKeyOf(tenant.tenantId), icimsId, employee, inSync, page.now, 'import');
    if (!existing) return { record: { icimsId, outcome: 'added', changedFields: Object.keys(employee), ...noted }, write: { kind: 'create', employee }, hash, unresolvedManager, employee, fieldStates };
    const changed = changedSyncedFields('import', existing, employee);
    const unchanged = { icimsId, employeeId: existing.id, outcome: 'skipped' as const, reason: 'UNCHANGED', ...noted, ...noteConflicts };
    // A person synced before this state was kept gets it now, so the next change on either side is judged by it.
    if (changed.length === 0) return { record: unchanged, hash, unresolvedManager, ...(page.states.has(icimsId) ? {} : { fieldStates }) };
    // Fields iCIMS no longer has are cleared; only synced fields are ever written.
    const changes = Object.fromEntries(changed.map((field) => [field, employee[field] ?? null])) as Partial<HrEmployee>;
    const record = { icimsId, employeeId: existing.id, outcome: 'updated' as const, changedFields: changed, ...noted, ...noteConflicts };
    return { record, write: { kind: 'update', employeeId: existing.id, changes }, hash, unresolvedManager, employee, fieldStates };
  }

  /**
   * Two-way fields where HR changed since the last sync and iCIMS did not (or did, earlier)
   * keep HR's value in `employee`: the export carries it to iCIMS, and an iCIMS value that
   * only reflects icims-sync's own PATCH never comes back. Answers the conflicts resolved.
   */
  private keepHrChanges(tenantId: string, icimsId: string, employee: HrEmployee, existing: StoredEmployee, states: FieldStates | undefined, person: IcimsPerson): ConflictNote[] {
    const hash = fieldHasherOf(this.hashKeyOf(tenantId), icimsId);
    const icimsAt = updatedAtOf(person);
    const hrAt = existing.updatedAt ? validDate(Date.parse(existing.updatedAt)) : undefined;
    const conflicts: ConflictNote[] = [];
    for (const field of TWO_WAY_FIELDS) {
      if (sameValue(employee[field], existing[field])) continue;
      const verdict = inboundVerdict(field, { icims: employee[field], hr: existing[field] }, states?.[field], { icimsAt, hrAt }, hash);
      if (verdict.conflict) conflicts.push(verdict.conflict);
      if (!verdict.write) (employee as unknown as Record<string, unknown>)[field] = existing[field];
    }
    return conflicts;
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

/** What planning a page looks up once for all its people. */
interface PageLookups {
  linked: Map<string, StoredEmployee>;
  states: Map<string, FieldStates>;
  today: string;
  now: Date;
}

function validDate(ms: number): Date | undefined {
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** A manager created in this same pass: the report's write links to them too. */
function linkManager(plan: PersonPlan, managerEmployeeId: string | undefined, hashKey: SyncStateHashKey): void {
  if (!managerEmployeeId || !plan.write || !plan.employee) return;
  plan.employee.managerId = managerEmployeeId;
  if (plan.write.kind === 'update') plan.write.changes.managerId = managerEmployeeId;
  const changedFields = plan.record.changedFields ?? [];
  if (!changedFields.includes('managerId')) plan.record.changedFields = [...changedFields, 'managerId'];
  // Resolved after all: the mapping's warning no longer holds.
  const warnings = plan.record.warnings?.filter((warning) => warning !== 'managerId:MANAGER_UNRESOLVED');
  if (warnings) plan.record.warnings = warnings.length > 0 ? warnings : undefined;
  plan.hash = syncedValuesHash('import', hashKey, plan.employee);
}

/** The manager's iCIMS person id, when the reference holds one. */
function managerReferenceOf(reference: unknown): string | undefined {
  const id = typeof reference === 'object' && reference !== null ? (reference as { id?: unknown }).id : reference;
  return typeof id === 'string' && /^\d+$/.test(id) ? id : undefined;
}
