/** A person as iCIMS stores it: lower-case field ids, list values, the addresses collection. */
export type SandboxPerson = Record<string, unknown> & { id: string; updateddate: string };

/** Fields iCIMS requires; a PATCH that leaves one empty is refused. */
export const REQUIRED_PERSON_FIELDS = ['firstname', 'lastname'] as const;

/** iCIMS datetimes: UTC `yyyy-mm-dd hh:mm AM`. */
export { toIcimsDateTime as icimsDateTime } from '@icims-sync/icims-client';

/** Parses an iCIMS datetime or ISO-8601 to epoch ms (NaN when neither). */
export function parseIcimsDateTime(value: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{1,2}):(\d{2}) ?([AP])M$/i.exec(value.trim());
  if (!match) return Date.parse(value);
  const hours = (Number(match[2]) % 12) + (match[4].toUpperCase() === 'P' ? 12 : 0);
  return Date.parse(`${match[1]}T${String(hours).padStart(2, '0')}:${match[3]}:00Z`);
}

/** GET shows only fields that have a value. */
export function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}
