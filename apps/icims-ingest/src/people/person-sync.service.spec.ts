import { TenantSettings } from '@icims-sync/contracts';
import { HrEmployeesClient, StoredEmployee } from '@icims-sync/hr-client';
import { IcimsClient, IcimsNotFound, IcimsUnavailable } from '@icims-sync/icims-client';
import { AppException } from '@icims-sync/platform';
import { connectedTenantSettings, mock, mockDeep } from '@icims-sync/testing';
import { IcimsClients, TenantContext, tenantContextOf } from '@icims-sync/vault-client';
import { PersonSyncService } from './person-sync.service';
import { SyncStateRepository } from '@icims-sync/sync-ledger';
import { fieldStatesOf } from '@icims-sync/mapping';

const SETTINGS = connectedTenantSettings();
const KEY = 'a-test-key-of-at-least-32-characters!';

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
  let state: ReturnType<typeof mock<SyncStateRepository>>;
  let sut: PersonSyncService;
  const context = contextOf(SETTINGS);

  beforeEach(() => {
    hr = mock<HrEmployeesClient>();
    hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee]]));
    icims = mockDeep<IcimsClient>();
    icims.getPerson.mockResolvedValue(PERSON);
    const clients = mock<IcimsClients>();
    clients.forHost.mockReturnValue(icims);
    state = mock<SyncStateRepository>();
    state.fieldStatesOf.mockResolvedValue(new Map());
    sut = new PersonSyncService(clients, hr, state, { SYNC_STATE_HASH_KEY: KEY });
  });

  it('plans a create with the manager resolved, looking people and managers up in one HR call', async () => {
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
    expect(icims.getPerson).toHaveBeenCalledWith({ tenantId: 'acme', customerId: '6268' }, '1930', undefined, { priority: 'manual' });
    expect(hr.findByIcimsIds).toHaveBeenCalledTimes(1);
    expect(hr.findByIcimsIds).toHaveBeenCalledWith('acme', ['1930', '77']);
    expect(plan.record).toMatchObject({ icimsId: '1930', outcome: 'added' });
    expect(plan.write).toEqual({ kind: 'create', employee: expect.objectContaining({ icimsId: '1930', firstName: 'Jane', managerId: 'hr-77', startDate: '2026-12-01' }) });
    expect(plan.hash).toEqual(expect.any(String));
  });

  it('plans only the synced fields that changed, clearing what iCIMS no longer has', async () => {
    hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee], ['1930', { ...CURRENT, firstName: 'Janet', city: 'Austin' }]]));
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
    expect(plan.record).toEqual({ icimsId: '1930', employeeId: 'hr-1930', outcome: 'updated', changedFields: ['firstName', 'city'], warnings: ['address1:NO_ADDRESS'] });
    expect(plan.write).toEqual({ kind: 'update', employeeId: 'hr-1930', changes: { firstName: 'Jane', city: null } });
  });

  it('skips an employee that is already up to date, with nothing to write', async () => {
    hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee], ['1930', CURRENT]]));
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
    expect(plan.record).toEqual({ icimsId: '1930', employeeId: 'hr-1930', outcome: 'skipped', reason: 'UNCHANGED', warnings: ['address1:NO_ADDRESS'] });
    expect(plan.write).toBeUndefined();
  });

  it.each([
    ['a person iCIMS no longer has', SETTINGS, () => icims.getPerson.mockRejectedValue(new IcimsNotFound('person 1930')), 'PERSON_NOT_FOUND'],
    ['a Namely person whose employment ended', { ...SETTINGS, profile: 'namely' as const }, () => icims.getPerson.mockResolvedValue({ ...PERSON, enddate: '2020-01-01' }), 'EMPLOYMENT_ENDED'],
  ])('skips %s', async (_case, settings, arrange, reason) => {
    arrange();
    const [plan] = await sut.plan(contextOf(settings), ['1930'], { priority: 'manual' });
    expect(plan.record).toEqual({ icimsId: '1930', outcome: 'skipped', reason });
    expect(plan.write).toBeUndefined();
  });

  it('reports a person that cannot be mapped, naming the fields, with nothing to write', async () => {
    icims.getPerson.mockResolvedValue({ ...PERSON, email: 'not-an-email', usssn: '000-00-0000' });
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
    expect(plan.record).toEqual({ icimsId: '1930', outcome: 'errored', reason: 'INVALID_PERSON', details: ['accountEmail:INVALID_EMAIL', 'ssn:INVALID_SSN'] });
    expect(plan.write).toBeUndefined();
  });

  it('lets a transient iCIMS failure through, so the caller retries', async () => {
    icims.getPerson.mockRejectedValue(new IcimsUnavailable('HTTP 503'));
    await expect(sut.plan(context, ['1930'], { priority: 'manual' })).rejects.toBeInstanceOf(IcimsUnavailable);
  });

  it('applies writes and fills in the new employee id', async () => {
    hr.create.mockResolvedValue({ id: 'hr-new' } as StoredEmployee);
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
    expect(await sut.apply(context, [plan])).toEqual([]);
    expect(plan.record.employeeId).toBe('hr-new');
  });

  it('updates instead when the employee was created meanwhile', async () => {
    hr.create.mockRejectedValue(new AppException('HR_ICIMS_ID_TAKEN', 'taken', 'conflict'));
    // Only the manager is linked when planned; the person is by the time the create is refused.
    const manager = ['77', { id: 'hr-77' } as StoredEmployee] as const;
    hr.findByIcimsIds.mockResolvedValueOnce(new Map([manager])).mockResolvedValueOnce(new Map([manager, ['1930', { ...CURRENT, firstName: 'Old' }]]));
    hr.update.mockResolvedValue(CURRENT);
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
    expect(await sut.apply(context, [plan])).toEqual([]);
    expect(hr.update).toHaveBeenCalledWith('acme', 'hr-1930', { firstName: 'Jane' });
    expect(plan.record.employeeId).toBe('hr-1930');
  });

  it('returns what HR refused as errored outcomes, and throws what is transient', async () => {
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
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
    const plans = await sut.plan(context, ['1930', '77'], { priority: 'manual' });
    expect(await sut.apply(context, plans)).toEqual([]);
    expect(order).toEqual(['77', '1930']);
    expect(hr.create).toHaveBeenLastCalledWith('acme', expect.objectContaining({ icimsId: '1930', managerId: 'hr-77' }));
    expect(plans[0].record.changedFields).toContain('managerId');
    expect(plans[0].record.warnings).toEqual(['address1:NO_ADDRESS']);
  });

  describe('two-way fields', () => {
    const key = { secret: KEY, tenantId: 'acme' };
    const lastSynced = (values: object) => fieldStatesOf(key, '1930', values, ['firstName', 'lastName', 'startDate'], new Date('2026-11-01T00:00:00Z'), 'import');

    it('keeps a name HR changed since the last sync when iCIMS still holds the synced one (its own PATCH coming back, or an export on its way)', async () => {
      hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee], ['1930', { ...CURRENT, firstName: 'Janet' }]]));
      state.fieldStatesOf.mockResolvedValue(new Map([['1930', lastSynced(CURRENT)]]));
      const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
      expect(plan.record).toMatchObject({ outcome: 'skipped', reason: 'UNCHANGED' });
      expect(plan.write).toBeUndefined();
    });

    it('lets the later change win when a name changed on both sides, and records the conflict without values', async () => {
      icims.getPerson.mockResolvedValue({ ...PERSON, firstname: 'Jo', updateddate: '2026-11-28 10:07 AM' });
      hr.findByIcimsIds.mockResolvedValue(new Map([['77', { id: 'hr-77' } as StoredEmployee], ['1930', { ...CURRENT, firstName: 'Janet', updatedAt: '2026-11-28T10:00:00.000Z' }]]));
      state.fieldStatesOf.mockResolvedValue(new Map([['1930', lastSynced(CURRENT)]]));
      const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
      expect(plan.write).toEqual({ kind: 'update', employeeId: 'hr-1930', changes: { firstName: 'Jo' } });
      expect(plan.record.conflicts).toEqual([{ field: 'firstName', kept: 'icims', hrAt: new Date('2026-11-28T10:00:00.000Z'), icimsAt: new Date('2026-11-28T10:07:00Z') }]);
      expect(JSON.stringify(plan.record)).not.toContain('Janet');
    });

    it('records the two-way values in the sync state before it writes to HR', async () => {
      const calls: string[] = [];
      state.recordFields.mockImplementation(async () => void calls.push('state'));
      hr.create.mockImplementation(async () => {
        calls.push('hr');
        return { id: 'hr-new' } as StoredEmployee;
      });
      const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
      await sut.apply(context, [plan]);
      expect(calls).toEqual(['state', 'hr']);
      expect(state.recordFields).toHaveBeenCalledWith('acme', [{ icimsId: '1930', firstSync: true, fields: { firstName: expect.objectContaining({ by: 'import' }), lastName: expect.any(Object), startDate: expect.any(Object) } }]);
    });
  });

  it('puts the mapping\'s warnings on the record', async () => {
    hr.findByIcimsIds.mockResolvedValue(new Map());
    const [plan] = await sut.plan(context, ['1930'], { priority: 'manual' });
    expect(plan.record.warnings).toEqual(['address1:NO_ADDRESS', 'managerId:MANAGER_UNRESOLVED']);
  });
});
