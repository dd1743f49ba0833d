import { HrEmployee } from '@icims-sync/mapping';
import { HrHttp, hrRefusal, tenantPath } from './hr-http';

export type StoredEmployee = HrEmployee & { id: string };

/** Marks our own writes so hr-export does not echo them back to iCIMS. */
const OWN_WRITE = { 'x-write-origin': 'icims-sync' };

/** The HR system's employees API. */
export class HrEmployeesClient {
  constructor(private readonly http: HrHttp) {}

  async findByIcimsId(tenantId: string, icimsId: string): Promise<StoredEmployee | undefined> {
    const response = await this.http.request('GET', `${tenantPath(tenantId)}/employees?icimsId=${encodeURIComponent(icimsId)}`);
    if (response.status !== 200) throw hrRefusal(response, `the lookup of iCIMS id ${icimsId}`);
    return (response.json as { items: StoredEmployee[] }).items[0];
  }

  /** The employees linked to any of `icimsIds` (at most 500), by iCIMS id: one round trip for a page of people. */
  async findByIcimsIds(tenantId: string, icimsIds: readonly string[]): Promise<Map<string, StoredEmployee>> {
    const found = new Map<string, StoredEmployee>();
    if (icimsIds.length === 0) return found;
    const response = await this.http.request('GET', `${tenantPath(tenantId)}/employees?icimsIds=${icimsIds.map(encodeURIComponent).join(',')}&pageSize=${icimsIds.length}`);
    if (response.status !== 200) throw hrRefusal(response, `the lookup of ${icimsIds.length} iCIMS ids`);
    for (const employee of (response.json as { items: StoredEmployee[] }).items) if (employee.icimsId) found.set(employee.icimsId, employee);
    return found;
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
