import fc from 'fast-check';
import { normaliseCountry } from './country.normaliser';
import { normaliseDate } from './date.normaliser';
import { normaliseEmail } from './email.normaliser';
import { normaliseSsn } from './ssn.normaliser';
import { normaliseIcimsId, normaliseText } from './text.normaliser';
import { normaliseUsState } from './us-state.normaliser';
import { normaliseZip } from './zip.normaliser';

const value = (result: { ok: boolean; value?: unknown; code?: string }) => (result.ok ? result.value : `!${result.code}`);

describe('normalisers', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    [' 2026-12-01 ', '2026-12-01'],
    ['2026-12-01 09:30 AM', '2026-12-01'],
    ['2026-12-01 12:05pm', '2026-12-01'],
    ['2026-12-01T23:59:59.123Z', '2026-12-01'],
    ['2024-02-29', '2024-02-29'],
    ['', undefined],
    [null, undefined],
    ['2025-02-29', '!INVALID_DATE'],
    ['2026-13-01', '!INVALID_DATE'],
    ['2026-12-01 13:30 PM', '!INVALID_DATE'],
    ['12/01/2026', '!INVALID_DATE'],
    ['1850-01-01', '!INVALID_DATE'],
    [20261201, '!INVALID_DATE'],
  ])('date %p -> %p', (raw, expected) => expect(value(normaliseDate(raw))).toBe(expected));

  it.each([
    ['TX', undefined, 'TX'],
    ['tx', 'US', 'TX'],
    ['Texas', 'US', 'TX'],
    [' new york ', 'US', 'NY'],
    [{ id: 'D1', value: 'District of Columbia' }, 'US', 'DC'],
    ['Puerto Rico', 'US', 'PR'],
    ['Texass', 'US', '!INVALID_US_STATE'],
    ['XX', undefined, '!INVALID_US_STATE'],
    ['Bavaria', 'DE', 'Bavaria'],
  ])('US state %p in %p -> %p', (raw, country, expected) => expect(value(normaliseUsState(raw, country))).toBe(expected));

  it.each([
    ['United States', 'US'],
    ['united states of america', 'US'],
    ['USA', 'US'],
    ['us', 'US'],
    ['DEU', 'DE'],
    [{ id: 'D1', value: 'United Kingdom' }, 'GB'],
    ['Atlantis', '!INVALID_COUNTRY'],
  ])('country %p -> %p', (raw, expected) => expect(value(normaliseCountry(raw))).toBe(expected));

  it.each([
    ['78701', 'US', '78701'],
    ['78701-1234', 'US', '78701-1234'],
    ['787011234', undefined, '78701-1234'],
    [2134, 'US', '02134'],
    ['7870', 'US', '!INVALID_ZIP'],
    ['78701-12', 'US', '!INVALID_ZIP'],
    ['sw1a 1aa', 'GB', 'SW1A 1AA'],
  ])('zip %p in %p -> %p', (raw, country, expected) => expect(value(normaliseZip(raw, country))).toBe(expected));

  it.each([
    ['123-45-6789', '123456789'],
    ['123 45 6789', '123456789'],
    ['123456789', '123456789'],
    ['000-12-3456', '!INVALID_SSN'],
    ['666-12-3456', '!INVALID_SSN'],
    ['912-12-3456', '!INVALID_SSN'],
    ['123-00-6789', '!INVALID_SSN'],
    ['123-45-0000', '!INVALID_SSN'],
    ['12-345-6789', '!INVALID_SSN'],
    [123456789, '!INVALID_SSN'],
  ])('ssn %p -> %p', (raw, expected) => expect(value(normaliseSsn(raw))).toBe(expected));

  it.each([
    [' Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['a+tag@sub.example.io', 'a+tag@sub.example.io'],
    ['jane@localhost', '!INVALID_EMAIL'],
    ['jane.doe@', '!INVALID_EMAIL'],
    ['Jane <jane@example.com>', '!INVALID_EMAIL'],
    [42, '!INVALID_EMAIL'],
  ])('email %p -> %p', (raw, expected) => expect(value(normaliseEmail(raw))).toBe(expected));

  it.each([
    [{ id: 'C1', value: 'ENG2', formattedvalue: 'Engineer II' }, 'ENG2'],
    [{ profile: 'x', id: '77', value: 'Sam' }, 'Sam'],
    ['  x ', 'x'],
    [7, '7'],
    [[1], '!INVALID_TYPE'],
    ['y'.repeat(300), '!TOO_LONG'],
  ])('text %p -> %p', (raw, expected) => expect(value(normaliseText(raw))).toBe(expected));

  it.each([['1930', '1930'], [1930, '1930'], ['19 30', '!INVALID_ID'], [-1, '!INVALID_ID'], [1.5, '!INVALID_ID']])(
    'iCIMS id %p -> %p',
    (raw, expected) => expect(value(normaliseIcimsId(raw))).toBe(expected),
  );

  it('every normaliser answers any JSON value without throwing', () => {
    const all = [normaliseDate, normaliseEmail, normaliseSsn, normaliseCountry, normaliseText, normaliseIcimsId, (raw: unknown) => normaliseUsState(raw, 'US'), (raw: unknown) => normaliseZip(raw, 'US')];
    fc.assert(fc.property(fc.jsonValue(), (raw) => all.forEach((normalise) => expect(typeof normalise(raw).ok).toBe('boolean'))), { numRuns: 2_000 });
  });
});

describe('email length limits (RFC 5321)', () => {
  it.each([
    [`${'a'.repeat(64)}@example.com`, true],
    [`${'a'.repeat(65)}@example.com`, false],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(57)}.io`, true],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.io`, false],
    [`${'é'.repeat(33)}@example.com`, false],
  ])('%s valid: %p', (email, valid) => expect(normaliseEmail(email).ok).toBe(valid));
});
