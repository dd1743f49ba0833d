import { Inject, Injectable } from '@nestjs/common';
import { JWTPayload, JWTVerifyGetKey, createRemoteJWKSet, jwtVerify } from 'jose';
import { AppException } from '@icims-sync/platform';
import { GatewayConfig } from '../config/app.config';

/** What the gateway takes from a verified admin token. */
export interface AdminClaims {
  userId: string;
  tenantId: string;
  roles: string[];
  displayName: string;
}

const unauthenticated = (message: string) => new AppException('AUTHENTICATION_REQUIRED', message, 'unauthorized');

/** A sign-in older than this is refused whatever its `exp` says: a token that never expires is no sign-in. */
const MAX_TOKEN_AGE = '12h';
/** The algorithms each kind of key may sign with; nothing else is accepted (no `none`, no other HS size). */
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** Verifies admin bearer tokens: algorithm, signature, issuer, audience, `exp`, `iat` within the maximum age, then the claims we rely on. */
@Injectable()
export class AdminTokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(@Inject(GatewayConfig) private readonly config: GatewayConfig) {
    this.key = config.ADMIN_JWT_SECRET ? new TextEncoder().encode(config.ADMIN_JWT_SECRET) : createRemoteJWKSet(new URL(config.ADMIN_JWKS_URL!));
  }

  async verify(authorization: string | undefined): Promise<AdminClaims> {
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('sign in first: this API needs an HR admin bearer token');
    let payload: JWTPayload;
    try {
      const options = {
        issuer: this.config.ADMIN_JWT_ISSUER,
        audience: this.config.ADMIN_JWT_AUDIENCE,
        algorithms: typeof this.key === 'function' ? JWKS_ALGORITHMS : SECRET_ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: MAX_TOKEN_AGE,
        clockTolerance: 30,
      };
      payload = (typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options)).payload;
    } catch {
      throw unauthenticated('the bearer token is invalid or has expired; sign in again');
    }
    const { sub, tenantId, roles, name } = payload as JWTPayload & { tenantId?: unknown; roles?: unknown; name?: unknown };
    if (typeof sub !== 'string' || typeof tenantId !== 'string' || !Array.isArray(roles)) throw unauthenticated('the bearer token lacks the sub, tenantId or roles claim');
    return { userId: sub, tenantId, roles: roles.map(String), displayName: typeof name === 'string' && name ? name : sub };
  }
}
