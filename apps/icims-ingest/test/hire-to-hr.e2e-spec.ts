import { MongoClient } from 'mongodb';
import { request } from 'undici';
import { Topic } from '@icims-sync/contracts';
import { ConnectedTenant, StackUrls, SyncStack, callJson, drainTopic, expectEventually, signInHrUser, stackEnv, uniqueName } from '@icims-sync/testing';

const HIRED = 'C38353';

/**
 * The whole hire path as separate processes on the real broker and store:
 * iCIMS sandbox → gateway → candidate.hired → icims-ingest → HR sandbox.
 */
describe('a hire in iCIMS lands in the HR system', () => {
  let stack: SyncStack;
  const tenantId = uniqueName('acme');
  const customerId = String(300_000 + Math.floor(Math.random() * 600_000));
  let urls: StackUrls;
  let ingestDatabase: string;
  let inbound: ConnectedTenant['inbound'];

  async function call(base: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) {
    const response = await request(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.body.text();
    return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
  }

  let adminTokenValue = '';
  const adminToken = () => adminTokenValue;
  const callAs = (token: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) => callJson(method, url, body, { authorization: `Bearer ${token}` });
  const employeesOf = async (icimsId: string) => (await call(urls.hr, 'GET', `/tenants/${tenantId}/employees?icimsId=${icimsId}`)).body.items as Record<string, string>[];
  const hire = async (personId: string) =>
    JSON.parse((await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/hires`, { targetUrl: `${urls.gateway}/webhooks/icims`, personId, newStatus: HIRED, auth: inbound })).body.body);

  beforeAll(async () => {
    stack = await SyncStack.start();
    ({ urls, auditDatabase: ingestDatabase } = stack);
    ({ inbound, adminToken: adminTokenValue } = await stack.connectTenant(tenantId, customerId, { hiredStatusIds: [HIRED] }));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('creates the employee with every mapped field', async () => {
    const manager = (await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/people`, { firstname: 'Sam', lastname: 'Boss', email: 'sam.boss@example.com' })).body.id;
    expect((await hire(manager)).status).toBe('accepted');
    const [managerEmployee] = await expectEventually(async () => {
      const found = await employeesOf(manager);
      expect(found).toHaveLength(1);
      return found;
    });
    const person = (await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/people`, {
      firstname: 'Jane',
      lastname: 'Doe',
      email: 'Jane.Doe@Example.com',
      hiredate: '2026-12-01',
      addresses: [
        { entry: 1, addressstreet1: '500 Work Plaza', addresscity: 'Dallas', addressstate: { id: 'D1', value: 'Texas' }, addresszip: '75201', addresscountry: { id: 'D2', value: 'United States' }, addresstype: { entry: 41, value: 'Work' } },
        { entry: 2, addressstreet1: '12 Elm Street', addressstreet2: 'Apt 4', addresscity: 'Austin', addressstate: 'TX', addresszip: '78701-1234', addresscountry: 'USA', addresstype: { entry: 42, value: 'Home' }, primary: true },
      ],
      jobcode: { id: 'C201', value: 'ENG2' },
      homedepartment: { id: 'C301', value: 'RND' },
      locationcode: { id: 'C401', value: 'AUS' },
      hiringmanager: { profile: 'x', id: manager, value: 'Sam Boss' },
      usssn: '123-45-6789',
      birthdate: '1990-02-28',
    })).body.id;

    const accepted = await hire(person);
    expect(accepted.status).toBe('accepted');

    const [employee] = await expectEventually(async () => {
      const found = await employeesOf(person);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(employee).toMatchObject({
      icimsId: person,
      firstName: 'Jane',
      lastName: 'Doe',
      accountEmail: 'jane.doe@example.com',
      personalEmail: 'jane.doe@example.com',
      startDate: '2026-12-01',
      address1: '12 Elm Street',
      address2: 'Apt 4',
      city: 'Austin',
      state: 'TX',
      zipCode: '78701-1234',
      country: 'US',
      positionCode: 'ENG2',
      departmentCode: 'RND',
      locationCode: 'AUS',
      managerId: managerEmployee.id,
      ssn: '123456789',
      dateOfBirth: '1990-02-28',
    });

    // Audited: the run (keyed by the envelope id) and its record, with ids and field names only.
    const mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
    try {
      const db = mongo.db(ingestDatabase);
      const run = await expectEventually(async () => {
        const found = await db.collection('sync_runs').findOne({ _id: accepted.eventId });
        expect(found).not.toBeNull();
        return found!;
      });
      expect(run).toMatchObject({ tenantId, direction: 'import', trigger: 'webhook', status: 'succeeded', counters: { added: 1, updated: 0, deleted: 0, skipped: 0, errored: 0, total: 1 } });
      const records = await db.collection('sync_records').find({ runId: accepted.eventId }).toArray();
      expect(records).toEqual([expect.objectContaining({ icimsId: person, employeeId: employee.id, outcome: 'added', changedFields: expect.arrayContaining(['ssn', 'dateOfBirth', 'firstName']) })]);
      const audit = JSON.stringify(await db.collection('sync_runs').find().toArray()) + JSON.stringify(await db.collection('sync_records').find().toArray());
      for (const pii of ['123456789', '123-45-6789', '1990-02-28', 'Jane', 'jane.doe@example.com', '12 Elm Street']) expect(audit).not.toContain(pii);
    } finally {
      await mongo.close();
    }
  });

  it('turns the same webhook delivered 5 times into one employee and one effect', async () => {
    const person = (await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/people`, { firstname: 'Once', lastname: 'Only', email: 'once@example.com' })).body.id;

    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1) answers.push((await hire(person)).status);
    const marker = (await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/people`, { firstname: 'Mark', lastname: 'Er', email: 'marker@example.com' })).body.id;
    await hire(marker);
    const [markerEmployee] = await expectEventually(async () => {
      const found = await employeesOf(marker);
      expect(found).toHaveLength(1);
      return found;
    });

    expect(answers).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const employees = await employeesOf(person);
    expect(employees).toHaveLength(1);
    // One effect: the gateway published one hire, and the HR system saved this employee once.
    // Keys land on different partitions, so the drain waits for both the employee's save and the marker's.
    const keys = [`${tenantId}:${employees[0].id}`, `${tenantId}:${markerEmployee.id}`];
    const saves = await drainTopic(stack.kafka, Topic.EmployeeUpdated, { count: 2, filter: (message) => keys.includes(message.key?.toString() ?? '') });
    expect(saves.filter((message) => message.key?.toString() === keys[0])).toHaveLength(1);
    const metrics = await (await request(`${urls.ingest}/metrics`)).body.text();
    expect(metrics).toMatch(/hires_total\{outcome="added"\} [3-9]/);
  });

  it('takes a status marked as hired for the very next webhook', async () => {
    const person = (await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/people`, { firstname: 'Newly', lastname: 'Hired', email: 'newly@example.com' })).body.id;
    const hireInto = async (newStatus: string) =>
      JSON.parse((await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/hires`, { targetUrl: `${urls.gateway}/webhooks/icims`, personId: person, newStatus, auth: inbound })).body.body);
    expect(await hireInto('C40000')).toMatchObject({ status: 'ignored', reason: 'status C40000 is not marked as hired' });

    const marked = await callAs(adminToken(), 'PUT', `${urls.gateway}/admin/tenants/${tenantId}/icims/hired-statuses`, { statusIds: [HIRED, 'C40000'] });
    expect(marked.status).toBe(200);

    expect(await hireInto('C40000')).toMatchObject({ status: 'accepted' });
    await expectEventually(async () => expect(await employeesOf(person)).toHaveLength(1));
  });

  it('pauses automatic import while the owner is not an active HR admin, and resumes with a valid owner', async () => {
    const ownerId = 'owen';
    const ownerToken = await signInHrUser(urls.hr, tenantId, ownerId, { displayName: 'Owen Owner', roles: ['HR_ADMIN'] });
    const settings = `${urls.gateway}/admin/tenants/${tenantId}/icims`;
    expect((await callAs(ownerToken, 'GET', settings)).status).toBe(200);
    expect((await callAs(adminToken(), 'PUT', `${settings}/owner`, { userId: ownerId })).body.owner).toEqual({ userId: ownerId, displayName: 'Owen Owner', valid: true });
    await call(urls.hr, 'PUT', `/tenants/${tenantId}/users/${ownerId}`, { displayName: 'Owen Owner', roles: ['HR_ADMIN'], active: false });

    const view = (await callAs(adminToken(), 'GET', settings)).body;
    expect(view.connection).toMatchObject({ state: 'owner_invalid', message: expect.stringContaining('Owen Owner is inactive in the HR system') });
    expect(view.automaticSync).toMatchObject({ import: false, export: false, pausedReason: 'owner_invalid' });
    const paused = (await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/people`, { firstname: 'Paula', lastname: 'Paused', email: 'paula@example.com' })).body.id;
    const pausedHire = await hire(paused);
    expect(pausedHire.status).toBe('accepted');
    const mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
    try {
      const record = await expectEventually(async () => {
        const found = await mongo.db(ingestDatabase).collection('sync_records').findOne({ runId: pausedHire.eventId });
        expect(found).not.toBeNull();
        return found!;
      });
      expect(record).toMatchObject({ icimsId: paused, outcome: 'skipped', reason: 'PAUSED_OWNER_INVALID' });
    } finally {
      await mongo.close();
    }
    expect(await employeesOf(paused)).toEqual([]);

    expect((await callAs(adminToken(), 'PUT', `${settings}/owner`, { userId: 'admin' })).body.automaticSync).toEqual({ import: true, export: true });
    const resumed = (await call(urls.sandbox, 'POST', `/sandbox/customers/${customerId}/people`, { firstname: 'Rita', lastname: 'Resumed', email: 'rita@example.com' })).body.id;
    expect((await hire(resumed)).status).toBe('accepted');
    await expectEventually(async () => expect(await employeesOf(resumed)).toHaveLength(1));
  });
});
