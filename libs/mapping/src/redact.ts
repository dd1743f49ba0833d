/**
 * A copy safe for logs and audit documents: SSN masked to its last four digits
 * (`***-**-1234`), date of birth removed.
 */
export function redactPii<T extends object>(record: T): Omit<T, 'dateOfBirth'> {
  const copy = { ...record } as Record<string, unknown>;
  delete copy.dateOfBirth;
  if ('ssn' in copy && copy.ssn !== undefined && copy.ssn !== null) copy.ssn = maskSsn(copy.ssn);
  return copy as Omit<T, 'dateOfBirth'>;
}

export function maskSsn(ssn: unknown): string {
  const digits = typeof ssn === 'string' ? ssn.replace(/\D/g, '') : '';
  return digits.length >= 4 ? `***-**-${digits.slice(-4)}` : '***-**-****';
}
