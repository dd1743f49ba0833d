import { IcimsFieldIds } from './icims-field-ids.constant';

/** One row of a field-mapping table as the admin page shows it. */
export interface FieldMappingRow {
  icimsField: string;
  hrField: string;
  /** The name whose iCIMS field id the tenant may set (PUT .../field-ids); absent for the profile id itself. */
  fieldIdName?: keyof IcimsFieldIds;
}

/** The first seed's first table: iCIMS → HR, in its order (the address parts share `addresses`). */
export const IMPORT_MAPPING_TABLE: readonly FieldMappingRow[] = [
  { icimsField: 'Profile ID', hrField: 'iCIMS ID' },
  { icimsField: 'First Name', hrField: 'First Name', fieldIdName: 'firstName' },
  { icimsField: 'Last Name', hrField: 'Last Name', fieldIdName: 'lastName' },
  { icimsField: 'Email', hrField: 'Account Email', fieldIdName: 'email' },
  { icimsField: 'Hire Date', hrField: 'Start Date', fieldIdName: 'hireDate' },
  { icimsField: 'Street', hrField: 'Address 1', fieldIdName: 'addresses' },
  { icimsField: 'Street 2', hrField: 'Address 2', fieldIdName: 'addresses' },
  { icimsField: 'City', hrField: 'City', fieldIdName: 'addresses' },
  { icimsField: 'State', hrField: 'State', fieldIdName: 'addresses' },
  { icimsField: 'Zip', hrField: 'Zip Code', fieldIdName: 'addresses' },
  { icimsField: 'Country', hrField: 'Country', fieldIdName: 'addresses' },
  { icimsField: 'Email', hrField: 'Personal Email', fieldIdName: 'email' },
  { icimsField: 'Job Code', hrField: 'Position Code', fieldIdName: 'jobCode' },
  { icimsField: 'Home Department', hrField: 'Department Code', fieldIdName: 'homeDepartment' },
  { icimsField: 'Location Code', hrField: 'Location Code', fieldIdName: 'locationCode' },
  { icimsField: 'Hiring Manager', hrField: 'Manager', fieldIdName: 'hiringManager' },
  { icimsField: 'SSN', hrField: 'SSN', fieldIdName: 'ssn' },
  { icimsField: 'Birthdate', hrField: 'Date of Birth', fieldIdName: 'birthDate' },
];

/** The first seed's second table: HR → iCIMS. */
export const EXPORT_MAPPING_TABLE: readonly FieldMappingRow[] = [
  { icimsField: 'Profile ID', hrField: 'iCIMS ID' },
  { icimsField: 'First Name', hrField: 'First Name', fieldIdName: 'firstName' },
  { icimsField: 'Last Name', hrField: 'Last Name', fieldIdName: 'lastName' },
  { icimsField: 'ADP Associate ID', hrField: 'Employee Number', fieldIdName: 'adpAssociateId' },
  { icimsField: 'Hire Date', hrField: 'Start Date', fieldIdName: 'hireDate' },
  { icimsField: 'End Date', hrField: 'Separation Date', fieldIdName: 'endDate' },
];
