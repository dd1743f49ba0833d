import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { changedSyncedFields, syncedValuesHash } from './diff';
import { EXPORTED_FIELDS, IMPORTED_FIELDS } from './hr-employee';

describe(changedSyncedFields.name, () => {
  const previous = { icimsId: '1', firstName: 'Jane', lastName: 'Doe', city: 'Austin', employeeNumber: 'E1', ssn: '123456789' };

  it('names the import fields that changed', () => {
    expect(changedSyncedFields('import', previous, { ...previous, city: 'Dallas', ssn: '123456780', employeeNumber: 'E2' })).toEqual(['city', 'ssn']);
  });

  it('names the export fields that changed', () => {
    expect(changedSyncedFields('export', previous, { ...previous, city: 'Dallas', employeeNumber: 'E2' })).toEqual(['employeeNumber']);
  });

  it('treats absent, null and empty as the same', () => {
    expect(changedSyncedFields('export', { ...previous, separationDate: undefined }, { ...previous, separationDate: '' })).toEqual([]);
  });

  it('reports every field with a value when there is no previous snapshot', () => {
    expect(changedSyncedFields('export', undefined, previous)).toEqual(['icimsId', 'firstName', 'lastName', 'employeeNumber']);
  });

  it('diff(x, x) is empty', () => {
    const record = fc.dictionary(fc.constantFrom(...IMPORTED_FIELDS, ...EXPORTED_FIELDS), fc.oneof(fc.string(), fc.constant(undefined)));
    fc.assert(fc.property(record, fc.constantFrom('import' as const, 'export' as const), (x, direction) => expect(changedSyncedFields(direction, x, { ...x })).toEqual([])));
  });
});

describe(syncedValuesHash.name, () => {
  const employee = { icimsId: '1', firstName: 'Jane', lastName: 'Doe', ssn: '123456789' };
  const key = (tenantId: string, secret = 'a-key-kept-out-of-the-database') => ({ secret, tenantId });

  it('is equal for equal synced values, empty and absent alike', () => {
    expect(syncedValuesHash('import', key('t'), employee)).toBe(syncedValuesHash('import', key('t'), { ...employee, city: '' }));
  });

  it('changes with any synced value, and with the tenant', () => {
    const base = syncedValuesHash('import', key('t'), employee);
    expect(syncedValuesHash('import', key('t'), { ...employee, ssn: '123456780' })).not.toBe(base);
    expect(syncedValuesHash('import', key('other'), employee)).not.toBe(base);
  });

  it('cannot be recomputed from the database alone: the same tenant and values under another key differ', () => {
    const withoutTheKey = createHash('sha256').update('t').update('\0').update(JSON.stringify([['icimsId', '1']])).digest('base64url');
    expect(syncedValuesHash('import', key('t', 'another-key-entirely'), employee)).not.toBe(syncedValuesHash('import', key('t'), employee));
    expect(syncedValuesHash('import', key('t'), employee)).not.toBe(withoutTheKey);
  });

  it('holds no value in clear', () => {
    expect(syncedValuesHash('import', key('t'), employee)).not.toMatch(/Jane|123456789/);
  });
});
