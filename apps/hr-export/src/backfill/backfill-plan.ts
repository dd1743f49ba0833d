import { StoredEmployee } from '@icims-sync/hr-client';
import { IcimsPerson, updatedAtOf } from '@icims-sync/icims-client';
import { EXPORTED_VALUE_FIELDS, FieldHasher, FieldStates, IcimsFieldIds, decideExport, exportedValuesOfPerson, hrChangesOf, sameValue } from '@icims-sync/mapping';
import { RecordOutcome } from '@icims-sync/sync-ledger';

/**
 * One linked employee in an export backfill: which export fields to PATCH so iCIMS holds
 * HR's values. A field where HR still holds the last synced value changed in iCIMS since:
 * that change is the import's to bring, not this run's to overwrite; a field changed on
 * both sides goes to the later change, as for a save.
 */
export function planBackfill(employee: StoredEmployee, person: IcimsPerson | undefined, states: FieldStates, fieldIds: IcimsFieldIds, hash: FieldHasher): RecordOutcome {
  const ids = { employeeId: employee.id, icimsId: employee.icimsId };
  if (!person) return { ...ids, outcome: 'skipped', reason: 'PERSON_NOT_FOUND' };
  const icimsValues = exportedValuesOfPerson(person, fieldIds);
  const differing = EXPORTED_VALUE_FIELDS.filter((field) => !sameValue(employee[field], icimsValues[field]));
  if (differing.length === 0) return { ...ids, outcome: 'skipped', reason: 'UNCHANGED' };
  const save = { changedFields: differing, values: employee, savedAt: new Date(employee.updatedAt ?? 0) };
  const { candidates } = hrChangesOf(save, states, hash);
  const decision = decideExport(candidates, save, states, { values: icimsValues, updatedAt: updatedAtOf(person) }, hash);
  const conflicts = decision.conflicts.length > 0 ? { conflicts: decision.conflicts } : {};
  if (decision.send.length > 0) return { ...ids, outcome: 'updated', changedFields: decision.send, ...conflicts };
  return { ...ids, outcome: 'skipped', reason: 'ICIMS_NEWER', details: differing.map((field) => `${field}:CHANGED_IN_ICIMS`), ...conflicts };
}
