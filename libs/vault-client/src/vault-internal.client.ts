import { request } from 'undici';
import { SERVICE_TOKEN_HEADER, TenantList, TenantSettings, VaultInternalPath } from '@icims-sync/contracts';
import { DependencyUnavailableException } from '@icims-sync/platform';

export interface VaultResponse {
  status: number;
  /** The parsed body, or undefined when it was not JSON. */
  json: unknown;
}

/**
 * HTTP access to credentials-vault's internal API with the service token. Answers are
 * returned as they are, for each caller to interpret; only an unreachable vault throws.
 */
export class VaultInternalClient {
  constructor(
    private readonly vaultUrl: string,
    private readonly serviceToken: string,
    private readonly timeoutMs = 5_000,
  ) {}

  get(path: string): Promise<VaultResponse> {
    return this.send('GET', path);
  }

  post(path: string, body: unknown): Promise<VaultResponse> {
    return this.send('POST', path, body);
  }

  /** A tenant's settings (no secrets), or undefined when the vault has no connection for it. */
  async tenantSettings(tenantId: string): Promise<TenantSettings | undefined> {
    const { status, json } = await this.get(VaultInternalPath.tenantSettings(tenantId));
    if (status === 404) return undefined;
    if (status !== 200) throw new DependencyUnavailableException('credentials-vault', `settings answered ${status}`);
    return json as TenantSettings;
  }

  /** The tenants whose automatic import may run now (enabled, connected, owner valid, toggle on). */
  async automaticImportTenants(): Promise<string[]> {
    const { status, json } = await this.get(VaultInternalPath.automaticImportTenants);
    if (status !== 200) throw new DependencyUnavailableException('credentials-vault', `automatic-import tenants answered ${status}`);
    return (json as TenantList).items.map((item) => item.tenantId);
  }

  /** Any call; `headers` are added to the service token, `timeoutMs` overrides the client's. */
  async send(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, options: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<VaultResponse> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    try {
      const response = await request(`${this.vaultUrl}${path}`, {
        method,
        headers: { ...options.headers, [SERVICE_TOKEN_HEADER]: this.serviceToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      return { status: response.statusCode, json: await response.body.json().catch(() => undefined) };
    } catch (error) {
      throw new DependencyUnavailableException('credentials-vault', (error as Error).message);
    }
  }
}
