import { Injectable } from '@nestjs/common';
import { sandboxErrors } from '../icims-sandbox.exception';
import { MAX_PATCH_LOG, NO_FAULTS, SandboxCredentials, SandboxCustomer, SandboxFaults } from './sandbox-customer';
import { REQUIRED_PERSON_FIELDS, SandboxPerson, hasValue, icimsDateTime } from './sandbox-person';

export const DEFAULT_DAILY_BUDGET = 10_000;

/** The sandbox's whole iCIMS: customers and their people, in memory. */
@Injectable()
export class SandboxStore {
  private readonly customers = new Map<string, SandboxCustomer>();

  upsertCustomer(customerId: string, credentials: SandboxCredentials, dailyBudget = DEFAULT_DAILY_BUDGET): SandboxCustomer {
    const existing = this.customers.get(customerId);
    const customer: SandboxCustomer = existing
      ? { ...existing, credentials, dailyBudget }
      : { customerId, credentials, dailyBudget, faults: { ...NO_FAULTS }, people: new Map(), usage: { day: '', used: 0 }, nextPersonId: 1000, patches: [] };
    this.customers.set(customerId, customer);
    return customer;
  }

  findCustomer(customerId: string): SandboxCustomer | undefined {
    return this.customers.get(customerId);
  }

  customer(customerId: string): SandboxCustomer {
    const customer = this.customers.get(customerId);
    if (!customer) throw sandboxErrors.notFound(`customer ${customerId}`);
    return customer;
  }

  allCustomers(): SandboxCustomer[] {
    return [...this.customers.values()];
  }

  setFaults(customerId: string, faults: Partial<SandboxFaults>): SandboxFaults {
    const customer = this.customer(customerId);
    customer.faults = { ...customer.faults, ...faults };
    return customer.faults;
  }

  insert(customerId: string, fields: Record<string, unknown>, now = new Date()): SandboxPerson {
    const customer = this.customer(customerId);
    const id = String(customer.nextPersonId++);
    const stamp = icimsDateTime(now);
    const person: SandboxPerson = { createddate: stamp, updateddate: stamp, ...fields, id } as SandboxPerson;
    customer.people.set(id, person);
    customer.sortedIds = undefined;
    return person;
  }

  get(customerId: string, personId: string): SandboxPerson {
    const person = this.customer(customerId).people.get(personId);
    if (!person) throw sandboxErrors.notFound(`person ${personId}`);
    return person;
  }

  /** An API PATCH: applied, logged, and answered with iCIMS's `warnings` when it took a value it finds odd. */
  patchByApi(customerId: string, personId: string, changes: Record<string, unknown>): { warnings: { errorMessage: string; errorCode: number }[] } {
    for (const [field, value] of Object.entries(changes)) checkValue(field, value);
    const person = this.patch(customerId, personId, changes);
    const customer = this.customer(customerId);
    customer.patches.push({ personId, changes, at: new Date().toISOString() });
    if (customer.patches.length > MAX_PATCH_LOG) customer.patches.splice(0, customer.patches.length - MAX_PATCH_LOG);
    const ends = typeof person.enddate === 'string' && typeof person.hiredate === 'string' && person.enddate < person.hiredate;
    return { warnings: ends ? [{ errorMessage: 'End Date is before Hire Date', errorCode: 4 }] : [] };
  }

  /** PATCH semantics: partial; `null` or `""` clears; required fields must end up set. */
  patch(customerId: string, personId: string, changes: Record<string, unknown>, now = new Date()): SandboxPerson {
    const current = this.get(customerId, personId);
    const next: SandboxPerson = { ...current };
    for (const [field, value] of Object.entries(changes)) {
      if (field === 'id') continue;
      if (value === null || value === '') delete next[field];
      else next[field] = value;
    }
    const missing = REQUIRED_PERSON_FIELDS.find((field) => !hasValue(next[field]));
    if (missing) throw sandboxErrors.requiredMissing(missing);
    next.updateddate = typeof changes.updateddate === 'string' ? changes.updateddate : icimsDateTime(now);
    this.customer(customerId).people.set(personId, next);
    return next;
  }

  delete(customerId: string, personId: string): void {
    const customer = this.customer(customerId);
    if (!customer.people.delete(personId)) throw sandboxErrors.notFound(`person ${personId}`);
    customer.sortedIds = undefined;
  }

  sortedIds(customer: SandboxCustomer): string[] {
    customer.sortedIds ??= [...customer.people.keys()].sort((a, b) => Number(a) - Number(b));
    return customer.sortedIds;
  }
}

/** [assumed] Lengths and formats iCIMS enforces on the fields icims-sync writes. */
const DATE_FIELDS = new Set(['hiredate', 'enddate', 'startdate', 'birthdate']);
const MAX_TEXT: Record<string, number> = { firstname: 100, lastname: 100, adpassociateid: 30 };

function checkValue(field: string, value: unknown): void {
  if (value === null || value === '') return;
  if (field === 'updateddate' || field === 'createddate') throw sandboxErrors.invalidValue(field, 'Field is read-only');
  if (DATE_FIELDS.has(field) && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) throw sandboxErrors.invalidValue(field, 'Invalid date, expected yyyy-mm-dd');
  const max = MAX_TEXT[field];
  if (max !== undefined && (typeof value !== 'string' || value.length > max)) throw sandboxErrors.invalidValue(field, `Value longer than ${max} characters`);
}
