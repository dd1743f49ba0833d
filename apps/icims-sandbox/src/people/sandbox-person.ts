/** A person as iCIMS stores it: lower-case field ids, list values, the addresses collection. */
export type SandboxPerson = Record<string, unknown> & { id: string; updateddate: string };

/** Fields iCIMS requires; a PATCH that leaves one empty is refused. */
export const REQUIRED_PERSON_FIELDS = ['firstname', 'lastname'] as const;

/** iCIMS datetimes: UTC `yyyy-mm-dd hh:mm AM`. */
export { toIcimsDateTime as icimsDateTime, parseIcimsDateTime } from '@icims-sync/icims-client';

/** GET shows only fields that have a value. */
export function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}
