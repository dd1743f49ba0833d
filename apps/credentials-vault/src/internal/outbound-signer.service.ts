import { Inject, Injectable } from '@nestjs/common';
import { OutboundAuthorization } from '@icims-sync/contracts';
import { OAuthTokenCache, signRequest } from '@icims-sync/icims-client';
import { AppException } from '@icims-sync/platform';
import { CredentialsVaultConfig } from '../config/app.config';
import { ConnectionRepository } from '../connections/connection.repository';
import { icimsHostsOf } from '../connections/icims-hosts';
import { VaultSecrets } from '../connections/vault-secrets.service';
import { AuthorizeRequestDto } from './internal.dto';

/** `authorize(tenant, method, url, bodyHash)`: the headers for one iCIMS request (a bearer token's for a while). */
@Injectable()
export class OutboundSigner {
  private readonly tokens = new OAuthTokenCache();

  constructor(
    private readonly connections: ConnectionRepository,
    private readonly secrets: VaultSecrets,
    @Inject(CredentialsVaultConfig) private readonly config: CredentialsVaultConfig,
  ) {}

  async authorize(request: AuthorizeRequestDto): Promise<OutboundAuthorization> {
    const connection = await this.connections.find(request.tenantId);
    if (!connection?.enabled) throw new AppException('TENANT_NOT_ENABLED', `the iCIMS integration is not enabled for tenant ${request.tenantId}`, 'not_found');
    const outbound = connection.outbound;
    if (!outbound?.secret) throw new AppException('NOT_CONNECTED', `tenant ${request.tenantId} has no iCIMS credentials yet`, 'conflict');
    const hosts = icimsHostsOf(outbound.region, { api: this.config.ICIMS_API_URL_OVERRIDE, token: this.config.ICIMS_TOKEN_URL_OVERRIDE });
    const url = new URL(request.url);
    // The vault signs only for the tenant's own iCIMS host, never for an arbitrary URL.
    if (url.origin !== new URL(hosts.api).origin) {
      throw new AppException('FOREIGN_HOST', `requests for tenant ${request.tenantId} go to ${new URL(hosts.api).origin} only`, 'forbidden');
    }
    const secret = this.secrets.open(request.tenantId, 'outbound.secret', outbound.secret);
    if (outbound.method === 'oauth2') {
      const token = await this.tokens.get(request.tenantId, { clientId: outbound.clientId!, clientSecret: secret, tokenUrl: hosts.token });
      return { headers: { authorization: `Bearer ${token.value}` }, reusableForMs: token.usableForMs };
    }
    const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
    return { headers: signRequest({ method: request.method, pathAndQuery: `${url.pathname}${url.search}`, headers: { ...headers, host: url.host }, bodySha256: request.bodySha256 }, outbound.username!, secret) };
  }

  invalidate(tenantId: string): void {
    this.tokens.invalidate(tenantId);
  }
}
