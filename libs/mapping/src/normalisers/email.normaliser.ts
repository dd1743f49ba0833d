import isEmail from 'validator/lib/isEmail';
import { Normalised, invalid, normalised } from '../result';
import { describeType } from './text.normaliser';

const ASCII = /^[\x20-\x7e]*$/;
// validator.js measures byte lengths through encodeURI on every call, a quarter of an
// import's CPU. For ASCII, characters are bytes, so the RFC 5321 limits are checked here.
const FAST = { require_tld: true, allow_display_name: false, ignore_max_length: true } as const;
const FULL = { require_tld: true, allow_display_name: false } as const;

/** Trimmed, lower-cased and validated (validator.js, TLD required). */
export function normaliseEmail(raw: unknown): Normalised<string | undefined> {
  if (raw === undefined || raw === null) return normalised(undefined);
  if (typeof raw !== 'string') return invalid('INVALID_EMAIL', `expected an email address, got ${describeType(raw)}`);
  const email = raw.trim().toLowerCase();
  if (email === '') return normalised(undefined);
  return isValidEmail(email) ? normalised(email) : invalid('INVALID_EMAIL', 'not a valid email address');
}

function isValidEmail(email: string): boolean {
  if (!ASCII.test(email)) return isEmail(email, FULL);
  const at = email.lastIndexOf('@');
  return at > 0 && at <= 64 && email.length - at - 1 <= 254 && isEmail(email, FAST);
}
