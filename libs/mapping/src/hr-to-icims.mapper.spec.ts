import fc from 'fast-check';
import { changedSyncedFields } from './diff';
import { HrEmployee } from './hr-employee';
import { mapEmployeeToIcimsPatch } from './hr-to-icims.mapper';
import { DEFAULT_ICIMS_FIELD_IDS } from './icims-field-ids.constant';
import { mapIcimsPersonToEmployee } from './icims-to-hr.mapper';

describe(mapEmployeeToIcimsPatch.name, () => {
  it('maps every row of the HR -> iCIMS table, with the iCIMS ID as the path', () => {
    const sut = mapEmployeeToIcimsPatch({ icimsId: '1930', firstName: 'Jane', lastName: 'Doe', employeeNumber: 'ADP-77', startDate: '2026-12-01', separationDate: '2027-06-30 05:00 PM', ssn: '123456789' });

    expect(sut).toEqual({
      ok: true,
      value: { personId: '1930', body: { firstname: 'Jane', lastname: 'Doe', adpassociateid: 'ADP-77', hiredate: '2026-12-01', enddate: '2027-06-30' } },
      warnings: [],
    });
  });

  it('clears a value iCIMS holds with null when HR has none', () => {
    const sut = mapEmployeeToIcimsPatch({ icimsId: '1', firstName: 'A', lastName: 'B', separationDate: '' });

    expect(sut.ok && sut.value.body).toMatchObject({ enddate: null, adpassociateid: null });
  });

  it('sends only the fields it is asked to, under the tenant\'s field ids', () => {
    const sut = mapEmployeeToIcimsPatch(
      { icimsId: '1', firstName: 'A', lastName: 'B', employeeNumber: 'E9' },
      { onlyFields: ['employeeNumber'], fieldIds: { ...DEFAULT_ICIMS_FIELD_IDS, adpAssociateId: 'customfield77' } },
    );

    expect(sut.ok && sut.value.body).toEqual({ customfield77: 'E9' });
  });

  it.each([
    [{ firstName: 'A', lastName: 'B' }, [['icimsId', 'REQUIRED']]],
    [{ icimsId: 'abc', firstName: 'A', lastName: 'B' }, [['icimsId', 'INVALID_ID']]],
    [{ icimsId: '1', lastName: 'B', startDate: 'soon' }, [['firstName', 'REQUIRED'], ['startDate', 'INVALID_DATE']]],
    ['not an employee', [['(employee)', 'NOT_AN_OBJECT']]],
  ])('names every bad field of %p', (employee, errors) => {
    const sut = mapEmployeeToIcimsPatch(employee);

    expect(sut.ok).toBe(false);
    expect(!sut.ok && sut.errors.map(({ field, code }) => [field, code])).toEqual(errors);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.jsonValue(), (employee) => expect(typeof mapEmployeeToIcimsPatch(employee).ok).toBe('boolean')), { numRuns: 2_000 });
  });

  it('HR -> iCIMS -> HR is the identity on the shared fields', () => {
    const name = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() === text && text.length > 0);
    const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const employee = fc.record({ icimsId: fc.stringMatching(/^[1-9]\d{0,9}$/), firstName: name, lastName: name, startDate: fc.option(date, { nil: undefined }) });

    fc.assert(
      fc.property(employee, (original) => {
        const patch = mapEmployeeToIcimsPatch(original);
        if (!patch.ok) throw new Error(JSON.stringify(patch.errors));
        const person = { ...patch.value.body, id: patch.value.personId, email: 'someone@example.com' };
        const back = mapIcimsPersonToEmployee(person, { profile: 'hrcloud' });
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        const shared = (e: Partial<HrEmployee>) => ({ icimsId: e.icimsId, firstName: e.firstName, lastName: e.lastName, startDate: e.startDate });
        expect(shared(back.value)).toEqual(shared(original));
        expect(changedSyncedFields('export', original, { ...back.value, employeeNumber: undefined, separationDate: undefined })).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });
});
