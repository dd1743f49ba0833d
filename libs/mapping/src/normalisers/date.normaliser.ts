import { Normalised, invalid, normalised } from '../result';
import { describeType } from './text.normaliser';

// iCIMS dates are `yyyy-mm-dd`; datetimes are UTC `yyyy-mm-dd hh:mm a`. ISO-8601 also occurs.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ICIMS_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}) ?([AaPp][Mm])$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Any accepted date or datetime form to `yyyy-mm-dd`; impossible dates are errors. */
export function normaliseDate(raw: unknown): Normalised<string | undefined> {
  if (raw === undefined || raw === null) return normalised(undefined);
  if (typeof raw !== 'string') return invalid('INVALID_DATE', `expected a date string, got ${describeType(raw)}`);
  const text = raw.trim();
  if (text === '') return normalised(undefined);
  const match = DATE.exec(text) ?? ICIMS_DATETIME.exec(text) ?? ISO_DATETIME.exec(text);
  if (!match) return invalid('INVALID_DATE', 'expected yyyy-mm-dd, "yyyy-mm-dd hh:mm AM" or ISO-8601');
  const [, year, month, day] = match;
  if (match[4] !== undefined && match[6] !== undefined && !isClockTime(Number(match[4]), Number(match[5]))) {
    return invalid('INVALID_DATE', 'the time of day is not valid');
  }
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return invalid('INVALID_DATE', 'not a calendar date');
  return normalised(`${year}-${month}-${day}`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function isClockTime(hour: number, minute: number): boolean {
  return hour >= 1 && hour <= 12 && minute <= 59;
}
