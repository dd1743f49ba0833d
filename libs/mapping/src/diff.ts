import { createHmac } from 'node:crypto';
import { EXPORTED_FIELDS, HrEmployee, HrField, IMPORTED_FIELDS } from './hr-employee';

export type SyncDirection = 'import' | 'export';

const FIELDS_OF: Record<SyncDirection, readonly HrField[]> = { import: IMPORTED_FIELDS, export: EXPORTED_FIELDS };

/**
 * Names of the synced fields of `direction` whose value differs from the last synced
 * snapshot. Absent, null and empty text count as the same "no value".
 */
export function changedSyncedFields(direction: SyncDirection, previous: Partial<HrEmployee> | undefined, next: Partial<HrEmployee>): HrField[] {
  return FIELDS_OF[direction].filter((field) => comparable(previous?.[field]) !== comparable(next[field]));
}

/** Absent, null and empty text are the same "no value" on both sides. */
export function sameValue(a: unknown, b: unknown): boolean {
  return comparable(a) === comparable(b);
}

export function comparable(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  return value;
}

/** What a `sync_state` digest is keyed with: a secret kept out of the database, and the tenant. */
export interface SyncStateHashKey {
  secret: string;
  tenantId: string;
}

/**
 * A digest of the synced fields of `direction` (for `sync_state`): equal snapshots hash
 * equal, and no value can be read back from it. An HMAC under a key that is not in the
 * database, so a copy of the store cannot be searched for SSNs or birth dates by hashing
 * guesses (10^9 of them would find an SSN in a plain hash); per tenant as well.
 */
export function syncedValuesHash(direction: SyncDirection, key: SyncStateHashKey, values: Partial<HrEmployee>): string {
  const snapshot = FIELDS_OF[direction].map((field) => [field, comparable(values[field]) ?? null]);
  return createHmac('sha256', key.secret).update(key.tenantId).update('\0').update(JSON.stringify(snapshot)).digest('base64url');
}
