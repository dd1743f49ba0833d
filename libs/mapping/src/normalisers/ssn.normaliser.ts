import { Normalised, invalid, normalised } from '../result';
import { describeType } from './text.normaliser';

const SSN = /^(\d{3})-?(\d{2})-?(\d{4})$/;

/**
 * SSN as 9 digits. Numbers the SSA never issues (area 000, 666 or 9xx, group 00,
 * serial 0000) are errors. Messages never repeat the value.
 */
export function normaliseSsn(raw: unknown): Normalised<string | undefined> {
  if (raw === undefined || raw === null) return normalised(undefined);
  if (typeof raw !== 'string') return invalid('INVALID_SSN', `expected an SSN string, got ${describeType(raw)}`);
  const text = raw.trim();
  if (text === '') return normalised(undefined);
  const match = SSN.exec(text.replace(/ /g, ''));
  if (!match) return invalid('INVALID_SSN', 'an SSN is 9 digits, optionally as 123-45-6789');
  const [, area, group, serial] = match;
  if (area === '000' || area === '666' || area[0] === '9' || group === '00' || serial === '0000') {
    return invalid('INVALID_SSN', 'not an SSN the SSA issues');
  }
  return normalised(`${area}${group}${serial}`);
}
