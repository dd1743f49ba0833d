/**
 * Where each synced value lives on an iCIMS person. Documented names are iCIMS's own;
 * the ones marked [assumed] are not public and real sites often keep them in custom
 * fields (`customfieldNNNN`), so a tenant can override any of them.
 */
export interface IcimsFieldIds {
  firstName: string;
  lastName: string;
  email: string;
  addresses: string;
  /** [assumed] hire date on the person profile */
  hireDate: string;
  /** [assumed] */
  endDate: string;
  /** [doc] `usssn` (the vendor's `?fields=usssn` example); sites may keep it in a custom field. */
  ssn: string;
  /** [assumed] */
  birthDate: string;
  /** [assumed] */
  jobCode: string;
  /** [assumed] */
  homeDepartment: string;
  /** [assumed] */
  locationCode: string;
  /** [assumed] a person reference {profile, id, value} */
  hiringManager: string;
  /** [assumed] */
  adpAssociateId: string;
}

export const DEFAULT_ICIMS_FIELD_IDS: Readonly<IcimsFieldIds> = {
  firstName: 'firstname',
  lastName: 'lastname',
  email: 'email',
  addresses: 'addresses',
  hireDate: 'hiredate',
  endDate: 'enddate',
  ssn: 'usssn',
  birthDate: 'birthdate',
  jobCode: 'jobcode',
  homeDepartment: 'homedepartment',
  locationCode: 'locationcode',
  hiringManager: 'hiringmanager',
  adpAssociateId: 'adpassociateid',
};

const FIELD_ID = /^[a-z][a-z0-9_]{0,63}$/;

/** The tenant's overrides over the defaults; a malformed id is reported, never used. */
export function resolveFieldIds(overrides: Partial<Record<keyof IcimsFieldIds, string>> = {}): { ok: true; fieldIds: IcimsFieldIds } | { ok: false; invalid: string[] } {
  const invalid = Object.entries(overrides).filter(([key, value]) => !(key in DEFAULT_ICIMS_FIELD_IDS) || typeof value !== 'string' || !FIELD_ID.test(value));
  if (invalid.length > 0) return { ok: false, invalid: invalid.map(([key]) => key) };
  return { ok: true, fieldIds: { ...DEFAULT_ICIMS_FIELD_IDS, ...overrides } };
}
