import { TenantSettings } from '@icims-sync/contracts';
import { HrEmployeesClient, StoredEmployee } from '@icims-sync/hr-client';
import { IcimsClient, IcimsNotFound, IcimsUnavailable } from '@icims-sync/icims-client';
import { AppException } from '@icims-sync/platform';
import { connectedTenantSettings, mock, mockDeep } from '@icims-sync/testing';
import { IcimsClients } from '@icims-sync/vault-client';
import { PersonSyncService } from './person-sync.service';
import { TenantContext, tenantContextOf } from '@icims-sync/vault-client';

const SETTINGS = connectedTenantSettings();

const PERSON = { firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', hiredate: '2026-12-01', hiringmanager: { profile: 'x', id: '77', value: 'Boss' } };
const CURRENT = { id: 'hr-1930', icimsId: '1930', firstName: 'Jane', lastName: 'Doe', accountEmail: 'jane@example.com', personalEmail: 'jane@example.com', startDate: '2026-12-01', managerId: 'hr-77' } as StoredEmployee;

function contextOf(settings: TenantSettings): TenantContext {
  const resolved = tenantContextOf(settings, 'acme');
  if (!resolved.ok) throw new Error(resolved.reason);
  return resolved.context;
}

describe(PersonSyncService.name, () => {
  let hr: ReturnType<typeof mock<HrEmployeesClient>>;
  let icims: ReturnType<typeof mockDeep<IcimsClient>>;
  let sut: PersonSyncService;
  const context = contextOf(SETTINGS);

  beforeEach(() => {
    hr = mock<HrEmployeesClient>();
    hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee]]));
    icims = mockDeep<IcimsClient>();
    icims.getPerson.mockResolvedValue(PERSON);
    const clients = mock<IcimsClients>();
    clients.forHost.mockReturnValue(icims);
    sut = new PersonSyncService(clients, hr, { SYNC_STATE_HASH_KEY: 'a-test-key-of-at-least-32-characters!' });
  });

  it('plans a create with the manager resolved, looking people and managers up in one HR call', async () => {
    const [plan] = await sut.plan(context, ['1930'], 'manual');
    expect(icims.getPerson).toHaveBeenCalledWith({ tenantId: 'acme', customerId: '6268' }, '1930', undefined, { priority: 'manual' });
    expect(hr.findByIcimsIds).toHaveBeenCalledTimes(1);
    expect(hr.findByIcimsIds).toHaveBeenCalledWith('acme', ['1930', '77']);
    expect(plan.record).toMatchObject({ icimsId: '1930', outcome: 'added' });
    expect(plan.write).toEqual({ kind: 'create', employee: expect.objectContaining({ icimsId: '1930', firstName: 'Jane', managerId: 'hr-77', startDate: '2026-12-01' }) });
    expect(plan.hash).toEqual(expect.any(String));
  });

  it('plans only the synced fields that changed, clearing what iCIMS no longer has', async () => {
    hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee], ['1930', { ...CURRENT, firstName: 'Janet', city: 'Austin' }]]));
    const [plan] = await sut.plan(context, ['1930'], 'manual');
    expect(plan.record).toEqual({ icimsId: '1930', employeeId: 'hr-1930', outcome: 'updated', changedFields: ['firstName', 'city'] });
    expect(plan.write).toEqual({ kind: 'update', employeeId: 'hr-1930', changes: { firstName: 'Jane', city: null } });
  });

  it('skips an employee that is already up to date, with nothing to write', async () => {
    hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee], ['1930', CURRENT]]));
    const [plan] = await sut.plan(context, ['1930'], 'manual');
    expect(plan.record).toEqual({ icimsId: '1930', employeeId: 'hr-1930', outcome: 'skipped', reason: 'UNCHANGED' });
    expect(plan.write).toBeUndefined();
  });

  it.each([
    ['a person iCIMS no longer has', SETTINGS, () => icims.getPerson.mockRejectedValue(new IcimsNotFound('person 1930')), 'PERSON_NOT_FOUND'],
    ['a Namely person whose employment ended', { ...SETTINGS, profile: 'namely' as const }, () => icims.getPerson.mockResolvedValue({ ...PERSON, enddate: '2020-01-01' }), 'EMPLOYMENT_ENDED'],
  ])('skips %s', async (_case, settings, arrange, reason) => {
    arrange();
    const [plan] = await sut.plan(contextOf(settings), ['1930'], 'manual');
    expect(plan.record).toEqual({ icimsId: '1930', outcome: 'skipped', reason });
    expect(plan.write).toBeUndefined();
  });

  it('reports a person that cannot be mapped, naming the fields, with nothing to write', async () => {
    icims.getPerson.mockResolvedValue({ ...PERSON, email: 'not-an-email', ssn: '000-00-0000' });
    const [plan] = await sut.plan(context, ['1930'], 'manual');
    expect(plan.record).toEqual({ icimsId: '1930', outcome: 'errored', reason: 'INVALID_PERSON', details: ['accountEmail:INVALID_EMAIL', 'ssn:INVALID_SSN'] });
    expect(plan.write).toBeUndefined();
  });

  it('lets a transient iCIMS failure through, so the caller retries', async () => {
    icims.getPerson.mockRejectedValue(new IcimsUnavailable('HTTP 503'));
    await expect(sut.plan(context, ['1930'], 'manual')).rejects.toBeInstanceOf(IcimsUnavailable);
  });

  it('applies writes and fills in the new employee id', async () => {
    hr.create.mockResolvedValue({ id: 'hr-new' } as StoredEmployee);
    const [plan] = await sut.plan(context, ['1930'], 'manual');
    expect(await sut.apply(context, [plan])).toEqual([]);
    expect(plan.record.employeeId).toBe('hr-new');
  });

  it('updates instead when the employee was created meanwhile', async () => {
    hr.create.mockRejectedValue(new AppException('HR_ICIMS_ID_TAKEN', 'taken', 'conflict'));
    // Only the manager is linked when planned; the person is by the time the create is refused.
    const manager = ['77', { id: 'hr-77' } as StoredEmployee] as const;
    hr.findByIcimsIds.mockResolvedValueOnce(new Map([manager])).mockResolvedValueOnce(new Map([manager, ['1930', { ...CURRENT, firstName: 'Old' }]]));
    hr.update.mockResolvedValue(CURRENT);
    const [plan] = await sut.plan(context, ['1930'], 'manual');
    expect(await sut.apply(context, [plan])).toEqual([]);
    expect(hr.update).toHaveBeenCalledWith('acme', 'hr-1930', { firstName: 'Jane' });
    expect(plan.record.employeeId).toBe('hr-1930');
  });

  it('returns what HR refused as errored outcomes, and throws what is transient', async () => {
    const [plan] = await sut.plan(context, ['1930'], 'manual');
    hr.create.mockRejectedValueOnce(new AppException('HR_VALIDATION_FAILED', 'no', 'validation'));
    expect(await sut.apply(context, [plan])).toEqual([{ record: { icimsId: '1930', outcome: 'errored', reason: 'HR_VALIDATION_FAILED', details: [] } }]);
    hr.create.mockRejectedValueOnce(new AppException('DEPENDENCY_UNAVAILABLE', 'down', 'unavailable'));
    await expect(sut.apply(context, [plan])).rejects.toThrow('down');
  });

  it('writes managers first, so a report created in the same pass links to them', async () => {
    hr.findByIcimsIds.mockResolvedValue(new Map());
    icims.getPerson.mockImplementation(async (_tenant, personId) => (personId === '77' ? { firstname: 'Boss', lastname: 'Lady', email: 'boss@example.com' } : PERSON));
    const order: string[] = [];
    hr.create.mockImplementation(async (_tenant, employee) => {
      order.push(employee.icimsId);
      return { id: `hr-${employee.icimsId}` } as StoredEmployee;
    });
    const plans = await sut.plan(context, ['1930', '77'], 'manual');
    expect(await sut.apply(context, plans)).toEqual([]);
    expect(order).toEqual(['77', '1930']);
    expect(hr.create).toHaveBeenLastCalledWith('acme', expect.objectContaining({ icimsId: '1930', managerId: 'hr-77' }));
    expect(plans[0].record.changedFields).toContain('managerId');
  });
});
