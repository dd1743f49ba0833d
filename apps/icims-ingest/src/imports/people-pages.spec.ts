import { ImportRunRepository, RunProgressPublisher, SyncRunDocument, SyncStateRepository, ZERO_COUNTERS } from '@icims-sync/sync-ledger';
import { HrEmployeesClient } from '@icims-sync/hr-client';
import { IcimsClient, IcimsPerson } from '@icims-sync/icims-client';
import { connectedTenantSettings, deferred, mock, mockDeep } from '@icims-sync/testing';
import { IcimsClients, tenantContextOf } from '@icims-sync/vault-client';
import { PersonPlan, PersonSyncService } from '../people/person-sync.service';
import { ImportRun } from './import-run';
import { IMPORT_PAGE_SIZE, PeoplePages } from './people-pages';

describe(PeoplePages.name, () => {
  const resolved = tenantContextOf(connectedTenantSettings(), 'acme');
  if (!resolved.ok) throw new Error(resolved.reason);
  const personIds = Array.from({ length: IMPORT_PAGE_SIZE * 2 + 1 }, (_, index) => String(1000 + index));
  const pageOf = (ids: readonly string[]) => personIds.indexOf(ids[0]) / IMPORT_PAGE_SIZE + 1;

  let steps: string[];
  let people: ReturnType<typeof mock<PersonSyncService>>;
  let runs: ReturnType<typeof mock<ImportRunRepository>>;
  let sut: PeoplePages;
  let job: ImportRun;

  beforeEach(() => {
    steps = [];
    const icims = mockDeep<IcimsClient>();
    icims.searchPeople.mockImplementation(async function* () {
      yield* personIds;
    });
    const clients = mock<IcimsClients>();
    clients.forHost.mockReturnValue(icims);
    people = mock<PersonSyncService>();
    people.fetch.mockImplementation(async (_context, ids) => {
      steps.push(`fetch ${pageOf(ids)}`);
      return ids.map(() => ({}) as IcimsPerson);
    });
    people.planFetched.mockImplementation(async (_context, ids) => {
      steps.push(`plan ${pageOf(ids)}`);
      return ids.map((icimsId) => ({ record: { icimsId, outcome: 'added' }, write: { kind: 'create', employee: { icimsId, firstName: 'A', lastName: 'B' } } }) as PersonPlan);
    });
    runs = mock<ImportRunRepository>();
    runs.recorded.mockResolvedValue(new Set());
    sut = new PeoplePages(clients, people, mock<HrEmployeesClient>(), runs, mock<SyncStateRepository>(), mock<RunProgressPublisher>());
    job = { run: { _id: 'run-1', tenantId: 'acme' } as SyncRunDocument, fence: { runId: 'run-1', generation: 1 }, context: resolved.context, priority: 'manual', calls: { priority: 'manual', meter: { count: 0 } }, meterRecorded: 0, counters: { ...ZERO_COUNTERS }, signal: new AbortController().signal };
  });

  it('fetches the next page from iCIMS while a page is written, and plans each page only once the one before is written', async () => {
    const firstWrite = deferred();
    people.apply.mockImplementation(async (_context, plans) => {
      const page = pageOf(plans.map((plan) => plan.record.icimsId));
      steps.push(`write ${page}`);
      if (page === 1) await firstWrite.promise;
      steps.push(`written ${page}`);
      return [];
    });

    const imported = sut.importAll(job, []);
    await new Promise(setImmediate);
    expect(steps).toEqual(['fetch 1', 'fetch 2', 'plan 1', 'write 1']);
    firstWrite.resolve();
    await imported;

    expect(steps).toEqual(['fetch 1', 'fetch 2', 'plan 1', 'write 1', 'written 1', 'fetch 3', 'plan 2', 'write 2', 'written 2', 'plan 3', 'write 3', 'written 3']);
    expect(runs.recordOutcomes).toHaveBeenCalledTimes(3);
  });

  it('stops at the first page that fails, writing nothing after it', async () => {
    people.apply.mockImplementation(async (_context, plans) => {
      if (pageOf(plans.map((plan) => plan.record.icimsId)) === 2) throw new Error('HR down');
      return [];
    });

    await expect(sut.importAll(job, [])).rejects.toThrow('HR down');

    expect(people.apply).toHaveBeenCalledTimes(2);
    expect(runs.recordOutcomes).toHaveBeenCalledTimes(1);
  });
});
