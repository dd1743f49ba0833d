import { Inject, Injectable } from '@nestjs/common';
import { Dispatcher, Pool } from 'undici';
import { HrEmployee } from '@icims-sync/mapping';
import { AppException, DependencyUnavailableException } from '@icims-sync/platform';
import { IcimsIngestConfig } from '../config/app.config';

export type StoredEmployee = HrEmployee & { id: string };

/** Marks our own writes so hr-export does not echo them back to iCIMS. */
const OWN_WRITE = { 'x-write-origin': 'icims-sync' };

/** The HR system's employees API. */
@Injectable()
export class HrApiClient {
  private readonly pool: Pool;

  constructor(@Inject(IcimsIngestConfig) config: IcimsIngestConfig) {
    this.pool = new Pool(config.HR_API_URL, { connections: 16, keepAliveTimeout: 30_000 });
  }

  async findByIcimsId(tenantId: string, icimsId: string): Promise<StoredEmployee | undefined> {
    const page = (await this.call('GET', `/tenants/${encodeURIComponent(tenantId)}/employees?icimsId=${encodeURIComponent(icimsId)}`)) as { items: StoredEmployee[] };
    return page.items[0];
  }

  async create(tenantId: string, employee: HrEmployee): Promise<StoredEmployee> {
    return (await this.call('POST', `/tenants/${encodeURIComponent(tenantId)}/employees`, employee)) as StoredEmployee;
  }

  async update(tenantId: string, id: string, changes: Partial<HrEmployee>): Promise<StoredEmployee> {
    return (await this.call('PATCH', `/tenants/${encodeURIComponent(tenantId)}/employees/${encodeURIComponent(id)}`, changes)) as StoredEmployee;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async call(method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<unknown> {
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        method,
        path,
        headers: { accept: 'application/json', ...OWN_WRITE, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
    } catch (error) {
      throw new DependencyUnavailableException('HR API', (error as Error).message);
    }
    const json = (await response.body.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    if (response.statusCode < 300) return json;
    if (response.statusCode >= 500 || response.statusCode === 429) throw new DependencyUnavailableException('HR API', `answered ${response.statusCode}`);
    // 4xx: the HR system refused this record; retrying will not change its mind.
    throw new AppException(`HR_${json?.error?.code ?? 'REJECTED'}`, `the HR system refused the employee: ${json?.error?.message ?? response.statusCode}`, 'validation');
  }
}
