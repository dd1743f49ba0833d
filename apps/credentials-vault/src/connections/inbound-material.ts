import { randomBytes } from 'node:crypto';
import { InboundMethod } from '@icims-sync/contracts';

/** Fresh credentials for iCIMS to authenticate its webhooks with: an identity and a 256-bit secret. */
export function generateInboundMaterial(tenantId: string, method: InboundMethod): { identity: string; secret: string } {
  // OAuth client ids are looked up across tenants, so they get a random suffix.
  const identity = method === 'oauth' ? `icims-${tenantId}-${randomBytes(4).toString('hex')}` : `icims-${tenantId}`;
  return { identity, secret: randomBytes(32).toString('base64url') };
}
