import { EmployeeUpdatedPayload, Envelope, Topic, createEvent } from '@icims-sync/contracts';
import { HrEmployeesClient } from '@icims-sync/hr-client';
import { IcimsClient } from '@icims-sync/icims-client';
import { fieldStatesOf } from '@icims-sync/mapping';
import { MetricsService } from '@icims-sync/platform';
import { RunProgressPublisher, SyncAuditRepository, SyncStateRepository } from '@icims-sync/sync-ledger';
import { connectedTenantSettings, mock, mockDeep } from '@icims-sync/testing';
import { IcimsClients, TenantSettingsClient } from '@icims-sync/vault-client';
import { ExportEmployeeUseCase } from './export-employee.usecase';
import { PersonPatcher } from './person-patcher';

const KEY = 'a-test-key-of-at-least-32-characters!';
const VALUES = { icimsId: '1930', firstName: 'Ann', lastName: 'Lee', employeeNumber: null, startDate: '2026-01-05', separationDate: null };

function save(payload: Partial<EmployeeUpdatedPayload> = {}, savedAt = '2026-11-28T10:00:00.000Z'): Envelope<EmployeeUpdatedPayload> {
  return createEvent(Topic.EmployeeUpdated, { tenantId: 'acme', source: 'test', payload: { employeeId: 'e1', icimsId: '1930', changedFields: ['lastName'], values: VALUES, savedAt, ...payload } }).envelope;
}

