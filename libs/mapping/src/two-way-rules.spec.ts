import { decideExport, hrChangesOf, inboundVerdict } from './two-way-rules';
import { fieldStatesOf, fieldValueHash } from './two-way';

const key = { secret: 'k'.repeat(32), tenantId: 't1' };
const hash = (field: Parameters<typeof fieldValueHash>[2], value: unknown) => fieldValueHash(key, '1930', field, value);
const at = (iso: string) => new Date(iso);
const synced = fieldStatesOf(key, '1930', { firstName: 'Ann', lastName: 'Lee', startDate: '2026-01-05' }, ['firstName', 'lastName', 'startDate'], at('2026-11-28T10:00:00Z'), 'import');

describe('hrChangesOf', () => {
  it('sends a field the save changed away from the last synced value', () => {
    const save = { changedFields: ['firstName'], values: { firstName: 'Anne', lastName: 'Lee' }, savedAt: at('2026-11-28T10:05:00Z') };
    expect(hrChangesOf(save, synced, hash)).toEqual({ candidates: ['firstName'], echoes: [], stale: [] });
  });

  it('calls a save of the last synced values an echo, whoever the HR system says saved it', () => {
    const save = { changedFields: ['firstName', 'lastName', 'startDate', 'ssn'], values: { firstName: 'Ann', lastName: 'Lee', startDate: '2026-01-05' }, savedAt: at('2026-11-28T10:00:01Z') };
    expect(hrChangesOf(save, synced, hash)).toEqual({ candidates: [], echoes: ['firstName', 'lastName', 'startDate'], stale: [] });
  });

  it('ignores fields the save did not change, and calls a save older than the last sync stale', () => {
    const save = { changedFields: ['lastName'], values: { firstName: 'Zed', lastName: 'Old' }, savedAt: at('2026-11-28T09:59:00Z') };
    expect(hrChangesOf(save, synced, hash)).toEqual({ candidates: [], echoes: [], stale: ['lastName'] });
  });

  it('sends every changed field of a person never synced', () => {
    const save = { changedFields: ['employeeNumber', 'separationDate'], values: { employeeNumber: 'E1', separationDate: '2026-12-31' }, savedAt: at('2026-11-28T10:00:00Z') };
    expect(hrChangesOf(save, {}, hash).candidates).toEqual(['employeeNumber', 'separationDate']);
  });
});

describe('decideExport', () => {
  const save = { changedFields: ['firstName', 'employeeNumber'], values: { firstName: 'Anne', employeeNumber: 'E7' }, savedAt: at('2026-11-28T10:05:30Z') };

  it('sends what iCIMS does not hold yet and skips what it holds already', () => {
    const decision = decideExport(['firstName', 'employeeNumber'], save, synced, { values: { firstName: 'Ann', employeeNumber: 'E7' }, updatedAt: at('2026-11-28T10:00:00Z') }, hash);
    expect(decision).toEqual({ send: ['firstName'], alreadyThere: ['employeeNumber'], keptInIcims: [], conflicts: [] });
  });

  it('keeps the later change when both sides moved: HR saved after the iCIMS edit', () => {
    const decision = decideExport(['firstName'], save, synced, { values: { firstName: 'Annie' }, updatedAt: at('2026-11-28T10:03:00Z') }, hash);
    expect(decision.send).toEqual(['firstName']);
    expect(decision.conflicts).toEqual([{ field: 'firstName', hrAt: save.savedAt, icimsAt: at('2026-11-28T10:03:00Z'), kept: 'hr' }]);
  });

  it('keeps the later change when both sides moved: iCIMS edited after the HR save', () => {
    const decision = decideExport(['firstName'], save, synced, { values: { firstName: 'Annie' }, updatedAt: at('2026-11-28T10:07:00Z') }, hash);
    expect(decision).toMatchObject({ send: [], keptInIcims: ['firstName'], conflicts: [{ field: 'firstName', kept: 'icims' }] });
  });

  it('lets HR win a conflict within the same minute of the iCIMS edit', () => {
    const decision = decideExport(['firstName'], save, synced, { values: { firstName: 'Annie' }, updatedAt: at('2026-11-28T10:05:00Z') }, hash);
    expect(decision.conflicts[0].kept).toBe('hr');
  });

  it('never calls an export-only field a conflict', () => {
    const states = fieldStatesOf(key, '1930', { employeeNumber: 'E1' }, ['employeeNumber'], at('2026-11-28T10:00:00Z'), 'export');
    const decision = decideExport(['employeeNumber'], save, states, { values: { employeeNumber: 'E2' }, updatedAt: at('2026-11-28T10:09:00Z') }, hash);
    expect(decision).toEqual({ send: ['employeeNumber'], alreadyThere: [], keptInIcims: [], conflicts: [] });
  });
});

describe('inboundVerdict', () => {
  const times = { icimsAt: at('2026-11-28T11:00:00Z'), hrAt: at('2026-11-28T10:30:00Z') };

  it('writes an iCIMS change to HR when HR still holds the last synced value', () => {
    expect(inboundVerdict('firstName', { icims: 'Annie', hr: 'Ann' }, synced.firstName, times, hash)).toEqual({ field: 'firstName', write: true });
  });

  it('keeps HR\'s value when iCIMS only holds what was last synced (its own PATCH, or HR changed since)', () => {
    expect(inboundVerdict('firstName', { icims: 'Ann', hr: 'Anne' }, synced.firstName, times, hash)).toEqual({ field: 'firstName', write: false });
  });

  it('lets the later change win when both moved', () => {
    expect(inboundVerdict('firstName', { icims: 'Annie', hr: 'Anne' }, synced.firstName, times, hash)).toMatchObject({ write: true, conflict: { kept: 'icims' } });
    expect(inboundVerdict('firstName', { icims: 'Annie', hr: 'Anne' }, synced.firstName, { ...times, hrAt: at('2026-11-28T11:30:00Z') }, hash)).toMatchObject({ write: false, conflict: { kept: 'hr' } });
  });

  it('writes when nothing was synced before', () => {
    expect(inboundVerdict('lastName', { icims: 'Lee', hr: 'Li' }, undefined, times, hash).write).toBe(true);
  });
});
