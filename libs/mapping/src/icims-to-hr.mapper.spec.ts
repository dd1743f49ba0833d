import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { HrProfile } from './hr-profile';
import { DEFAULT_ICIMS_FIELD_IDS, resolveFieldIds } from './icims-field-ids.constant';
import { mapIcimsPersonToEmployee } from './icims-to-hr.mapper';

interface Fixture {
  description: string;
  profile: HrProfile;
  person: unknown;
  personId?: string;
  managers?: Record<string, string>;
  fieldIds?: Record<string, string>;
  expected?: { employee: Record<string, string>; warnings: string[] };
  expectedErrors?: { field: string; code: string }[];
}

const FIXTURES = path.resolve(__dirname, '../fixtures');
const load = (kind: 'valid' | 'invalid'): [string, Fixture][] =>
  fs.readdirSync(path.join(FIXTURES, kind)).sort().map((file) => [file.replace('.json', ''), JSON.parse(fs.readFileSync(path.join(FIXTURES, kind, file), 'utf8'))]);

function run(fixture: Fixture) {
  const fieldIds = resolveFieldIds(fixture.fieldIds);
  if (!fieldIds.ok) throw new Error(`fixture has bad field ids: ${fieldIds.invalid.join(', ')}`);
  return mapIcimsPersonToEmployee(fixture.person, {
    profile: fixture.profile,
    personId: fixture.personId,
    fieldIds: fieldIds.fieldIds,
    resolveManager: (id) => fixture.managers?.[id],
  });
}

describe(mapIcimsPersonToEmployee.name, () => {
  describe.each(load('valid'))('valid/%s', (_name, fixture) => {
    it(fixture.description, () => {
      const sut = run(fixture);

      expect(sut.ok).toBe(true);
      if (!sut.ok) return;
      expect(sut.value).toEqual(fixture.expected!.employee);
      expect(sut.warnings.map((warning) => warning.code)).toEqual(fixture.expected!.warnings);
    });
  });

  describe.each(load('invalid'))('invalid/%s', (_name, fixture) => {
    it(fixture.description, () => {
      const sut = run(fixture);

      expect(sut.ok).toBe(false);
      if (sut.ok) return;
      expect(sut.errors.map(({ field, code }) => ({ field, code }))).toEqual(fixture.expectedErrors);
      for (const error of sut.errors) expect(error.message).toMatch(new RegExp(`^${error.field.replace(/[()]/g, '\\$&')}|^an iCIMS person`));
    });
  });

  it('never repeats a bad value in its error messages (they may be PII)', () => {
    const sut = mapIcimsPersonToEmployee({ id: '1', firstname: 'A', lastname: 'B', email: 'x@y.io', usssn: '666-12-3456', birthdate: '1990-13-45' }, { profile: 'hrcloud' });

    expect(JSON.stringify(sut)).not.toMatch(/666|1990-13/);
  });

  it('returns a result, never throws, for any JSON value as a person', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom<HrProfile>('hrcloud', 'namely'), (person, profile) => {
        const sut = mapIcimsPersonToEmployee(person, { profile, resolveManager: () => undefined });
        expect(typeof sut.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });

  it('returns a result, never throws, for persons whose synced fields hold any JSON', () => {
    const field = fc.oneof(fc.jsonValue(), fc.string(), fc.constant(undefined));
    const address = fc.record({ addressstreet1: field, addresscity: field, addressstate: field, addresszip: field, addresscountry: field, addresstype: field, primary: field }, { requiredKeys: [] });
    const person = fc.record(
      Object.fromEntries([...Object.values(DEFAULT_ICIMS_FIELD_IDS).map((id) => [id, field]), ['addresses', fc.oneof(fc.array(address), field)], ['id', field]]),
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(person, (candidate) => {
        const sut = mapIcimsPersonToEmployee(candidate, { profile: 'hrcloud', resolveManager: () => 'hr-1' });
        expect(typeof sut.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });
});
