import { fieldsNamedIn, parseIcimsDateTime, parseXError, retryAfterOf, toIcimsDateTime } from './icims-client';

describe(retryAfterOf.name, () => {
  it.each([
    ['5', 5_000],
    ['0', 0],
    [undefined, 1_000],
    ['soon', 1_000],
    [['2', '9'], 2_000],
  ])('reads %p as %i ms', (header, expected) => expect(retryAfterOf(header)).toBe(expected));

  it('reads an HTTP date', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfterOf(inTenSeconds)).toBeGreaterThan(8_000);
  });
});

describe(fieldsNamedIn.name, () => {
  it.each([
    [{ errors: [{ errorMessage: 'Required field missing: lastname', errorCode: 1 }] }, ['lastname']],
    [{ errors: [{ errorMessage: 'Required fields missing: firstname, lastname', errorCode: 1 }] }, ['firstname', 'lastname']],
    [{ errors: [{ errorMessage: 'Bad value', errorCode: 1, field: 'email' }] }, ['email']],
    [{ errors: [{ errorMessage: 'Something else', errorCode: 1 }] }, []],
    [undefined, []],
  ])('finds the fields named in %p', (body, fields) => expect(fieldsNamedIn(body)).toEqual(fields));
});

describe(parseXError.name, () => {
  it.each([
    ['FIELD_REQUIRED:lastname:Required field missing: lastname', { code: 'FIELD_REQUIRED', fieldId: 'lastname', detail: 'Required field missing: lastname' }],
    ['INTERNAL_ERROR:An internal error occurred.', { code: 'INTERNAL_ERROR', detail: 'An internal error occurred.' }],
    ['INVALID_VALUE:customfield123:Value too long', { code: 'INVALID_VALUE', fieldId: 'customfield123', detail: 'Value too long' }],
  ])('reads %p', (header, expected) => expect(parseXError(header)).toEqual(expected));

  it.each([[undefined], [''], ['not an x-error']])('answers nothing for %p', (header) => expect(parseXError(header)).toBeUndefined());
});

describe(parseIcimsDateTime.name, () => {
  it('reads back what toIcimsDateTime writes, to the minute', () => {
    const at = new Date('2026-11-28T15:07:42Z');
    expect(new Date(parseIcimsDateTime(toIcimsDateTime(at))).toISOString()).toBe('2026-11-28T15:07:00.000Z');
    expect(parseIcimsDateTime('2026-11-28 12:05 AM')).toBe(Date.parse('2026-11-28T00:05:00Z'));
    expect(parseIcimsDateTime('not a date')).toBeNaN();
  });
});
