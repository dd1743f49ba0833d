import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { Topic, WriteOrigin, createEvent } from '@icims-sync/contracts';
import { EXPORTED_FIELDS } from '@icims-sync/mapping';
import { HrApiErrorCode } from '@icims-sync/hr-client';
import { AppException, EventPublisher, InvalidInputException } from '@icims-sync/platform';
import { EmployeeFieldsDto, ListEmployeesQueryDto } from './employee.dto';
import { EmployeeIndex } from './employee-index';
import { EmployeeWriteBehind } from './employee-write-behind';
import { EmployeeDocument } from './employee.schema';

export type Employee = Omit<EmployeeDocument, '_id' | 'icimsLink'> & { id: string };

/** Employees per tenant; every save publishes `employee.updated`, as the real HR system does. */
@Injectable()
export class EmployeesService implements OnModuleInit, OnModuleDestroy {
  private readonly index = new EmployeeIndex();
  /** Whether save events say who saved. Real HR systems often do not; switched off to prove echoes are caught by value. */
  private originMarker = true;
  private readonly store: EmployeeWriteBehind;

  constructor(
    @InjectModel(EmployeeDocument.name) private readonly model: Model<EmployeeDocument>,
    private readonly publisher: EventPublisher,
  ) {
    this.store = new EmployeeWriteBehind(model);
  }

  async onModuleInit(): Promise<void> {
    // One employee per iCIMS person per tenant, whatever the memory index says.
    await this.model.collection.createIndex({ icimsLink: 1 }, { unique: true, sparse: true, name: 'icimsLink_unique' });
    this.index.load(await this.model.find().lean<EmployeeDocument[]>());
  }

  onModuleDestroy(): Promise<void> {
    return this.store.flush();
  }

  async create(tenantId: string, fields: EmployeeFieldsDto, origin: WriteOrigin): Promise<Employee> {
    const values = definedOnly(fields);
    const now = new Date();
    const saved = { _id: randomUUID(), tenantId, ...values, ...linkOf(tenantId, values.icimsId), createdAt: now, updatedAt: now } as EmployeeDocument;
    // Checked and taken in the same turn: memory is the whole truth (one process), so a racing create finds the link taken.
    this.ensureLinkFree(saved.icimsLink, saved._id, values.icimsId);
    this.index.put(saved);
    this.store.insert(saved);
    const employee = toEmployee(saved);
    await this.publish(employee, Object.keys(values), origin);
    return employee;
  }

  /** Partial update; `null` clears a field. */
  async update(tenantId: string, id: string, fields: EmployeeFieldsDto, origin: WriteOrigin): Promise<Employee> {
    const cleared = (['firstName', 'lastName'] as const).filter((field) => (fields as Record<string, unknown>)[field] === null);
    if (cleared.length > 0) throw new InvalidInputException(HrApiErrorCode.NameRequired, `${cleared.join(' and ')} cannot be cleared`);
    const current = this.document(tenantId, id);
    const changes = Object.entries(fields).filter(([field, value]) => value !== undefined && value !== (current as unknown as Record<string, unknown>)[field]);
    const set: Record<string, unknown> = Object.fromEntries(changes.filter(([, value]) => value !== null));
    const unset = changes.filter(([, value]) => value === null).map(([field]) => field);
    if ('icimsId' in fields && fields.icimsId !== undefined && fields.icimsId !== current.icimsId) {
      if (fields.icimsId === null) unset.push('icimsLink');
      else set.icimsLink = `${tenantId}:${fields.icimsId}`;
      this.ensureLinkFree(set.icimsLink as string | undefined, id, fields.icimsId ?? undefined);
    }
    let saved = current;
    if (changes.length > 0) {
      // Timestamps set here, so memory and the store hold the same document.
      set.updatedAt = new Date();
      const update = { $set: set, ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, ''])) } : {}) };
      saved = { ...current, ...set } as EmployeeDocument;
      for (const field of unset) delete (saved as unknown as Record<string, unknown>)[field];
      this.index.put(saved);
      this.store.update(id, update);
    }
    const employee = toEmployee(saved);
    await this.publish(employee, changes.map(([field]) => field), origin);
    return employee;
  }

  /** Test and demo control: save events with or without the `origin` marker. */
  setOriginMarker(on: boolean): { originMarker: boolean } {
    this.originMarker = on;
    return { originMarker: on };
  }

  get(tenantId: string, id: string): Employee {
    return toEmployee(this.document(tenantId, id));
  }

  list(tenantId: string, query: ListEmployeesQueryDto): { items: Employee[]; nextAfterId?: string } {
    const icimsIds = query.icimsIds ?? (query.icimsId ? [query.icimsId] : undefined);
    if (icimsIds) return { items: this.findLinked(tenantId, icimsIds) };
    const pageSize = query.pageSize ?? 100;
    const items = this.index.page(tenantId, { afterId: query.afterId, limit: pageSize, linkedOnly: query.linked }).map(toEmployee);
    return { items, nextAfterId: items.length === pageSize ? items[items.length - 1].id : undefined };
  }

  private findLinked(tenantId: string, icimsIds: string[]): Employee[] {
    return [...new Set(icimsIds)].flatMap((icimsId) => {
      const document = this.index.byIcimsLink(`${tenantId}:${icimsId}`);
      return document ? [toEmployee(document)] : [];
    });
  }

  private document(tenantId: string, id: string): EmployeeDocument {
    const document = this.index.get(tenantId, id);
    if (!document) throw new AppException(HrApiErrorCode.EmployeeNotFound, `tenant ${tenantId} has no employee ${id}`, 'not_found');
    return document;
  }

  /** Another employee holding the link is a conflict; checked in the same turn as the save, so a racing save sees it. */
  private ensureLinkFree(icimsLink: string | undefined, employeeId: string, icimsId: string | undefined): void {
    const holder = icimsLink ? this.index.byIcimsLink(icimsLink) : undefined;
    if (holder && holder._id !== employeeId) throw takenError(icimsId);
  }

  /** The envelope carries changed field names, the synced fields' values and the save time: never SSN or birth date. */
  private async publish(employee: Employee, changedFields: string[], origin: WriteOrigin): Promise<void> {
    const values = Object.fromEntries(EXPORTED_FIELDS.map((field) => [field, employee[field] ?? null]));
    const tenantId = employee.tenantId;
    const savedAt = (employee.updatedAt ?? new Date()).toISOString();
    const payload = { employeeId: employee.id, icimsId: employee.icimsId, changedFields, values, savedAt, ...(this.originMarker ? { origin } : {}) };
    await this.publisher.publish([createEvent(Topic.EmployeeUpdated, { tenantId, source: 'hr-sandbox', payload })]);
  }
}

function takenError(icimsId: string | undefined): AppException {
  return new AppException(HrApiErrorCode.IcimsIdTaken, `another employee already has iCIMS ID ${icimsId}`, 'conflict');
}

function definedOnly(fields: EmployeeFieldsDto): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as Record<string, string>;
}

function linkOf(tenantId: string, icimsId: string | undefined): { icimsLink?: string } {
  return icimsId ? { icimsLink: `${tenantId}:${icimsId}` } : {};
}

function toEmployee(document: EmployeeDocument): Employee {
  const { _id, icimsLink: _link, ...rest } = document as EmployeeDocument & Record<string, unknown>;
  return { id: _id, ...rest } as Employee;
}
