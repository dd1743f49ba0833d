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
