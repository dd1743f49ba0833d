import { maskSsn, redactPii } from './redact';

describe(redactPii.name, () => {
  it('masks the SSN to its last four digits and removes the date of birth', () => {
    const sut = redactPii({ icimsId: '1', ssn: '123456789', dateOfBirth: '1990-02-28', firstName: 'Jane' });

    expect(sut).toEqual({ icimsId: '1', ssn: '***-**-6789', firstName: 'Jane' });
    expect(JSON.stringify(sut)).not.toMatch(/12345|1990/);
  });

  it('leaves the input untouched', () => {
    const input = { ssn: '123-45-6789', dateOfBirth: '1990-02-28' };

    redactPii(input);

    expect(input).toEqual({ ssn: '123-45-6789', dateOfBirth: '1990-02-28' });
  });

  it.each([[42, '***-**-****'], ['12', '***-**-****'], ['123-45-6789', '***-**-6789']])('masks %p as %p', (raw, masked) => expect(maskSsn(raw)).toBe(masked));
});
