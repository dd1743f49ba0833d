import { Faker, en, en_US } from '@faker-js/faker';
import { icimsDateTime } from './sandbox-person';

export interface GenerateOptions {
  count: number;
  /** Same seed and count, same people. */
  seed: number;
  firstId: number;
  /** Every Nth person gets one deliberately invalid value (0 = none). */
  invalidEvery: number;
  now: Date;
}

const STATES = ['Texas', 'CA', 'New York', 'WA', 'florida', 'IL', 'MA', 'Georgia'];
const INVALID_VALUES: [string, unknown][] = [
  ['email', 'not-an-email@'],
  ['hiredate', '2026-02-30'],
  ['usssn', '000-12-3456'],
  ['birthdate', '31/12/1990'],
];
const ADDRESS_TYPES = ['Home', 'Work', 'Mailing'];

/**
 * Deterministic people in iCIMS's shape: list values, manager references, one to three
 * address entries (primary or not), PII, and some invalid values.
 */
export function generatePeople(options: GenerateOptions): Record<string, unknown>[] {
  const faker = new Faker({ locale: [en_US, en], seed: options.seed });
  const managers = Math.max(1, Math.floor(options.count / 100));
  const people: Record<string, unknown>[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const id = options.firstId + i;
    const firstname = faker.person.firstName();
    const lastname = faker.person.lastName();
    const updated = new Date(options.now.getTime() - faker.number.int({ min: 0, max: 90 * 86_400 }) * 1000);
    const person: Record<string, unknown> = {
      firstname,
      lastname,
      email: `${firstname}.${lastname}.${id}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
      hiredate: faker.date.between({ from: '2020-01-01', to: '2027-12-31' }).toISOString().slice(0, 10),
      addresses: addresses(faker),
      jobcode: { id: `C2${faker.number.int(99)}`, value: `JOB${faker.number.int(40)}`, formattedvalue: faker.person.jobTitle() },
      homedepartment: { id: `C3${faker.number.int(9)}`, value: `DEPT${faker.number.int(12)}`, formattedvalue: faker.commerce.department() },
      locationcode: { id: `C4${faker.number.int(9)}`, value: `LOC${faker.number.int(8)}` },
      usssn: `${faker.number.int({ min: 100, max: 665 })}-${String(faker.number.int({ min: 1, max: 99 })).padStart(2, '0')}-${String(faker.number.int({ min: 1, max: 9999 })).padStart(4, '0')}`,
      birthdate: faker.date.birthdate({ min: 18, max: 70, mode: 'age', refDate: options.now }).toISOString().slice(0, 10),
      updateddate: icimsDateTime(updated),
      createddate: icimsDateTime(updated),
    };
    if (i >= managers) {
      const managerId = String(options.firstId + faker.number.int(managers - 1));
      person.hiringmanager = { profile: `https://api.icims.com/customers/people/${managerId}`, id: managerId, value: 'Manager' };
    }
    if (options.invalidEvery > 0 && i % options.invalidEvery === options.invalidEvery - 1) {
      const [field, value] = INVALID_VALUES[(i / options.invalidEvery) % INVALID_VALUES.length | 0];
      person[field] = value;
    }
    people.push(person);
  }
  return people;
}

function addresses(faker: Faker): Record<string, unknown>[] {
  const count = faker.number.int({ min: 1, max: 3 });
  const primary = faker.number.int({ min: -1, max: count - 1 });
  return Array.from({ length: count }, (_, entry) => ({
    entry: entry + 1,
    addressstreet1: faker.location.streetAddress(),
    ...(faker.datatype.boolean(0.3) ? { addressstreet2: faker.location.secondaryAddress() } : {}),
    addresscity: faker.location.city(),
    addressstate: { id: `D${entry}`, value: faker.helpers.arrayElement(STATES) },
    addresszip: faker.location.zipCode(faker.datatype.boolean() ? '#####' : '#####-####'),
    addresscountry: { id: 'D3610', value: 'United States' },
    addresstype: { entry: 40 + entry, value: ADDRESS_TYPES[entry] },
    ...(entry === primary ? { primary: true } : {}),
  }));
}
