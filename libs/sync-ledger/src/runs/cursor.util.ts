import { InvalidInputException } from '@icims-sync/platform';

export interface Cursor {
  /** The sort instant of the last item (ISO-8601), or '' when paging by id alone. */
  at: string;
  id: string;
}

/** Opaque, URL-safe page cursors. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && (at === '' || !Number.isNaN(Date.parse(at)))) return { at, id };
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidInputException('BAD_CURSOR', 'cursor must be the nextCursor of a previous page');
}
