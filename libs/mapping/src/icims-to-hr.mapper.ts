import { FieldCollector } from './field-collector';
import { HrEmployee, HrField, IMPORTED_FIELDS } from './hr-employee';
import { HR_PROFILE_RULES, HrProfile } from './hr-profile';
import { pickAddress } from './icims-address';
import { DEFAULT_ICIMS_FIELD_IDS, IcimsFieldIds } from './icims-field-ids.constant';
import { normaliseCountry } from './normalisers/country.normaliser';
import { normaliseDate } from './normalisers/date.normaliser';
import { normaliseEmail } from './normalisers/email.normaliser';
import { normaliseSsn } from './normalisers/ssn.normaliser';
import { normaliseIcimsId, normaliseText } from './normalisers/text.normaliser';
import { normaliseUsState } from './normalisers/us-state.normaliser';
import { normaliseZip } from './normalisers/zip.normaliser';
import { MapResult, normalised } from './result';

export interface ImportMappingOptions {
  profile: HrProfile;
  fieldIds?: IcimsFieldIds;
  /** The person's id when the body does not carry it (GET returns only fields with values). */
  personId?: string;
  /** The manager's iCIMS person id to their HR employee id, or undefined when unknown. */
  resolveManager?: (icimsPersonId: string) => string | undefined;
}

const NAME_LENGTH = 100;

/** iCIMS person (GET /people/{id}) → HR employee: the first seed's iCIMS → HR table. Total. */
export function mapIcimsPersonToEmployee(person: unknown, options: ImportMappingOptions): MapResult<HrEmployee> {
  if (typeof person !== 'object' || person === null || Array.isArray(person)) {
    return { ok: false, errors: [{ field: '(person)', code: 'NOT_AN_OBJECT', message: 'an iCIMS person must be a JSON object' }] };
  }
  const source = person as Record<string, unknown>;
  const ids = options.fieldIds ?? DEFAULT_ICIMS_FIELD_IDS;
  const out = new FieldCollector<HrEmployee>();

  out.set('icimsId', normaliseIcimsId(source.id ?? options.personId), true);
  out.set('firstName', normaliseText(source[ids.firstName], NAME_LENGTH), true);
  out.set('lastName', normaliseText(source[ids.lastName], NAME_LENGTH), true);
  const email = out.set('accountEmail', normaliseEmail(source[ids.email]), true);
  if (email !== undefined) out.value.personalEmail = email;
  out.set('startDate', normaliseDate(source[ids.hireDate]));
  mapAddress(source[ids.addresses], out);
  out.set('positionCode', normaliseText(source[ids.jobCode]));
  out.set('departmentCode', normaliseText(source[ids.homeDepartment]));
  out.set('locationCode', normaliseText(source[ids.locationCode]));
  mapManager(source[ids.hiringManager], options.resolveManager, out);
  out.set('ssn', normaliseSsn(source[ids.ssn]));
  out.set('dateOfBirth', normaliseDate(source[ids.birthDate]));

  if (out.errors.length > 0) return { ok: false, errors: out.errors };
  return { ok: true, value: applyProfile(out, options.profile), warnings: out.warnings };
}

function mapAddress(raw: unknown, out: FieldCollector<HrEmployee>): void {
  if (raw === undefined || raw === null) {
    out.warn({ field: 'address1', code: 'NO_ADDRESS', message: 'the person has no address' });
    return;
  }
  if (!Array.isArray(raw)) {
    out.errors.push({ field: 'address1', code: 'INVALID_TYPE', message: 'address1: the iCIMS addresses field must be a list of address entries' });
    return;
  }
  const address = pickAddress(raw);
  if (!address) {
    out.warn({ field: 'address1', code: 'NO_ADDRESS', message: 'the person has no address entry' });
    return;
  }
  const country = out.set('country', normaliseCountry(address.addresscountry));
  out.set('address1', normaliseText(address.addressstreet1));
  out.set('address2', normaliseText(address.addressstreet2));
  out.set('city', normaliseText(address.addresscity, NAME_LENGTH));
  out.set('state', normaliseUsState(address.addressstate, country));
  out.set('zipCode', normaliseZip(address.addresszip, country));
}

function mapManager(raw: unknown, resolve: ImportMappingOptions['resolveManager'], out: FieldCollector<HrEmployee>): void {
  if (raw === undefined || raw === null || raw === '') return;
  const reference = typeof raw === 'object' && !Array.isArray(raw) ? (raw as { id?: unknown }).id : raw;
  const managerIcimsId = normaliseIcimsId(reference);
  if (!managerIcimsId.ok || managerIcimsId.value === undefined) {
    out.set('managerId', managerIcimsId.ok ? normalised(undefined) : managerIcimsId);
    return;
  }
  const managerId = resolve?.(managerIcimsId.value);
  if (managerId === undefined) {
    out.warn({ field: 'managerId', code: 'MANAGER_UNRESOLVED', message: 'the hiring manager has no HR employee yet; manager left empty' });
    return;
  }
  out.value.managerId = managerId;
}

/** Keeps only what the HR system takes, and says what it dropped. */
function applyProfile(out: FieldCollector<HrEmployee>, profile: HrProfile): HrEmployee {
  const rules = HR_PROFILE_RULES[profile];
  const employee = out.value as HrEmployee;
  if (rules.importedFields.length === IMPORTED_FIELDS.length) return employee;
  for (const field of Object.keys(employee) as HrField[]) {
    if (rules.importedFields.includes(field)) continue;
    delete employee[field];
    out.warn({ field, code: 'FIELD_NOT_SUPPORTED', message: `${profile} has no ${field} field; not synced` });
  }
  if (rules.activeOnly) employee.userStatus = 'active';
  return employee;
}
