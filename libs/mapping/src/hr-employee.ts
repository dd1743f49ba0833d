/**
 * The HR side's employee, in HR Cloud's terms (first seed). Dates are `yyyy-mm-dd`,
 * state a USPS code, country ISO-3166 alpha-2, SSN 9 digits.
 */
export interface HrEmployee {
  icimsId: string;
  firstName: string;
  lastName: string;
  accountEmail?: string;
  personalEmail?: string;
  startDate?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  zipCode?: string;
  country?: string;
  positionCode?: string;
  departmentCode?: string;
  locationCode?: string;
  /** The manager's HR employee id. */
  managerId?: string;
  ssn?: string;
  dateOfBirth?: string;
  employeeNumber?: string;
  separationDate?: string;
  /** Namely only: profiles synced from iCIMS are created active. */
  userStatus?: 'active' | 'pending' | 'inactive';
}

export type HrField = keyof HrEmployee;

/** HR fields that iCIMS → HR writes: the first seed's first table. */
export const IMPORTED_FIELDS = [
  'icimsId', 'firstName', 'lastName', 'accountEmail', 'personalEmail', 'startDate',
  'address1', 'address2', 'city', 'state', 'zipCode', 'country',
  'positionCode', 'departmentCode', 'locationCode', 'managerId', 'ssn', 'dateOfBirth',
] as const satisfies readonly HrField[];

/** HR fields that HR → iCIMS sends: the first seed's second table. */
export const EXPORTED_FIELDS = ['icimsId', 'firstName', 'lastName', 'employeeNumber', 'startDate', 'separationDate'] as const satisfies readonly HrField[];

