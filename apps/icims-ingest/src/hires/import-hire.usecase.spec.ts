import { CandidateHiredPayload, Envelope, TenantSettings } from '@icims-sync/contracts';
import { IcimsClient, IcimsNotFound, IcimsUnavailable } from '@icims-sync/icims-client';
import { MetricsService } from '@icims-sync/platform';
import { mock, mockDeep } from '@icims-sync/testing';
import { SyncAuditRepository } from '@icims-sync/audit';
import { HrEmployeesClient, StoredEmployee } from '@icims-sync/hr-client';
import { TenantSettingsClient } from '../tenants/tenant-settings.client';
import { IcimsClients } from './icims-clients';
import { ImportHireUseCase } from './import-hire.usecase';

const SETTINGS: TenantSettings = {
  tenantId: 'acme',
  enabled: true,
  profile: 'hrcloud',
  customerId: '6268',
  apiBaseUrl: 'https://api.icims.com',
  hiredStatusIds: ['C1'],
  toggles: { autoImport: true, autoExport: true },
  status: 'connected',
  automaticSync: { import: true, export: true },
  fieldIds: {},
};

const PERSON = { firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', hiredate: '2026-12-01', hiringmanager: { profile: 'x', id: '77', value: 'Boss' } };

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
  let hr: ReturnType<typeof mock<HrEmployeesClient>>;
  let icims: ReturnType<typeof mockDeep<IcimsClient>>;
  let audit: ReturnType<typeof mock<SyncAuditRepository>>;
  let sut: ImportHireUseCase;

  beforeEach(() => {
    tenants = mock<TenantSettingsClient>();
    tenants.find.mockResolvedValue(SETTINGS);
    hr = mock<HrEmployeesClient>();
    icims = mockDeep<IcimsClient>();
    icims.getPerson.mockResolvedValue(PERSON);
    const clients = mock<IcimsClients>();
    clients.forHost.mockReturnValue(icims);
    audit = mock<SyncAuditRepository>();
    sut = new ImportHireUseCase(tenants, hr, clients, audit, new MetricsService());
  });

  it('creates the employee, with the manager resolved through the HR system', async () => {
    hr.findByIcimsId.mockImplementation(async (_tenant, icimsId) => (icimsId === '77' ? ({ id: 'hr-77' } as StoredEmployee) : undefined));
    hr.create.mockResolvedValue({ id: 'hr-1930' } as StoredEmployee);

    const outcome = await sut.execute(hire());

    expect(outcome).toMatchObject({ outcome: 'added', employeeId: 'hr-1930' });
    expect(icims.getPerson).toHaveBeenCalledWith({ tenantId: 'acme', customerId: '6268' }, '1930');
    expect(hr.create).toHaveBeenCalledWith('acme', expect.objectContaining({ icimsId: '1930', firstName: 'Jane', managerId: 'hr-77', startDate: '2026-12-01' }));
    expect(audit.recordSingleRun).toHaveBeenCalledWith(
      expect.objectContaining({ runId: hire().id, tenantId: 'acme', direction: 'import', trigger: 'webhook' }),
      expect.objectContaining({ icimsId: '1930', employeeId: 'hr-1930', outcome: 'added' }),
    );
  });

  it('writes only the synced fields that changed, clearing what iCIMS no longer has', async () => {
    hr.findByIcimsId.mockImplementation(async (_tenant, icimsId) =>
      icimsId === '1930' ? ({ id: 'hr-1930', icimsId: '1930', firstName: 'Janet', lastName: 'Doe', accountEmail: 'jane@example.com', personalEmail: 'jane@example.com', startDate: '2026-12-01', city: 'Austin' } as StoredEmployee) : undefined,
    );

    const outcome = await sut.execute(hire());

    expect(outcome).toEqual({ outcome: 'updated', employeeId: 'hr-1930', changedFields: ['firstName', 'city'] });
    expect(hr.update).toHaveBeenCalledWith('acme', 'hr-1930', { firstName: 'Jane', city: null });
  });

  it('skips an employee that is already up to date', async () => {
    hr.findByIcimsId.mockImplementation(async (_tenant, icimsId) =>
      icimsId === '1930' ? ({ id: 'hr-1930', icimsId: '1930', firstName: 'Jane', lastName: 'Doe', accountEmail: 'jane@example.com', personalEmail: 'jane@example.com', startDate: '2026-12-01' } as StoredEmployee) : undefined,
    );

    expect(await sut.execute(hire())).toEqual({ outcome: 'skipped', reason: 'UNCHANGED' });
    expect(hr.update).not.toHaveBeenCalled();
    expect(hr.create).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown tenant', () => tenants.find.mockResolvedValue(undefined), 'TENANT_UNKNOWN'],
    ['a disabled tenant', () => tenants.find.mockResolvedValue({ ...SETTINGS, enabled: false }), 'TENANT_DISABLED'],
    ['another customer', () => tenants.find.mockResolvedValue({ ...SETTINGS, customerId: '1' }), 'NOT_CONNECTED'],
    ['a tenant whose owner became invalid', () => tenants.find.mockResolvedValue({ ...SETTINGS, automaticSync: { import: false, export: false, pausedReason: 'owner_invalid' } }), 'PAUSED_OWNER_INVALID'],
    ['a tenant that switched automatic import off', () => tenants.find.mockResolvedValue({ ...SETTINGS, toggles: { autoImport: false, autoExport: true }, automaticSync: { import: false, export: true } }), 'AUTO_IMPORT_OFF'],
    ['a person iCIMS no longer has', () => icims.getPerson.mockRejectedValue(new IcimsNotFound('person 1930')), 'PERSON_NOT_FOUND'],
    ['a Namely person whose employment ended', () => {
      tenants.find.mockResolvedValue({ ...SETTINGS, profile: 'namely' });
      icims.getPerson.mockResolvedValue({ ...PERSON, enddate: '2020-01-01' });
    }, 'EMPLOYMENT_ENDED'],
  ])('skips %s', async (_case, arrange, reason) => {
    arrange();

    expect(await sut.execute(hire())).toEqual({ outcome: 'skipped', reason });
    expect(hr.create).not.toHaveBeenCalled();
    expect(hr.update).not.toHaveBeenCalled();
  });

  it('reports a person that cannot be mapped, naming the fields, and writes nothing', async () => {
    icims.getPerson.mockResolvedValue({ ...PERSON, email: 'not-an-email', ssn: '000-00-0000' });

    expect(await sut.execute(hire())).toEqual({ outcome: 'errored', reason: 'INVALID_PERSON', details: ['accountEmail:INVALID_EMAIL', 'ssn:INVALID_SSN'] });
    expect(hr.create).not.toHaveBeenCalled();
    expect(audit.recordSingleRun).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ outcome: 'errored', reason: 'INVALID_PERSON', details: ['accountEmail:INVALID_EMAIL', 'ssn:INVALID_SSN'] }));
  });

  it('lets a transient failure through, so the consumer retries it', async () => {
    icims.getPerson.mockRejectedValue(new IcimsUnavailable('HTTP 503'));

    await expect(sut.execute(hire())).rejects.toBeInstanceOf(IcimsUnavailable);
    expect(audit.recordSingleRun).not.toHaveBeenCalled();
  });
});
