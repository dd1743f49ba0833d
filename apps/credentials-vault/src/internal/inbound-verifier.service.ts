import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { InboundVerdict } from '@icims-sync/contracts';
import { parseHmacAuthorization, verifySignature } from '@icims-sync/icims-client';
import { AppException, constantTimeEquals } from '@icims-sync/platform';
import { ConnectionRepository } from '../connections/connection.repository';
import { VaultSecrets } from '../connections/vault-secrets.service';
import { InboundTokenDto, VerifyInboundDto } from './internal.dto';

/** Basic credentials have no expiry; the caller's own cache bounds the reuse. */
const BASIC_REUSABLE_MS = 3_600_000;

export const INBOUND_TOKEN_TTL_SECONDS = 3_600;

/** One answer for every failure: a caller learns nothing about why. */
const denied = () => new AppException('INBOUND_DENIED', 'authentication failed', 'unauthorized');

/** `verifyInbound(customerId, headers, rawBody)`: the tenant an iCIMS webhook belongs to, or a denial. */
@Injectable()
export class InboundVerifier {
  constructor(
    private readonly connections: ConnectionRepository,
    private readonly secrets: VaultSecrets,
  ) {}

  async verify(request: VerifyInboundDto): Promise<InboundVerdict> {
    const connection = await this.connections.findByCustomerId(request.customerId);
    const inbound = connection?.enabled ? connection.inbound : undefined;
    if (!connection || !inbound) throw denied();
    const secret = this.secrets.open(connection._id, 'inbound.secret', inbound.secret);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key.toLowerCase(), String(value)]));
    const authorization = headers.authorization ?? '';
    let reusableForMs: number | undefined;
    if (inbound.method === 'basic') {
      if (!acceptsBasic(authorization, inbound.identity, secret)) throw denied();
      reusableForMs = BASIC_REUSABLE_MS;
    } else if (inbound.method === 'hmac') {
      if (!acceptsHmac(request, headers, inbound.identity, secret)) throw denied();
    } else {
      const lifetimeMs = bearerLifetimeMs(authorization, connection._id, secret);
      if (lifetimeMs === undefined) throw denied();
      reusableForMs = lifetimeMs;
    }
    return { tenantId: connection._id, profile: connection.profile, hiredStatusIds: connection.hiredStatusIds, reusableForMs };
  }

  /** The token endpoint iCIMS calls with the client id and secret the admin gave it. */
  async issueToken(request: InboundTokenDto): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    const connection = await this.connections.findByInboundIdentity(request.clientId);
    const inbound = connection?.enabled ? connection.inbound : undefined;
    if (!connection || inbound?.method !== 'oauth') throw denied();
    const secret = this.secrets.open(connection._id, 'inbound.secret', inbound.secret);
    if (!constantTimeEquals(request.clientSecret, secret)) throw denied();
    const expiresAt = Date.now() + INBOUND_TOKEN_TTL_SECONDS * 1000;
    return { access_token: tokenFor(connection._id, expiresAt, secret), token_type: 'Bearer', expires_in: INBOUND_TOKEN_TTL_SECONDS };
  }
}

function acceptsBasic(authorization: string, identity: string, secret: string): boolean {
  if (!authorization.startsWith('Basic ')) return false;
  const [username, ...rest] = Buffer.from(authorization.slice(6), 'base64').toString().split(':');
  return constantTimeEquals(username, identity) && constantTimeEquals(rest.join(':'), secret);
}

function acceptsHmac(request: VerifyInboundDto, headers: Record<string, string>, identity: string, secret: string): boolean {
  const parsed = parseHmacAuthorization(headers.authorization);
  if (!parsed || !constantTimeEquals(parsed.username, identity)) return false;
  return verifySignature({ method: request.method, pathAndQuery: request.pathAndQuery, headers, body: Buffer.from(request.body, 'base64') }, parsed, secret) === 'valid';
}

/** Stateless tokens: `v1.<tenant>.<expiry ms>.<HMAC with the tenant's inbound secret>`. Any vault replica can check one. */
function tokenFor(tenantId: string, expiresAt: number, secret: string): string {
  const payload = `v1.${tenantId}.${expiresAt}`;
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('hex')}`;
}

/** The token's remaining life; undefined when it is not a valid, unexpired token of this tenant. */
function bearerLifetimeMs(authorization: string, tenantId: string, secret: string): number | undefined {
  const match = /^Bearer (v1\.([a-z0-9-]+)\.(\d+))\.([0-9a-f]{64})$/.exec(authorization);
  const lifetimeMs = match ? Number(match[3]) - Date.now() : 0;
  if (!match || match[2] !== tenantId || lifetimeMs <= 0) return undefined;
  return constantTimeEquals(match[4], createHmac('sha256', secret).update(match[1]).digest('hex')) ? lifetimeMs : undefined;
}
