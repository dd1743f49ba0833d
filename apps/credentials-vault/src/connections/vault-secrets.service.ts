import { Injectable } from '@nestjs/common';
import { EnvelopeCipher, SealedSecret } from '../crypto/envelope-cipher';

export type SecretField = 'outbound.secret' | 'inbound.secret';

/** Seals and opens a tenant's secrets, bound to the tenant and field they belong to. */
@Injectable()
export class VaultSecrets {
  constructor(private readonly cipher: EnvelopeCipher) {}

  seal(tenantId: string, field: SecretField, plaintext: string): SealedSecret {
    return this.cipher.seal(plaintext, `${tenantId}:${field}`);
  }

  open(tenantId: string, field: SecretField, sealed: SealedSecret): string {
    return this.cipher.open(sealed, `${tenantId}:${field}`);
  }

  rewrap(sealed: SealedSecret): SealedSecret {
    return this.cipher.rewrap(sealed);
  }
}

/** The last four characters, the only part of a secret shown after it is saved. */
export function hintOf(secret: string): string {
  return secret.length <= 4 ? '****' : `****${secret.slice(-4)}`;
}
