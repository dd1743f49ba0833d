import { Inject, Injectable } from '@nestjs/common';
import { request } from 'undici';
import { SERVICE_TOKEN_HEADER } from '@icims-sync/icims-client';
import { AppException, DependencyUnavailableException } from '@icims-sync/platform';
import { GatewayConfig } from '../config/app.config';

export interface InboundTenant {
  tenantId: string;
  profile: string;
  hiredStatusIds: string[];
}

/** The vault decides who a webhook is from; the gateway never holds inbound secrets. */
@Injectable()
export class VaultInboundClient {
  constructor(@Inject(GatewayConfig) private readonly config: GatewayConfig) {}

  async verify(customerId: string, pathAndQuery: string, headers: Record<string, string>, rawBody: Buffer): Promise<InboundTenant> {
    const response = await this.post('/internal/inbound/verify', { customerId, method: 'POST', pathAndQuery, headers, body: rawBody.toString('base64') });
    if (response.status === 200) return response.json as InboundTenant;
    // Says nothing about why: wrong secret, unknown customer and disabled tenant look alike.
    if (response.status === 401 || response.status === 400) throw new AppException('UNAUTHORIZED', 'authentication failed', 'unauthorized');
    throw new DependencyUnavailableException('credentials-vault', `answered ${response.status}`);
  }

  async issueToken(clientId: string, clientSecret: string): Promise<unknown> {
    const response = await this.post('/internal/inbound/token', { clientId, clientSecret });
    if (response.status === 200) return response.json;
    if (response.status === 401 || response.status === 400) throw new AppException('INVALID_CLIENT', 'client authentication failed', 'unauthorized');
    throw new DependencyUnavailableException('credentials-vault', `answered ${response.status}`);
  }

  private async post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    try {
      const response = await request(`${this.config.VAULT_URL}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SERVICE_TOKEN_HEADER]: this.config.VAULT_SERVICE_TOKEN },
        body: JSON.stringify(body),
        headersTimeout: 5_000,
        bodyTimeout: 5_000,
      });
      return { status: response.statusCode, json: await response.body.json().catch(() => undefined) };
    } catch (error) {
      throw new DependencyUnavailableException('credentials-vault', (error as Error).message);
    }
  }
}
