import { Normalised, invalid, normalised } from '../result';
import { describeType } from './text.normaliser';

const ZIP = /^(\d{5})(?:[- ]?(\d{4}))?$/;

/** US ZIP as `12345` or `12345-6789`. Other countries' postcodes pass through trimmed. */
export function normaliseZip(raw: unknown, countryCode: string | undefined): Normalised<string | undefined> {
  if (raw === undefined || raw === null) return normalised(undefined);
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw).padStart(5, '0') : raw;
  if (typeof text !== 'string') return invalid('INVALID_ZIP', `expected a postal code, got ${describeType(raw)}`);
  const trimmed = text.trim();
  if (trimmed === '') return normalised(undefined);
  if (countryCode !== undefined && countryCode !== 'US') {
    return trimmed.length <= 12 ? normalised(trimmed.toUpperCase()) : invalid('INVALID_ZIP', 'a postal code has at most 12 characters');
  }
  const match = ZIP.exec(trimmed);
  if (!match) return invalid('INVALID_ZIP', 'a US ZIP code is 5 digits or 5+4 digits');
  return normalised(match[2] ? `${match[1]}-${match[2]}` : match[1]);
}
