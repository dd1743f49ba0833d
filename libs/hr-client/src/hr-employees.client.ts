import { HrEmployee } from '@icims-sync/mapping';
import { GroupCommit, chunksOf } from '@icims-sync/platform';
import { HrHttp, hrRefusal, tenantPath } from './hr-http';

/** An employee as the HR system stores it; `updatedAt` (ISO-8601) is its last save. */
export type StoredEmployee = HrEmployee & { id: string; updatedAt?: string };

/** The most iCIMS ids the HR system looks up in one request. */
const MAX_IDS_PER_LOOKUP = 500;

type Linked = Map<string, StoredEmployee>;

/** Marks our own writes so hr-export does not echo them back to iCIMS. */
const OWN_WRITE = { 'x-write-origin': 'icims-sync' };

/** The HR system's employees API. */
export class HrEmployeesClient {
  /** Per tenant (one small entry each), so lookups started together share one request. */
  private readonly lookups = new Map<string, GroupCommit<readonly string[], Linked>>();

  constructor(private readonly http: HrHttp) {}

  /**
   * The employees linked to any of `icimsIds`, by iCIMS id. Lookups for the same tenant that
   * start together go as one request (a page of people, or many single hires at once); each
   * is sent after it was asked for, so it never misses a write that finished before.
   */
  async findByIcimsIds(tenantId: string, icimsIds: readonly string[]): Promise<Linked> {
    if (icimsIds.length === 0) return new Map();
    let lookups = this.lookups.get(tenantId);
    if (!lookups) {
      lookups = new GroupCommit((asked) => this.lookUpTogether(tenantId, asked));
      this.lookups.set(tenantId, lookups);
    }
    return lookups.submit(icimsIds);
  }

  private async lookUpTogether(tenantId: string, asked: (readonly string[])[]): Promise<Linked[]> {
    const ids = [...new Set(asked.flat())];
    const found: Linked = new Map();
    for (const employees of await Promise.all(chunksOf(ids, MAX_IDS_PER_LOOKUP).map((chunk) => this.lookUp(tenantId, chunk)))) {
      for (const employee of employees) if (employee.icimsId) found.set(employee.icimsId, employee);
    }
    return asked.map((icimsIds) => pick(found, icimsIds));
  }

  private async lookUp(tenantId: string, icimsIds: readonly string[]): Promise<StoredEmployee[]> {
    const response = await this.http.request('GET', `${tenantPath(tenantId)}/employees?icimsIds=${icimsIds.map(encodeURIComponent).join(',')}&pageSize=${icimsIds.length}`);
    if (response.status !== 200) throw hrRefusal(response, `the lookup of ${icimsIds.length} iCIMS ids`);
    return (response.json as { items: StoredEmployee[] }).items;
  }

  /** One page of the employees linked to an iCIMS person, in id order. */
  async listLinked(tenantId: string, afterId: string | undefined, pageSize: number): Promise<{ items: StoredEmployee[]; nextAfterId?: string }> {
    const after = afterId === undefined ? '' : `&afterId=${encodeURIComponent(afterId)}`;
    const response = await this.http.request('GET', `${tenantPath(tenantId)}/employees?linked=true&pageSize=${pageSize}${after}`);
    if (response.status !== 200) throw hrRefusal(response, 'the list of linked employees');
    return response.json as { items: StoredEmployee[]; nextAfterId?: string };
  }

  /** Ends the employment: inactive plus a departure date. Nothing is ever hard-deleted. */
  async deactivate(tenantId: string, id: string, departureDate: string): Promise<StoredEmployee> {
    return this.update(tenantId, id, { userStatus: 'inactive', separationDate: departureDate });
  }

  async create(tenantId: string, employee: HrEmployee): Promise<StoredEmployee> {
    return this.write('POST', `${tenantPath(tenantId)}/employees`, employee);
  }

  async update(tenantId: string, id: string, changes: Partial<HrEmployee>): Promise<StoredEmployee> {
    return this.write('PATCH', `${tenantPath(tenantId)}/employees/${encodeURIComponent(id)}`, changes);
  }

  private async write(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<StoredEmployee> {
    const response = await this.http.request(method, path, body, OWN_WRITE);
    if (response.status >= 300) throw hrRefusal(response, 'the employee');
    return response.json as StoredEmployee;
  }
}

function pick(found: Linked, icimsIds: readonly string[]): Linked {
  const picked: Linked = new Map();
  for (const icimsId of icimsIds) {
    const employee = found.get(icimsId);
    if (employee) picked.set(icimsId, employee);
  }
  return picked;
}
