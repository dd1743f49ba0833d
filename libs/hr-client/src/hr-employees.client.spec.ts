import { mock } from '@icims-sync/testing';
import { HrEmployeesClient, StoredEmployee } from './hr-employees.client';
import { HrHttp } from './hr-http';

const employee = (icimsId: string): StoredEmployee => ({ id: `hr-${icimsId}`, icimsId, firstName: 'J', lastName: 'D' });

/** The ids a lookup request asked for. */
const idsOf = (path: string) => new URL(path, 'http://hr').searchParams.get('icimsIds')!.split(',');

describe(HrEmployeesClient.name, () => {
  let http: ReturnType<typeof mock<HrHttp>>;
  let sut: HrEmployeesClient;

  beforeEach(() => {
    http = mock<HrHttp>();
    // The HR system as it answers: the linked employees among the ids asked for (odd ids are linked).
    http.request.mockImplementation(async (_method, path) => ({ status: 200, json: { items: idsOf(path).filter((id) => Number(id) % 2 === 1).map(employee) } }));
    sut = new HrEmployeesClient(http);
  });

  it('sends lookups of one tenant started together as one request, and answers each with its own ids', async () => {
    const [first, second, third] = await Promise.all([sut.findByIcimsIds('acme', ['1', '2']), sut.findByIcimsIds('acme', ['3']), sut.findByIcimsIds('acme', ['1', '4'])]);
    expect(http.request).toHaveBeenCalledTimes(1);
    expect(idsOf(http.request.mock.calls[0][1]).sort()).toEqual(['1', '2', '3', '4']);
    expect([...first.keys()]).toEqual(['1']);
    expect([...second.keys()]).toEqual(['3']);
    expect([...third.keys()]).toEqual(['1']);
    expect(third.get('1')).toEqual(employee('1'));
  });

  it('keeps tenants apart', async () => {
    await Promise.all([sut.findByIcimsIds('acme', ['1']), sut.findByIcimsIds('globex', ['1'])]);
    expect(http.request.mock.calls.map(([, path]) => path.split('/employees')[0]).sort()).toEqual(['/tenants/acme', '/tenants/globex']);
  });

  it('sends a lookup asked for after another was answered on its own, so it sees writes made in between', async () => {
    await sut.findByIcimsIds('acme', ['1']);
    await sut.findByIcimsIds('acme', ['3']);
    expect(http.request).toHaveBeenCalledTimes(2);
  });

  it('splits more ids than the HR system takes at once into several requests', async () => {
    const ids = Array.from({ length: 1_200 }, (_, index) => String(index));
    const found = await sut.findByIcimsIds('acme', ids);
    expect(http.request.mock.calls.map(([, path]) => idsOf(path).length)).toEqual([500, 500, 200]);
    expect(found.size).toBe(600);
  });

  it('fails every lookup of a request the HR system refused, naming the lookup', async () => {
    http.request.mockResolvedValue({ status: 400, json: { error: { code: 'INVALID_QUERY', message: 'icimsIds must be iCIMS ids' } } });
    const lookups = [sut.findByIcimsIds('acme', ['1']), sut.findByIcimsIds('acme', ['2'])];
    for (const lookup of lookups) await expect(lookup).rejects.toMatchObject({ code: 'HR_INVALID_QUERY', message: expect.stringContaining('the lookup of 2 iCIMS ids') });
  });

  it('asks nothing for no ids', async () => {
    expect((await sut.findByIcimsIds('acme', [])).size).toBe(0);
    expect(http.request).not.toHaveBeenCalled();
  });
});
