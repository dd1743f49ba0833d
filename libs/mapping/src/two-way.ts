import { createHmac } from 'node:crypto';
import { EXPORTED_FIELDS, IMPORTED_FIELDS } from './hr-employee';
import { IcimsFieldIds } from './icims-field-ids.constant';
import { normaliseDate } from './normalisers/date.normaliser';
import { normaliseText } from './normalisers/text.normaliser';
import { SyncStateHashKey, comparable } from './diff';

/** HR fields HR → iCIMS sends (the second table, without the link itself). */
export const EXPORTED_VALUE_FIELDS = EXPORTED_FIELDS.filter((field) => field !== 'icimsId') as ExportedValueField[];
export type ExportedValueField = Exclude<(typeof EXPORTED_FIELDS)[number], 'icimsId'>;

/** Fields synced both ways (in both of the first seed's tables): the only ones that can conflict. */
export const TWO_WAY_FIELDS = EXPORTED_VALUE_FIELDS.filter((field) => (IMPORTED_FIELDS as readonly string[]).includes(field));

/** Who wrote a field's value to the other side last. */
export type SyncedBy = 'import' | 'export';

/** One field's last synced value, as a keyed digest, and when it was saved on the side it came from. */
export interface FieldSyncState {
  h: string;
  at: Date;
  by: SyncedBy;
}

export type FieldStates = Partial<Record<ExportedValueField, FieldSyncState>>;

/**
 * A keyed digest of one field's value of one person (for `sync_state.fields`): equal values
 * digest equal, and nothing can be read back. Keyed per tenant and person, so equal names
 * of two people do not show as equal digests.
 */
export function fieldValueHash(key: SyncStateHashKey, icimsId: string, field: ExportedValueField, value: unknown): string {
  return createHmac('sha256', key.secret).update(key.tenantId).update('\0').update(icimsId).update('\0').update(field).update('\0').update(JSON.stringify(comparable(value) ?? null)).digest('base64url');
}

/** The digest function of one person's fields (see `fieldValueHash`). */
export function fieldHasherOf(key: SyncStateHashKey, icimsId: string): (field: ExportedValueField, value: unknown) => string {
  return (field, value) => fieldValueHash(key, icimsId, field, value);
}

/** Field states of `values`' two-way fields, as they are once synced at `at` by `by`. */
export function fieldStatesOf(key: SyncStateHashKey, icimsId: string, values: Partial<Record<ExportedValueField, unknown>>, fields: readonly ExportedValueField[], at: Date, by: SyncedBy): FieldStates {
  return Object.fromEntries(fields.map((field) => [field, { h: fieldValueHash(key, icimsId, field, values[field]), at, by }]));
}

/** The iCIMS field ids to GET to compare a person with HR (`exportedValuesOfPerson`), and when it was last changed. */
export function exportedFieldIdsOf(ids: IcimsFieldIds): string[] {
  return [ids.firstName, ids.lastName, ids.hireDate, ids.adpAssociateId, ids.endDate, 'updateddate'];
}

/** The exported fields' values an iCIMS person holds, in HR terms (for comparing with HR). */
export function exportedValuesOfPerson(person: Record<string, unknown>, ids: IcimsFieldIds): Partial<Record<ExportedValueField, string>> {
  const read = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : undefined);
  return {
    firstName: read(normaliseText(person[ids.firstName], 100)) as string | undefined,
    lastName: read(normaliseText(person[ids.lastName], 100)) as string | undefined,
    employeeNumber: read(normaliseText(person[ids.adpAssociateId], 64)) as string | undefined,
    startDate: read(normaliseDate(person[ids.hireDate])) as string | undefined,
    separationDate: read(normaliseDate(person[ids.endDate])) as string | undefined,
  };
}
