import { Body, Controller, HttpCode, Inject, Post, UseFilters } from '@nestjs/common';
import { constantTimeEquals } from '@icims-sync/platform';
import { IcimsSandboxErrorFilter, sandboxErrors } from '../icims-sandbox.exception';
import { SandboxStore } from '../people/sandbox-store.service';
import { TokenRegistry } from './token-registry.service';

export const TOKEN_TTL_SECONDS = Symbol('TOKEN_TTL_SECONDS');
const AUDIENCE = 'https://api.icims.com/v1/';

/** iCIMS's login host: OAuth 2.0 client credentials. */
@Controller('oauth')
@UseFilters(IcimsSandboxErrorFilter)
export class OAuthController {
  constructor(
    private readonly store: SandboxStore,
    private readonly tokens: TokenRegistry,
    @Inject(TOKEN_TTL_SECONDS) private readonly ttlSeconds: number,
  ) {}

  @Post('token')
  @HttpCode(200)
  token(@Body() body: Record<string, unknown> | undefined): { access_token: string; token_type: string; expires_in: number } {
    const { grant_type, client_id, client_secret, audience } = body ?? {};
    if (grant_type !== 'client_credentials') throw sandboxErrors.badRequest('grant_type must be client_credentials');
    if (audience !== undefined && audience !== AUDIENCE) throw sandboxErrors.badRequest(`audience must be ${AUDIENCE}`);
    const customer = this.store
      .allCustomers()
      .find(({ credentials }) => !!credentials.clientId && credentials.clientId === client_id && constantTimeEquals(String(client_secret ?? ''), credentials.clientSecret ?? ''));
    if (!customer) throw sandboxErrors.badCredentials();
    return { access_token: this.tokens.issue(customer.customerId, this.ttlSeconds), token_type: 'Bearer', expires_in: this.ttlSeconds };
  }
}
