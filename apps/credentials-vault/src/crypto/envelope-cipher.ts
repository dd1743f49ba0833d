import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretTamperedException, UnknownKeyIdException } from './crypto.exception';
import { KeyRing } from './key-ring';

/** A secret at rest: data encrypted with its own key, that key wrapped by a key-encryption key. */
export interface SealedSecret {
  v: 1;
  /** Id of the key-encryption key that wraps `wrappedKey`. */
  kid: string;
  /** iv ‖ tag ‖ ciphertext of the 32-byte data key, base64. */
  wrappedKey: string;
  /** iv ‖ tag ‖ ciphertext of the secret, base64. */
  data: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM envelope encryption. `context` (tenant and field) is authenticated with the
 * data, so a ciphertext copied to another tenant or field fails to open.
 */
export class EnvelopeCipher {
  constructor(private readonly ring: KeyRing) {}

  seal(plaintext: string, context: string): SealedSecret {
    const dataKey = randomBytes(32);
    try {
      return {
        v: 1,
        kid: this.ring.activeKeyId,
        wrappedKey: encrypt(this.ring.activeKey, dataKey, `kek:${this.ring.activeKeyId}`).toString('base64'),
        data: encrypt(dataKey, Buffer.from(plaintext, 'utf8'), context).toString('base64'),
      };
    } finally {
      dataKey.fill(0);
    }
  }

  open(sealed: SealedSecret, context: string): string {
    const dataKey = this.unwrap(sealed);
    try {
      return decrypt(dataKey, Buffer.from(sealed.data, 'base64'), context, 'data').toString('utf8');
    } finally {
      dataKey.fill(0);
    }
  }

  /** Re-wraps the data key with the active key-encryption key; the data itself is untouched. */
  rewrap(sealed: SealedSecret): SealedSecret {
    if (sealed.kid === this.ring.activeKeyId) return sealed;
    const dataKey = this.unwrap(sealed);
    try {
      return { ...sealed, kid: this.ring.activeKeyId, wrappedKey: encrypt(this.ring.activeKey, dataKey, `kek:${this.ring.activeKeyId}`).toString('base64') };
    } finally {
      dataKey.fill(0);
    }
  }

  private unwrap(sealed: SealedSecret): Buffer {
    const kek = this.ring.key(sealed.kid);
    if (!kek) throw new UnknownKeyIdException(sealed.kid);
    return decrypt(kek, Buffer.from(sealed.wrappedKey, 'base64'), `kek:${sealed.kid}`, 'data key');
  }
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function decrypt(key: Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SecretTamperedException(`${what} is truncated`);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SecretTamperedException(what);
  }
}
