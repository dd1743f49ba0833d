import { Inject, Injectable } from '@nestjs/common';
import { VaultInternalClient } from '@icims-sync/icims-client';
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
  private readonly vault: VaultInternalClient;

  constructor(@Inject(GatewayConfig) config: GatewayConfig) {
    this.vault = new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN);
  }

  async verify(customerId: string, pathAndQuery: string, headers: Record<string, string>, rawBody: Buffer): Promise<InboundTenant> {
    const response = await this.vault.post('/internal/inbound/verify', { customerId, method: 'POST', pathAndQuery, headers, body: rawBody.toString('base64') });
    if (response.status === 200) return response.json as InboundTenant;
    // Says nothing about why: wrong secret, unknown customer and disabled tenant look alike.
    if (response.status === 401 || response.status === 400) throw new AppException('UNAUTHORIZED', 'authentication failed', 'unauthorized');
    throw new DependencyUnavailableException('credentials-vault', `answered ${response.status}`);
  }

  async issueToken(clientId: string, clientSecret: string): Promise<unknown> {
    const response = await this.vault.post('/internal/inbound/token', { clientId, clientSecret });
    if (response.status === 200) return response.json;
    if (response.status === 401 || response.status === 400) throw new AppException('INVALID_CLIENT', 'client authentication failed', 'unauthorized');
    throw new DependencyUnavailableException('credentials-vault', `answered ${response.status}`);
  }
}
