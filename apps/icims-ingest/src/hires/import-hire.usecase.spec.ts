import { CandidateHiredPayload, Envelope } from '@icims-sync/contracts';
import { SyncAuditRepository } from '@icims-sync/sync-ledger';
import { MetricsService } from '@icims-sync/platform';
import { connectedTenantSettings, mock } from '@icims-sync/testing';
import { PersonPlan, PersonSyncService } from '../people/person-sync.service';
import { TenantSettingsClient } from '@icims-sync/vault-client';
import { ImportHireUseCase } from './import-hire.usecase';

const SETTINGS = connectedTenantSettings();

const hire = (personId = '1930', customerId = '6268'): Envelope<CandidateHiredPayload> => ({
  id: '6f1c1f9e-8d1a-4a43-9f52-1f7b0a9c1e11',
  type: 'CandidateHired',
  version: 1,
  tenantId: 'acme',
  occurredAt: '2026-11-22T00:00:00.000Z',
  source: 'gateway',
  correlationId: 'c',
  payload: { customerId, personId, newStatus: 'C1' },
});

describe(ImportHireUseCase.name, () => {
  let tenants: ReturnType<typeof mock<TenantSettingsClient>>;
  let people: ReturnType<typeof mock<PersonSyncService>>;
  let audit: ReturnType<typeof mock<SyncAuditRepository>>;
  let sut: ImportHireUseCase;

  beforeEach(() => {
    tenants = mock<TenantSettingsClient>();
    tenants.find.mockResolvedValue(SETTINGS);
    people = mock<PersonSyncService>();
    people.apply.mockResolvedValue([]);
    audit = mock<SyncAuditRepository>();
    sut = new ImportHireUseCase(tenants, people, audit, new MetricsService());
  });

  it('plans and applies the person with automatic priority, then audits the run and records sync_state', async () => {
    const plan: PersonPlan = { record: { icimsId: '1930', outcome: 'added', changedFields: ['firstName'] }, write: { kind: 'create', employee: { icimsId: '1930', firstName: 'J', lastName: 'D' } }, hash: 'h' };
    people.plan.mockResolvedValue([plan]);
    people.apply.mockImplementation(async (_context, plans) => {
      plans[0].record.employeeId = 'hr-1930';
      return [];
    });
    const outcome = await sut.execute(hire());
    expect(people.plan).toHaveBeenCalledWith(expect.objectContaining({ tenant: { tenantId: 'acme', customerId: '6268' } }), ['1930'], { priority: 'automatic' });
    expect(outcome).toMatchObject({ outcome: 'added', employeeId: 'hr-1930' });
    expect(audit.recordSingleRun).toHaveBeenCalledWith(
      expect.objectContaining({ runId: hire().id, trigger: 'webhook', direction: 'import' }),
      expect.objectContaining({ outcome: 'added', employeeId: 'hr-1930' }),
      { icimsId: '1930', employeeId: 'hr-1930', hash: 'h', created: true },
    );
  });

  it('records what HR refused as errored', async () => {
    people.plan.mockResolvedValue([{ record: { icimsId: '1930', outcome: 'added' }, write: { kind: 'create', employee: { icimsId: '1930', firstName: 'J', lastName: 'D' } } }]);
    people.apply.mockResolvedValue([{ record: { icimsId: '1930', outcome: 'errored', reason: 'HR_VALIDATION_FAILED', details: [] } }]);
    expect(await sut.execute(hire())).toMatchObject({ outcome: 'errored', reason: 'HR_VALIDATION_FAILED' });
    expect(audit.recordSingleRun).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ outcome: 'errored' }), undefined);
  });

  it.each([
    ['an unknown tenant', () => tenants.find.mockResolvedValue(undefined), 'TENANT_UNKNOWN'],
    ['a disabled tenant', () => tenants.find.mockResolvedValue({ ...SETTINGS, enabled: false }), 'TENANT_DISABLED'],
    ['a tenant not connected', () => tenants.find.mockResolvedValue({ ...SETTINGS, status: 'error' }), 'NOT_CONNECTED'],
    ['another customer', () => tenants.find.mockResolvedValue({ ...SETTINGS, customerId: '1' }), 'NOT_CONNECTED'],
    ['a tenant whose owner became invalid', () => tenants.find.mockResolvedValue({ ...SETTINGS, automaticSync: { import: false, export: false, pausedReason: 'owner_invalid' } }), 'PAUSED_OWNER_INVALID'],
    ['a tenant that switched automatic import off', () => tenants.find.mockResolvedValue({ ...SETTINGS, toggles: { autoImport: false, autoExport: true }, automaticSync: { import: false, export: true } }), 'AUTO_IMPORT_OFF'],
  ])('skips %s without calling iCIMS', async (_case, arrange, reason) => {
    arrange();
    expect(await sut.execute(hire())).toMatchObject({ outcome: 'skipped', reason });
    expect(people.plan).not.toHaveBeenCalled();
  });

  it('does not audit hires of unknown tenants', async () => {
    tenants.find.mockResolvedValue(undefined);
    await sut.execute(hire());
    expect(audit.recordSingleRun).not.toHaveBeenCalled();
  });
});