describe(ExportEmployeeUseCase.name, () => {
  let tenants: ReturnType<typeof mock<TenantSettingsClient>>;
  let state: ReturnType<typeof mock<SyncStateRepository>>;
  let icims: ReturnType<typeof mockDeep<IcimsClient>>;
  let audit: ReturnType<typeof mock<SyncAuditRepository>>;
  let hr: ReturnType<typeof mock<HrEmployeesClient>>;
  let sut: ExportEmployeeUseCase;
  const signal = new AbortController().signal;
  const lastSynced = (values: object, at = '2026-11-01T00:00:00Z') =>
    fieldStatesOf({ secret: KEY, tenantId: 'acme' }, '1930', values, ['firstName', 'lastName', 'startDate'], new Date(at), 'import');

  beforeEach(() => {
    tenants = mock<TenantSettingsClient>();
    tenants.find.mockResolvedValue(connectedTenantSettings());
    state = mock<SyncStateRepository>();
    state.fieldStatesOf.mockResolvedValue(new Map([['1930', lastSynced({ firstName: 'Ann', lastName: 'Lee', startDate: '2026-01-05' })]]));
    icims = mockDeep<IcimsClient>();
    icims.patchPerson.mockResolvedValue([]);
    icims.getPerson.mockResolvedValue({ firstname: 'Ann', lastname: 'Lee', hiredate: '2026-01-05', updateddate: '2026-11-01 12:00 AM' });
    const clients = mock<IcimsClients>();
    clients.forHost.mockReturnValue(icims);
    audit = mock<SyncAuditRepository>();
    hr = mock<HrEmployeesClient>();
    const config = { SYNC_STATE_HASH_KEY: KEY, EXPORT_MAX_PATCHES_PER_WINDOW: 100, EXPORT_WINDOW_SECONDS: 1 };
    sut = new ExportEmployeeUseCase(tenants, clients, hr, state, audit, mock<RunProgressPublisher>(), new PersonPatcher(clients, state, config), config, new MetricsService());
  });

  it('PATCHes the one field HR changed, after checking iCIMS did not change it too', async () => {
    const record = await sut.execute([save({ values: { ...VALUES, lastName: 'Li' } })], signal);
    expect(record).toEqual({ employeeId: 'e1', icimsId: '1930', outcome: 'updated', changedFields: ['lastName'] });
    expect(icims.patchPerson).toHaveBeenCalledWith({ tenantId: 'acme', customerId: '6268' }, '1930', { lastname: 'Li' }, { priority: 'automatic' });
    expect(audit.recordSingleRun).toHaveBeenCalledWith(expect.objectContaining({ direction: 'export', trigger: 'auto-export' }), record);
  });

  it('calls a save of the last synced values an echo, with no origin marker and no iCIMS call', async () => {
    expect(await sut.execute([save()], signal)).toMatchObject({ outcome: 'skipped', reason: 'ECHO' });
    expect(icims.getPerson).not.toHaveBeenCalled();
    expect(icims.patchPerson).not.toHaveBeenCalled();
  });

  it('merges a burst of saves into one PATCH with the newest values', async () => {
    const burst = [save({ changedFields: ['firstName'], values: { ...VALUES, firstName: 'Anna' } }), save({ changedFields: ['lastName'], values: { ...VALUES, firstName: 'Anna', lastName: 'Li' } })];
    expect(await sut.execute(burst, signal)).toMatchObject({ outcome: 'updated', changedFields: ['firstName', 'lastName'] });
    expect(icims.patchPerson).toHaveBeenCalledTimes(1);
    expect(icims.patchPerson.mock.calls[0][2]).toEqual({ firstname: 'Anna', lastname: 'Li' });
  });

  it('sends an export-only field without asking iCIMS first', async () => {
    expect(await sut.execute([save({ changedFields: ['employeeNumber'], values: { ...VALUES, employeeNumber: 'E7' } })], signal)).toMatchObject({ outcome: 'updated' });
    expect(icims.getPerson).not.toHaveBeenCalled();
    expect(icims.patchPerson.mock.calls[0][2]).toEqual({ adpassociateid: 'E7' });
  });

  it.each([
    ['a save older than the last sync', save({ values: { ...VALUES, lastName: 'Old' } }, '2026-10-01T00:00:00.000Z'), 'STALE'],
    ['an employee with no iCIMS ID', save({ icimsId: undefined }), 'NOT_LINKED'],
    ['a save icims-sync made, by its marker', save({ origin: 'icims-sync', values: { ...VALUES, lastName: 'Li' } }), 'ECHO'],
    ['a save of fields that are not synced', save({ changedFields: ['city'] }), 'NO_SYNCED_CHANGE'],
  ])('skips %s', async (_case, envelope, reason) => {
    expect(await sut.execute([envelope], signal)).toMatchObject({ outcome: 'skipped', reason });
    expect(icims.patchPerson).not.toHaveBeenCalled();
  });

  it.each([
    ['export is switched off', { toggles: { autoImport: true, autoExport: false }, automaticSync: { import: true, export: false } }, 'AUTO_EXPORT_OFF'],
    ['the owner is not a valid HR admin', { automaticSync: { import: false, export: false, pausedReason: 'owner_invalid' as const } }, 'PAUSED_OWNER_INVALID'],
  ])('skips every save while %s, saying so', async (_case, settings, reason) => {
    tenants.find.mockResolvedValue(connectedTenantSettings(settings));
    expect(await sut.execute([save({ values: { ...VALUES, lastName: 'Li' } })], signal)).toMatchObject({ outcome: 'skipped', reason });
    expect(icims.patchPerson).not.toHaveBeenCalled();
  });

  it('keeps iCIMS\'s value when it changed later than HR\'s save, writing it back to HR', async () => {
    icims.getPerson.mockResolvedValue({ firstname: 'Ann', lastname: 'Lewis', hiredate: '2026-01-05', updateddate: '2026-11-28 10:05 AM' });
    const record = await sut.execute([save({ values: { ...VALUES, lastName: 'Li' } })], signal);
    expect(record).toMatchObject({ outcome: 'skipped', reason: 'CONFLICT_KEPT_ICIMS', conflicts: [{ field: 'lastName', kept: 'icims' }] });
    expect(icims.patchPerson).not.toHaveBeenCalled();
    expect(hr.update).toHaveBeenCalledWith('acme', 'e1', { lastName: 'Lewis' });
    // Recorded before the write, so HR's save event for it is an echo.
    expect(state.recordFields.mock.invocationCallOrder[0]).toBeLessThan(hr.update.mock.invocationCallOrder[0]);
  });
});
