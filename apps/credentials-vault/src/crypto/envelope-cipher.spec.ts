import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { SecretTamperedException, UnknownKeyIdException } from './crypto.exception';
import { EnvelopeCipher } from './envelope-cipher';
import { KeyRing } from './key-ring';

const key = () => randomBytes(32).toString('base64');

function ring(spec: string, active?: string): KeyRing {
  const parsed = KeyRing.parse(spec, active);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.ring;
}

describe(EnvelopeCipher.name, () => {
  const k1 = key();
  const k2 = key();

  it('opens what it sealed, for any text, and never stores the text', () => {
    const sut = new EnvelopeCipher(ring(`k1:${k1}`));
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (secret) => {
        const sealed = sut.seal(secret, 'acme:clientSecret');
        expect(sut.open(sealed, 'acme:clientSecret')).toBe(secret);
        // Short strings can occur in base64 by chance; longer ones cannot, realistically.
        if (secret.length > 8) expect(JSON.stringify(sealed)).not.toContain(secret);
      }),
    );
  });

  it('uses a new data key and IV every time', () => {
    const sut = new EnvelopeCipher(ring(`k1:${k1}`));
    const [a, b] = [sut.seal('same', 'ctx'), sut.seal('same', 'ctx')];

    expect(a.data).not.toBe(b.data);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a).toMatchObject({ v: 1, kid: 'k1' });
  });

  it('refuses a ciphertext moved to another tenant or field', () => {
    const sut = new EnvelopeCipher(ring(`k1:${k1}`));
    const sealed = sut.seal('s3cret', 'acme:clientSecret');

    expect(() => sut.open(sealed, 'globex:clientSecret')).toThrow(SecretTamperedException);
  });

  it('refuses a tampered ciphertext or wrapped key', () => {
    const sut = new EnvelopeCipher(ring(`k1:${k1}`));
    const sealed = sut.seal('s3cret', 'ctx');
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64');
      bytes[bytes.length - 1] ^= 1;
      return bytes.toString('base64');
    };

    expect(() => sut.open({ ...sealed, data: flip(sealed.data) }, 'ctx')).toThrow(/integrity check \(data\)/);
    expect(() => sut.open({ ...sealed, wrappedKey: flip(sealed.wrappedKey) }, 'ctx')).toThrow(/integrity check \(data key\)/);
    expect(() => sut.open({ ...sealed, data: '' }, 'ctx')).toThrow(/truncated/);
  });

  it('rotates: new secrets use the new key, rewrap moves old ones, and the old key can then go', () => {
    const before = new EnvelopeCipher(ring(`k1:${k1}`));
    const old = before.seal('s3cret', 'ctx');
    const during = new EnvelopeCipher(ring(`k1:${k1}\nk2:${k2}`, 'k2'));

    expect(during.seal('new', 'ctx').kid).toBe('k2');
    const rewrapped = during.rewrap(old);
    expect(rewrapped).toMatchObject({ kid: 'k2', data: old.data });
    expect(rewrapped.wrappedKey).not.toBe(old.wrappedKey);
    expect(during.rewrap(rewrapped)).toBe(rewrapped);

    const after = new EnvelopeCipher(ring(`k2:${k2}`));
    expect(after.open(rewrapped, 'ctx')).toBe('s3cret');
    expect(() => after.open(old, 'ctx')).toThrow(UnknownKeyIdException);
    expect(() => after.open(old, 'ctx')).toThrow('no key-encryption key with id "k1" is loaded');
  });
});

describe(KeyRing.name, () => {
  it.each([
    ['', undefined, 'no key-encryption key is configured'],
    ['k1:c2hvcnQ=', undefined, 'key "k1": must be 32 bytes of base64 (openssl rand -base64 32), got 5'],
    [`bad id!:${key()}`, undefined, 'key 1: expected "id:base64key"'],
    [`k1:${key()},k2:${key()}`, undefined, 'several keys are loaded: set VAULT_ACTIVE_KEK_ID'],
    [`k1:${key()}`, 'k9', 'VAULT_ACTIVE_KEK_ID "k9" is not among the loaded keys'],
  ])('explains what is wrong with %p (active %p)', (spec, active, problem) => {
    const parsed = KeyRing.parse(spec, active);

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join('; ')).toContain(problem);
  });

  it('reads a mounted key file with comments and picks the only key as active', () => {
    const parsed = KeyRing.parse(`# rotated 2026-11\nk1:${key()}\n`, undefined);

    expect(parsed.ok && parsed.ring.activeKeyId).toBe('k1');
  });
});
