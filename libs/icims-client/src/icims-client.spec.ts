import { fieldsNamedIn, retryAfterOf } from './icims-client';

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
