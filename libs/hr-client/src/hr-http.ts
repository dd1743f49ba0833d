import { Dispatcher, Pool } from 'undici';
import { AppException, DependencyUnavailableException } from '@icims-sync/platform';
import { hrRefusalCode } from './hr-error-code.constant';

export interface HrResponse {
  status: number;
  json: unknown;
}

/** One keep-alive pool to the HR system's REST API; only an unreachable or failing HR system throws. */
export class HrHttp {
  private readonly pool: Pool;

  constructor(
    baseUrl: string,
    private readonly timeoutMs = 10_000,
    connections = 16,
  ) {
    this.pool = new Pool(baseUrl, { connections, keepAliveTimeout: 30_000 });
  }

  async request(method: Dispatcher.HttpMethod, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HrResponse> {
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        method,
        path,
        headers: { accept: 'application/json', ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
    } catch (error) {
      throw new DependencyUnavailableException('HR API', (error as Error).message);
    }
    const json = await response.body.json().catch(() => undefined);
    if (response.statusCode >= 500 || response.statusCode === 429) throw new DependencyUnavailableException('HR API', `answered ${response.statusCode}`);
    return { status: response.statusCode, json };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The HR system refused a request; retrying will not change its mind. */
export function hrRefusal(response: HrResponse, what: string): AppException {
  const error = (response.json as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new AppException(hrRefusalCode(error?.code ?? 'REJECTED'), `the HR system refused ${what}: ${error?.message ?? `HTTP ${response.status}`}`, 'validation');
}

export const tenantPath = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}`;
