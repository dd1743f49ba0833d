import { Normalised, invalid, normalised } from '../result';

const MAX_TEXT = 255;

/**
 * A plain string, or the code of an iCIMS list value `{id, value, formattedvalue}` or
 * person reference `{profile, id, value}`. Blank means absent (`undefined`).
 */
export function normaliseText(raw: unknown, maxLength = MAX_TEXT): Normalised<string | undefined> {
  if (raw === undefined || raw === null) return normalised(undefined);
  if (typeof raw === 'number' && Number.isFinite(raw)) return normalised(String(raw));
  if (typeof raw === 'object' && !Array.isArray(raw)) return normaliseText((raw as { value?: unknown }).value, maxLength);
  if (typeof raw !== 'string') return invalid('INVALID_TYPE', `expected text, got ${describeType(raw)}`);
  const text = raw.trim();
  if (text.length > maxLength) return invalid('TOO_LONG', `longer than ${maxLength} characters`);
  return normalised(text === '' ? undefined : text);
}

/** iCIMS ids are decimal strings; numbers are accepted when they are whole and safe. */
export function normaliseIcimsId(raw: unknown): Normalised<string | undefined> {
  if (raw === undefined || raw === null || raw === '') return normalised(undefined);
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,20}$/.test(text.trim())) return invalid('INVALID_ID', 'an iCIMS id is 1 to 20 digits');
  return normalised(text.trim());
}

/** For error messages: the kind of a value, never the value (it may be PII). */
export function describeType(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  return typeof raw === 'object' ? 'an object' : `a ${typeof raw}`;
}
