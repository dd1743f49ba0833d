import { sameValue } from './diff';
import { ExportedValueField, EXPORTED_VALUE_FIELDS, FieldStates, TWO_WAY_FIELDS } from './two-way';

/** Digest of one field's value of the person in hand (see `fieldValueHash`). */
export type FieldHasher = (field: ExportedValueField, value: unknown) => string;

/** A field changed on both sides since the last sync, and which side's value was kept. */
export interface ConflictNote {
  field: ExportedValueField;
  hrAt: Date;
  icimsAt: Date;
  kept: 'hr' | 'icims';
}

/** One HR save (or a burst of them, merged): what it changed, its values, and when. */
export interface HrSave {
  changedFields: readonly string[];
  values: Partial<Record<ExportedValueField, unknown>>;
  savedAt: Date;
}

export interface HrChanges {
  /** Changed by the save and different from what was last synced: to send, unless iCIMS says otherwise. */
  candidates: ExportedValueField[];
  /** Changed by the save to what was last synced either way: icims-sync's own write, or a value put back. */
  echoes: ExportedValueField[];
  /** A newer value of the field was synced after this save (a replay, or a delayed message). */
  stale: ExportedValueField[];
}

/** Which exported fields an HR save changed since they were last synced, judged by value, not by who saved. */
export function hrChangesOf(save: HrSave, states: FieldStates, hash: FieldHasher): HrChanges {
  const changes: HrChanges = { candidates: [], echoes: [], stale: [] };
  for (const field of EXPORTED_VALUE_FIELDS) {
    if (!save.changedFields.includes(field)) continue;
    const state = states[field];
    if (state && state.at.getTime() > save.savedAt.getTime()) changes.stale.push(field);
    else if (state && state.h === hash(field, save.values[field])) changes.echoes.push(field);
    else changes.candidates.push(field);
  }
  return changes;
}

export interface ExportDecision {
  send: ExportedValueField[];
  /** iCIMS already holds HR's value: nothing to send, only the state to record. */
  alreadyThere: ExportedValueField[];
  /** Changed in iCIMS later than in HR: iCIMS's value goes to HR instead. */
  keptInIcims: ExportedValueField[];
  conflicts: ConflictNote[];
}

/**
 * The candidates against the iCIMS person as it is now. A two-way field whose iCIMS value
 * also moved off the last synced one changed on both sides: the later change wins, iCIMS's
 * `updateddate` (to the minute) against the HR save time; within the same minute HR wins,
 * as the save in hand is the one change known to the second. Export-only fields are HR's.
 */
export function decideExport(candidates: readonly ExportedValueField[], save: HrSave, states: FieldStates, icims: { values: Partial<Record<ExportedValueField, unknown>>; updatedAt?: Date }, hash: FieldHasher): ExportDecision {
  const decision: ExportDecision = { send: [], alreadyThere: [], keptInIcims: [], conflicts: [] };
  for (const field of candidates) {
    const icimsValue = icims.values[field];
    if (sameValue(icimsValue, save.values[field])) {
      decision.alreadyThere.push(field);
      continue;
    }
    const state = states[field];
    const bothChanged = TWO_WAY_FIELDS.includes(field) && state !== undefined && state.h !== hash(field, icimsValue) && icims.updatedAt !== undefined;
    if (!bothChanged) {
      decision.send.push(field);
      continue;
    }
    const kept = save.savedAt.getTime() < icims.updatedAt!.getTime() ? 'icims' : 'hr';
    decision.conflicts.push({ field, hrAt: save.savedAt, icimsAt: icims.updatedAt!, kept });
    (kept === 'hr' ? decision.send : decision.keptInIcims).push(field);
  }
  return decision;
}

export type InboundVerdict = { field: ExportedValueField; write: boolean; conflict?: ConflictNote };

/**
 * iCIMS → HR for a two-way field whose values differ. iCIMS still holding the last synced
 * value means HR changed since (its change is exported, or export is off): HR's value stays,
 * which is also how an iCIMS value that only reflects icims-sync's own PATCH is never written
 * back. Both moved: the later change wins.
 */
export function inboundVerdict(field: ExportedValueField, values: { icims: unknown; hr: unknown }, state: FieldStates[ExportedValueField], times: { icimsAt?: Date; hrAt?: Date }, hash: FieldHasher): InboundVerdict {
  if (!state) return { field, write: true };
  if (state.h === hash(field, values.icims)) return { field, write: false };
  if (state.h === hash(field, values.hr) || !times.icimsAt || !times.hrAt) return { field, write: true };
  const kept = times.hrAt.getTime() < times.icimsAt.getTime() ? 'icims' : 'hr';
  return { field, write: kept === 'icims', conflict: { field, hrAt: times.hrAt, icimsAt: times.icimsAt, kept } };
}
