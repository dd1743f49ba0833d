import { AppException } from '@icims-sync/platform';

/** A ciphertext names a key-encryption key the ring does not hold. */
export class UnknownKeyIdException extends AppException {
  constructor(keyId: string) {
    super('UNKNOWN_KEY_ID', `no key-encryption key with id "${keyId}" is loaded; add it to the key ring (VAULT_KEK_FILE or VAULT_KEKS) to read this secret`, 'internal', { keyId });
  }
}

/** Authentication failed: the ciphertext, its wrapped key or its context was altered. */
export class SecretTamperedException extends AppException {
  constructor(context: string) {
    super('SECRET_TAMPERED', `a stored secret failed its integrity check (${context}); it was altered or belongs elsewhere`, 'internal', { context });
  }
}
