/** A person as iCIMS stores it: lower-case field ids, list values, the addresses collection. */
export type SandboxPerson = Record<string, unknown> & { id: string; updateddate: string };

/** Fields iCIMS requires; a PATCH that leaves one empty is refused. */
export const REQUIRED_PERSON_FIELDS = ['firstname', 'lastname'] as const;

/** iCIMS datetimes: UTC `yyyy-mm-dd hh:mm AM`. */
export function icimsDateTime(date: Date): string {
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.toISOString().slice(0, 10)} ${pad(twelve)}:${pad(date.getUTCMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}

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
