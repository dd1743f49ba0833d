import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { parseHmacAuthorization, verifySignature } from '@icims-sync/icims-client';
import { sandboxErrors } from '../icims-sandbox.exception';
import { SandboxCustomer } from '../people/sandbox-customer';
import { SandboxStore } from '../people/sandbox-store.service';
import { constantTimeEquals } from '@icims-sync/platform';
import { TokenRegistry } from './token-registry.service';

export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

/** Every iCIMS API call authenticates as its customer: Bearer, Basic or HMAC. */
@Injectable()
export class IcimsAuthGuard implements CanActivate {
  constructor(
    private readonly store: SandboxStore,
    private readonly tokens: TokenRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RawBodyRequest>();
    const customerId = (request.params as { cid?: string }).cid ?? '';
    const customer = this.store.findCustomer(customerId);
    const authorization = request.headers.authorization ?? '';
    if (!customer || !this.accepts(customer, authorization, request)) throw sandboxErrors.badCredentials();
    if (customer.credentials.accessDenied) throw sandboxErrors.accessDenied();
    return true;
  }

  private accepts(customer: SandboxCustomer, authorization: string, request: RawBodyRequest): boolean {
    const { credentials } = customer;
    if (authorization.startsWith('Bearer ')) return this.tokens.customerOf(authorization.slice(7)) === customer.customerId;
    if (authorization.startsWith('Basic ')) {
      const [username, ...rest] = Buffer.from(authorization.slice(6), 'base64').toString().split(':');
      return !!credentials.username && !!credentials.password && constantTimeEquals(username, credentials.username) && constantTimeEquals(rest.join(':'), credentials.password);
    }
    const hmac = parseHmacAuthorization(authorization);
    if (!hmac || !credentials.hmacKey || !credentials.username || !constantTimeEquals(hmac.username, credentials.username)) return false;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    return verifySignature({ method: request.method, pathAndQuery: request.url, headers, body: request.rawBody ?? '' }, hmac, credentials.hmacKey) === 'valid';
  }
}
