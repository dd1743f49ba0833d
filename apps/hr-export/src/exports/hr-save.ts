import { Envelope, EmployeeUpdatedPayload } from '@icims-sync/contracts';
import { ExportedValueField, HrSave } from '@icims-sync/mapping';

/** One employee's saves handled as one: the newest values, every field any of them changed. */
export interface MergedSave extends HrSave {
  employeeId: string;
  icimsId?: string;
  /** Every save of the burst says icims-sync wrote it (the fast path; echoes are judged by value anyway). */
  ownWrite: boolean;
  /** How many saves went into this one. */
  saves: number;
}

/** Merges a key's saves, oldest first; the last one's values are the employee as it is now. */
export function mergeSaves(envelopes: readonly Envelope<EmployeeUpdatedPayload>[]): MergedSave {
  const latest = envelopes[envelopes.length - 1];
  const { payload } = latest;
  return {
    employeeId: payload.employeeId,
    icimsId: payload.icimsId,
    changedFields: [...new Set(envelopes.flatMap((envelope) => envelope.payload.changedFields))],
    values: payload.values as Partial<Record<ExportedValueField, unknown>>,
    savedAt: savedAtOf(latest),
    ownWrite: envelopes.every((envelope) => envelope.payload.origin === 'icims-sync'),
    saves: envelopes.length,
  };
}

function savedAtOf(envelope: Envelope<EmployeeUpdatedPayload>): Date {
  return new Date(envelope.payload.savedAt ?? envelope.occurredAt);
}
