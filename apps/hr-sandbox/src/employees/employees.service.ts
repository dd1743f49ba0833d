import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { Topic, WriteOrigin, createEvent } from '@icims-sync/contracts';
import { EXPORTED_FIELDS } from '@icims-sync/mapping';
import { AppException, EventPublisher, InvalidInputException, duplicateIndexesOf, isDuplicateKey } from '@icims-sync/platform';
import { EmployeeFieldsDto, ListEmployeesQueryDto, MAX_PAGE_SIZE } from './employee.dto';
import { EmployeeDocument, IcimsLinkDocument } from './employee.schema';

export type Employee = Omit<EmployeeDocument, '_id' | 'icimsLink'> & { id: string };


/** Employees per tenant; every save publishes `employee.updated`, as the real HR system does. */
@Injectable()
export class EmployeesService implements OnModuleInit {
  constructor(
    @InjectModel(EmployeeDocument.name) private readonly model: Model<EmployeeDocument>,
    @InjectModel(IcimsLinkDocument.name) private readonly links: Model<IcimsLinkDocument>,
    private readonly publisher: EventPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    // One employee per iCIMS person per tenant, even if the link index missed a write.
    await this.model.collection.createIndex({ icimsLink: 1 }, { unique: true, sparse: true, name: 'icimsLink_unique' });
    // Query served: list a tenant's employees in id order.
    await this.model.collection.createIndex({ tenantId: 1, _id: 1 }, { name: 'tenant_id' });
    await this.backfillLinks();
  }

  /** Employees saved before the link index existed get their link (a kept dev database); existing links stay. */
  private async backfillLinks(): Promise<void> {
    const linked = await this.model.find({ icimsLink: { $exists: true } }, { icimsLink: 1 }).lean<Pick<EmployeeDocument, '_id' | 'icimsLink'>[]>();
    if (linked.length === 0) return;
    await this.links.insertMany(linked.map((employee) => ({ _id: employee.icimsLink!, employeeId: employee._id })), { ordered: false }).catch((error: unknown) => {
      if (!duplicateIndexesOf(error)) throw error;
    });
  }

  async create(tenantId: string, fields: EmployeeFieldsDto, origin: WriteOrigin): Promise<Employee> {
    const values = definedOnly(fields);
    const document = { _id: randomUUID(), tenantId, ...values, ...linkOf(tenantId, values.icimsId) };
    await this.link(document.icimsLink, document._id, values.icimsId);
    try {
      await this.model.create(document);
    } catch (error) {
      if (document.icimsLink) await this.links.deleteOne({ _id: document.icimsLink, employeeId: document._id });
      throw this.translate(error, values.icimsId);
    }
    const employee = toEmployee(document as EmployeeDocument);
    await this.publish(employee, Object.keys(values), origin);
    return employee;
  }

  /** Partial update; `null` clears a field. */
  async update(tenantId: string, id: string, fields: EmployeeFieldsDto, origin: WriteOrigin): Promise<Employee> {
    const cleared = (['firstName', 'lastName'] as const).filter((field) => (fields as Record<string, unknown>)[field] === null);
    if (cleared.length > 0) throw new InvalidInputException('NAME_REQUIRED', `${cleared.join(' and ')} cannot be cleared`);
    const current = await this.get(tenantId, id);
    const changes = Object.entries(fields).filter(([field, value]) => value !== undefined && value !== (current as Record<string, unknown>)[field]);
    const set = Object.fromEntries(changes.filter(([, value]) => value !== null));
    const unset = Object.fromEntries(changes.filter(([, value]) => value === null).map(([field]) => [field, '']));
    const relink = 'icimsId' in fields && fields.icimsId !== undefined && fields.icimsId !== current.icimsId;
    if (relink) {
      if (fields.icimsId === null) unset.icimsLink = '';
      else set.icimsLink = `${tenantId}:${fields.icimsId}`;
      await this.link(set.icimsLink as string | undefined, id, fields.icimsId ?? undefined);
    }
    if (changes.length > 0) {
      try {
        await this.model.updateOne({ _id: id, tenantId }, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) });
        if (relink && current.icimsId) await this.links.deleteOne({ _id: `${tenantId}:${current.icimsId}`, employeeId: id });
      } catch (error) {
        throw this.translate(error, fields.icimsId ?? undefined);
      }
    }
    const employee = await this.get(tenantId, id);
    await this.publish(employee, changes.map(([field]) => field), origin);
    return employee;
  }

  async get(tenantId: string, id: string): Promise<Employee> {
    const document = await this.model.findOne({ _id: id, tenantId }).lean<EmployeeDocument>();
    if (!document) throw new AppException('EMPLOYEE_NOT_FOUND', `tenant ${tenantId} has no employee ${id}`, 'not_found');
    return toEmployee(document);
  }

  async list(tenantId: string, query: ListEmployeesQueryDto): Promise<{ items: Employee[]; nextAfterId?: string }> {
    if (query.icimsIds) return { items: await this.findLinked(tenantId, query.icimsIds) };
    const pageSize = query.pageSize ?? (query.icimsIds ? MAX_PAGE_SIZE : 100);
    const filter: Record<string, unknown> = { tenantId };
    if (query.icimsId) return { items: await this.findLinked(tenantId, [query.icimsId]) };
    else if (query.linked) filter.icimsLink = { $exists: true };
    if (query.afterId) filter._id = { $gt: query.afterId };
    const documents = await this.model.find(filter).sort({ _id: 1 }).limit(pageSize).lean<EmployeeDocument[]>();
    const items = documents.map(toEmployee);
    return { items, nextAfterId: items.length === pageSize ? items[items.length - 1].id : undefined };
  }

  /**
   * Through the link index, by `_id`, concurrently: FerretDB 1.x scans the whole collection
   * for `$in` or a secondary-index equality.
   */
  private async findLinked(tenantId: string, icimsIds: string[]): Promise<Employee[]> {
    const found = await Promise.all(
      [...new Set(icimsIds)].map(async (icimsId) => {
        const link = await this.links.findById(`${tenantId}:${icimsId}`).lean<IcimsLinkDocument>();
        return link && this.model.findById(link.employeeId).lean<EmployeeDocument>();
      }),
    );
    return found.filter((document): document is EmployeeDocument => !!document).map(toEmployee);
  }

  /** Claims `icimsLink` for the employee; another employee holding it is a conflict. */
  private async link(icimsLink: string | undefined, employeeId: string, icimsId: string | undefined): Promise<void> {
    if (!icimsLink) return;
    try {
      await this.links.create({ _id: icimsLink, employeeId });
    } catch (error) {
      throw this.translate(error, icimsId);
    }
  }

  /** The envelope carries changed field names and the synced fields' values: never SSN or birth date. */
  private async publish(employee: Employee, changedFields: string[], origin: WriteOrigin): Promise<void> {
    const values = Object.fromEntries(EXPORTED_FIELDS.map((field) => [field, employee[field] ?? null]));
    const tenantId = employee.tenantId;
    await this.publisher.publish([
      createEvent(Topic.EmployeeUpdated, { tenantId, source: 'hr-sandbox', payload: { employeeId: employee.id, icimsId: employee.icimsId, changedFields, values, origin } }),
    ]);
  }

  private translate(error: unknown, icimsId: string | undefined): unknown {
    if (!isDuplicateKey(error)) return error;
    return new AppException('ICIMS_ID_TAKEN', `another employee already has iCIMS ID ${icimsId}`, 'conflict');
  }
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
