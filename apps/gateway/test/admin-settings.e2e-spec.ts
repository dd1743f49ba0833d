import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { SignJWT } from 'jose';
import { ACTOR_HEADERS, SERVICE_TOKEN_HEADER } from '@icims-sync/contracts';
import {
  JsonResponse,
  ServiceProcess,
  adminJwtKey,
  callJson,
  freePort,
  gatewayAdminEnv,
  hrSandboxJwtEnv,
  mongoUrlFor,
  signInHrUser,
  stackEnv,
  uniqueName,
} from '@icims-sync/testing';

const SERVICE_TOKEN = randomBytes(24).toString('hex');
const key = () => randomBytes(32).toString('base64');
const KEKS = { k1: `k1:${key()}`, k2: `k2:${key()}`, k3: `k3:${key()}` };
const HIRED = 'C38353';
type Method = 'GET' | 'PUT' | 'POST';

/**
 * The HR admin's iCIMS settings, end to end: gateway (JWT, RBAC, OpenAPI) → vault (consent,
 * sealed credentials, Connect, owner, toggles, history) → iCIMS and HR sandboxes, all as
 * separate processes on the real store.
 */
describe('admin API: iCIMS settings (gateway + vault + sandboxes)', () => {
  const processes: ServiceProcess[] = [];
  const vaultDatabase = uniqueName('vault');
  const tenant = uniqueName('acme');
  const hmacTenant = uniqueName('namely');
  const rbacTenant = uniqueName('rbac');
  const otherTenant = uniqueName('other');
  const offTenant = uniqueName('off');
  const base = 400_000 + Math.floor(Math.random() * 500_000);
  const customers = { oauth: String(base), hmac: String(base + 1), denied: String(base + 2), rbac: String(base + 3), unknown: String(base + 4) };
  const secrets = {
    oauth: `oauth-${randomBytes(12).toString('hex')}`,
    hmac: `hmac-${randomBytes(12).toString('hex')}`,
    denied: `denied-${randomBytes(12).toString('hex')}`,
    wrong: `wrong-${randomBytes(12).toString('hex')}`,
  };
  /** Everything secret the suite used; none may appear in a log line or in the history. */
  const secretsUsed: string[] = [...Object.values(secrets), SERVICE_TOKEN, ...Object.values(KEKS).map((entry) => entry.slice(3))];
  const tokens: Record<string, string> = {};
  let jwtKey: string;
  let urls: Record<'sandbox' | 'hr' | 'gateway' | 'unreachableVault', string>;
  let vaultPort: number;
  let vault: ServiceProcess;
  let mongo: MongoClient;

  const vaultUrl = () => `http://127.0.0.1:${vaultPort}`;
  const vaultEnv = (keks: string, overrides: Record<string, string> = {}) => ({
    ...stackEnv(),
    LOG_LEVEL: 'debug',
    MONGO_URL: mongoUrlFor(vaultDatabase),
    VAULT_KEKS: keks,
    VAULT_SERVICE_TOKEN: SERVICE_TOKEN,
    HR_API_URL: urls.hr,
    OWNER_CHECK_TTL_MS: '0',
    ICIMS_API_URL_OVERRIDE: urls.sandbox,
    ICIMS_TOKEN_URL_OVERRIDE: `${urls.sandbox}/oauth/token`,
    ...overrides,
  });

  async function start(entry: string, env: Record<string, string>, port?: number): Promise<{ url: string; child: ServiceProcess }> {
    const chosen = port ?? (await freePort());
    const child = ServiceProcess.start(entry, { LOG_LEVEL: 'debug', ...env, PORT: String(chosen) });
    processes.push(child);
    await child.waitUntilReady(`http://127.0.0.1:${chosen}`);
    return { url: `http://127.0.0.1:${chosen}`, child };
  }

  async function restartVault(keks: string, activeKeyId?: string): Promise<void> {
    vault.kill('SIGTERM');
    await vault.exited;
    vault = (await start('apps/credentials-vault/dist/main.js', vaultEnv(keks, activeKeyId ? { VAULT_ACTIVE_KEK_ID: activeKeyId } : {}), vaultPort)).child;
  }

  async function operator(args: string[], keks = KEKS.k1): Promise<void> {
    const cli = ServiceProcess.start('apps/credentials-vault/dist/cli/tenant.cli.js', vaultEnv(keks), args);
    processes.push(cli);
    if ((await cli.exited).code !== 0) throw new Error(cli.output.stderr);
  }

  const settingsUrl = (tenantId: string, path = '') => `${urls.gateway}/admin/tenants/${tenantId}/icims${path}`;
  const as = (who: string | undefined, method: Method, tenantId: string, path = '', body?: unknown): Promise<JsonResponse> =>
    callJson(method, settingsUrl(tenantId, path), body, who ? { authorization: `Bearer ${tokens[who]}` } : {});
  const ada = (method: Method, path = '', body?: unknown) => as('ada', method, tenant, path, body);
  /** The vault's side of the same API, as the gateway calls it. */
  const vaultAsAda = (baseUrl: string, method: Method, path: string) =>
    callJson(method, `${baseUrl}/internal/tenants/${tenant}/icims${path}`, undefined, { [SERVICE_TOKEN_HEADER]: SERVICE_TOKEN, [ACTOR_HEADERS.userId]: 'ada', [ACTOR_HEADERS.displayName]: 'Ada%20Admin' });

  beforeAll(async () => {
    jwtKey = adminJwtKey();
    secretsUsed.push(jwtKey);
    const [sandbox, hr] = await Promise.all([
      start('apps/icims-sandbox/dist/main.js', {}),
      start('apps/hr-sandbox/dist/main.js', { ...stackEnv(), MONGO_URL: mongoUrlFor(uniqueName('hr')), ...hrSandboxJwtEnv(jwtKey) }),
    ]);
    urls = { sandbox: sandbox.url, hr: hr.url, gateway: '', unreachableVault: '' };
    await callJson('PUT', `${urls.sandbox}/sandbox/customers/${customers.oauth}`, { clientId: 'acme-client', clientSecret: secrets.oauth });
    await callJson('PUT', `${urls.sandbox}/sandbox/customers/${customers.rbac}`, { clientId: 'acme-client', clientSecret: secrets.oauth });
    await callJson('PUT', `${urls.sandbox}/sandbox/customers/${customers.hmac}`, { username: 'namely-user', hmacKey: secrets.hmac });
    await callJson('PUT', `${urls.sandbox}/sandbox/customers/${customers.denied}`, { clientId: 'denied-client', clientSecret: secrets.denied, accessDenied: true });

    vaultPort = await freePort();
    vault = (await start('apps/credentials-vault/dist/main.js', vaultEnv(KEKS.k1), vaultPort)).child;
    // A second vault on the same store whose iCIMS is a port nobody listens on.
    const deadPort = await freePort();
    const unreachable = await start('apps/credentials-vault/dist/main.js', vaultEnv(KEKS.k1, { ICIMS_API_URL_OVERRIDE: `http://127.0.0.1:${deadPort}`, ICIMS_TOKEN_URL_OVERRIDE: `http://127.0.0.1:${deadPort}/oauth/token` }));
    const gateway = await start('apps/gateway/dist/main.js', { ...stackEnv(), MONGO_URL: mongoUrlFor(uniqueName('gateway')), VAULT_URL: vaultUrl(), VAULT_SERVICE_TOKEN: SERVICE_TOKEN, ...gatewayAdminEnv(urls.hr, jwtKey) });
    urls = { ...urls, gateway: gateway.url, unreachableVault: unreachable.url };

    for (const tenantId of [tenant, hmacTenant, rbacTenant, otherTenant]) await operator(['--tenant', tenantId, '--enable']);
    await operator(['--tenant', hmacTenant, '--profile', 'namely']);
    const users: [string, string, string, string[], boolean?][] = [
      ['ada', tenant, 'Ada Admin', ['HR_ADMIN']],
      ['bob', tenant, 'Bob Builder', ['HR_ADMIN']],
      ['eve', tenant, 'Eve Employee', ['EMPLOYEE']],
      ['ivan', tenant, 'Ivan Inactive', ['HR_ADMIN'], false],
      ['olga', otherTenant, 'Olga Other', ['HR_ADMIN']],
      ['otto', offTenant, 'Otto Off', ['HR_ADMIN']],
      ['hank', hmacTenant, 'Hank Hmac', ['HR_ADMIN']],
      ['rita', rbacTenant, 'Rita Rbac', ['HR_ADMIN']],
    ];
    for (const [userId, tenantId, displayName, roles, active] of users) tokens[userId] = await signInHrUser(urls.hr, tenantId, userId, { displayName, roles, active });
    // Right issuer, audience and claims, wrong key.
    tokens.forged = await new SignJWT({ tenantId: tenant, roles: ['HR_ADMIN'], name: 'Mallory' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ada')
      .setIssuer('hr-sandbox')
      .setAudience('icims-sync')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(adminJwtKey()));
    // The gateway's own key, but a token it must refuse all the same.
    const signed = (alg: string, claims: (jwt: SignJWT) => SignJWT) =>
      claims(new SignJWT({ tenantId: tenant, roles: ['HR_ADMIN'], name: 'Ada Admin' }).setProtectedHeader({ alg }).setSubject('ada').setIssuer('hr-sandbox').setAudience('icims-sync')).sign(
        new TextEncoder().encode(jwtKey),
      );
    tokens.neverExpires = await signed('HS256', (jwt) => jwt.setIssuedAt());
    tokens.otherAlgorithm = await signed('HS512', (jwt) => jwt.setIssuedAt().setExpirationTime('1h'));
    tokens.tooOld = await signed('HS256', (jwt) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 2 * 86_400).setExpirationTime('1h'));
    secretsUsed.push(...Object.values(tokens));
    mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
  });
  afterAll(async () => {
    await mongo?.close();
    await Promise.all(processes.map((child) => child.ensureStopped()));
  });

  /** Every admin endpoint, with a body a valid admin may send, in the order an admin would. */
  const endpoints = (customerId: string): [Method, string, unknown?][] => [
    ['GET', ''],
    ['PUT', '/consent', { accepted: true }],
    ['PUT', '/credentials', { method: 'oauth2', customerId, clientId: 'acme-client', clientSecret: secrets.oauth }],
    ['POST', '/connect'],
    ['GET', '/owner-candidates'],
    ['PUT', '/owner', { userId: 'rita' }],
    ['PUT', '/toggles', { autoImport: false }],
    ['PUT', '/hired-statuses', { statusIds: [HIRED] }],
    ['POST', '/inbound-auth', { method: 'basic' }],
    ['GET', '/changes'],
  ];

  it.each([
    ['anonymous', undefined, 401, 'AUTHENTICATION_REQUIRED'],
    ['a token signed with another key', 'forged', 401, 'AUTHENTICATION_REQUIRED'],
    ['a token without an expiry', 'neverExpires', 401, 'AUTHENTICATION_REQUIRED'],
    ['a token signed with an algorithm not configured (HS512)', 'otherAlgorithm', 401, 'AUTHENTICATION_REQUIRED'],
    ['a token issued two days ago, whatever its exp', 'tooOld', 401, 'AUTHENTICATION_REQUIRED'],
    ['an employee', 'eve', 403, 'FORBIDDEN'],
    ['an inactive HR admin', 'ivan', 403, 'FORBIDDEN'],
    ["another tenant's HR admin", 'olga', 403, 'FORBIDDEN'],
  ])('refuses %s on every endpoint', async (_who, who, status, code) => {
    for (const [method, path, body] of endpoints(customers.rbac)) {
      const response = await as(who, method, tenant, path, body);
      expect({ endpoint: `${method} ${path}`, status: response.status, code: response.body.error.code }).toEqual({ endpoint: `${method} ${path}`, status, code });
    }
    // Nothing reached the vault: no sign-in, no change.
    expect(await mongo.db(vaultDatabase).collection('config_changes').countDocuments({ tenantId: tenant })).toBe(0);
  });

  it('says why a refused admin was refused', async () => {
    expect((await as('ivan', 'GET', tenant)).body.error.message).toBe('your account is inactive in the HR system; only an active HR admin can see or change the iCIMS integration');
    expect((await as('eve', 'GET', tenant)).body.error.message).toBe('only an HR admin can see or change the iCIMS integration');
    expect((await as('olga', 'GET', tenant)).body.error.message).toBe(`your sign-in is for tenant ${otherTenant}, not ${tenant}`);
  });

  it('lets an active HR admin of the tenant use every endpoint', async () => {
    const expected = [200, 200, 200, 200, 200, 200, 200, 200, 201, 200];
    const answers: string[] = [];
    for (const [method, path, body] of endpoints(customers.rbac)) answers.push(`${method} ${path} ${(await as('rita', method, rbacTenant, path, body)).status}`);

    expect(answers).toEqual(endpoints(customers.rbac).map(([method, path], index) => `${method} ${path} ${expected[index]}`));
  });

  it('answers 404 with a clear message while the operator has not enabled the integration', async () => {
    for (const [method, path, body] of [['GET', ''], ['PUT', '/consent', { accepted: true }]] as const) {
      const response = await as('otto', method, offTenant, path, body);
      expect(response).toEqual({ status: 404, body: { error: { code: 'INTEGRATION_NOT_ENABLED', message: `the iCIMS integration is not enabled for tenant ${offTenant}; ask your account manager to turn it on` } } });
    }
  });

  it('refuses credentials and Connect before consent, then keeps who consented and when', async () => {
    const beforeConsent = await ada('PUT', '/credentials', { method: 'oauth2', customerId: customers.oauth, clientId: 'acme-client', clientSecret: secrets.oauth });
    expect(beforeConsent).toEqual({ status: 409, body: { error: { code: 'CONSENT_REQUIRED', message: 'accept the privacy policy before entering iCIMS credentials' } } });
    expect((await ada('POST', '/connect')).body.error.code).toBe('CONSENT_REQUIRED');
    expect((await ada('PUT', '/consent', { accepted: false })).body.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('accepted must be true') });

    const before = Date.now();
    const accepted = await ada('PUT', '/consent', { accepted: true });

    expect(accepted.status).toBe(200);
    expect(accepted.body.consent).toEqual({ acceptedAt: expect.any(String), userId: 'ada', displayName: 'Ada Admin' });
    expect(Date.parse(accepted.body.consent.acceptedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(accepted.body.consent.acceptedAt)).toBeLessThanOrEqual(Date.now());
    expect((await ada('GET')).body.consent).toEqual(accepted.body.consent);
  });

  it('names every bad or missing field of the credentials form', async () => {
    const bad = await ada('PUT', '/credentials', { method: 'oauth2', region: 'MARS', customerId: 'abc', clientSecret: 'short', color: 'blue' });
    expect(bad.status).toBe(400);
    for (const named of ['region must be US, EU or CA', 'customerId must be your iCIMS customer id', 'clientSecret must be 8 to 500 characters', 'property color should not exist']) {
      expect(bad.body.error.message).toContain(named);
    }
    expect((await ada('PUT', '/credentials', { method: 'carrier-pigeon' })).body.error.message).toContain('method must be oauth2 or hmac');
    expect((await ada('PUT', '/credentials', { method: 'hmac', clientId: 'x' })).body).toEqual({ error: { code: 'CREDENTIALS_INVALID', message: 'clientId do not apply to hmac credentials', details: { fields: ['clientId'] } } });

    const partial = await ada('PUT', '/credentials', { method: 'oauth2', customerId: customers.oauth });
    expect(partial.body.credentials).toMatchObject({ method: 'oauth2', region: 'US', customerId: customers.oauth, missingFields: ['clientId', 'clientSecret'] });
    expect(await ada('POST', '/connect')).toEqual({
      status: 400,
      body: { error: { code: 'CREDENTIALS_INCOMPLETE', message: 'fill in clientId, clientSecret before pressing Connect', details: { fields: ['clientId', 'clientSecret'] } } },
    });
  });

  it('tells bad credentials, forbidden and unreachable apart, and connects with good ones', async () => {
    await ada('PUT', '/credentials', { method: 'oauth2', clientId: 'acme-client', clientSecret: secrets.wrong });
    expect((await ada('POST', '/connect')).body).toMatchObject({ status: 'error', reason: 'BAD_CREDENTIALS', message: 'iCIMS refused the credentials: check the customer id, client id and client secret' });
    expect((await ada('GET')).body.connection).toMatchObject({ state: 'error', reason: 'BAD_CREDENTIALS' });

    const unreachable = await vaultAsAda(urls.unreachableVault, 'POST', '/connect');
    expect(unreachable.body).toMatchObject({ status: 'error', reason: 'UNREACHABLE', message: expect.stringContaining('iCIMS could not be reached') });

    // Good client id and secret, another customer's id: iCIMS issues the token, then refuses it there.
    await ada('PUT', '/credentials', { method: 'oauth2', customerId: customers.unknown, clientId: 'acme-client', clientSecret: secrets.oauth });
    expect((await ada('POST', '/connect')).body).toMatchObject({ status: 'error', reason: 'CUSTOMER_NOT_FOUND', message: `the client id and client secret are valid, but not for iCIMS customer ${customers.unknown}: check the customer id` });

    await ada('PUT', '/credentials', { method: 'oauth2', customerId: customers.denied, clientId: 'denied-client', clientSecret: secrets.denied });
    expect((await ada('POST', '/connect')).body).toMatchObject({ status: 'error', reason: 'FORBIDDEN', message: expect.stringContaining(`iCIMS denies them access to customer ${customers.denied}`) });

    const saved = await ada('PUT', '/credentials', { method: 'oauth2', customerId: customers.oauth, clientId: 'acme-client', clientSecret: secrets.oauth });
    expect(saved.body.connection.state).toBe('not_connected');
    const connected = await ada('POST', '/connect');
    expect(connected).toEqual({ status: 200, body: { status: 'connected', message: `connected to iCIMS customer ${customers.oauth}`, checkedAt: expect.any(String) } });

    const view = await ada('GET');
    expect(view.body).toMatchObject({
      credentials: { method: 'oauth2', region: 'US', customerId: customers.oauth, clientId: 'acme-client', secretHint: `****${secrets.oauth.slice(-4)}`, missingFields: [] },
      connection: { state: 'connected' },
      owner: { userId: 'ada', displayName: 'Ada Admin', valid: true },
      toggles: { autoImport: true, autoExport: true },
      automaticSync: { import: true, export: true },
    });
    for (const secret of Object.values(secrets)) expect(JSON.stringify(view.body)).not.toContain(secret);
  });

  it('connects HMAC credentials (the Namely way) with a signed request', async () => {
    const hank = (method: Method, path: string, body?: unknown) => as('hank', method, hmacTenant, path, body);
    await hank('PUT', '/consent', { accepted: true });
    await hank('PUT', '/credentials', { method: 'hmac', customerId: customers.hmac, username: 'namely-user', hmacKey: secrets.hmac });

    expect((await hank('POST', '/connect')).body).toMatchObject({ status: 'connected' });
    expect((await hank('GET', '')).body).toMatchObject({ profile: 'namely', credentials: { method: 'hmac', username: 'namely-user', secretHint: `****${secrets.hmac.slice(-4)}` } });
  });

  it('keeps no secret in clear in the raw connections documents', async () => {
    const raw = JSON.stringify(await mongo.db(vaultDatabase).collection('connections').find().toArray());

    for (const secret of Object.values(secrets)) expect(raw).not.toContain(secret);
    expect(raw).toContain('"kid":"k1"');
  });

  it('lets the admin opt out of automatic import or export, which are on after connecting', async () => {
    expect((await ada('PUT', '/toggles', {})).body.error).toEqual({ code: 'NOTHING_TO_CHANGE', message: 'give autoImport, autoExport or both', details: { fields: ['autoImport', 'autoExport'] } });
    expect((await ada('PUT', '/toggles', { autoExport: 'yes' })).body.error.message).toContain('autoExport must be true or false');

    const off = await ada('PUT', '/toggles', { autoExport: false });
    expect(off.body).toMatchObject({ toggles: { autoImport: true, autoExport: false }, automaticSync: { import: true, export: false } });
    const bothOff = await ada('PUT', '/toggles', { autoImport: false });
    expect(bothOff.body.automaticSync).toMatchObject({ import: false, export: false, pausedReason: 'toggled_off' });
    expect((await ada('PUT', '/toggles', { autoImport: true, autoExport: true })).body.automaticSync).toEqual({ import: true, export: true });
  });

  it('keeps the tenant\'s own iCIMS field ids, refusing an unknown name or a malformed id whole, and puts one back to the default with null', async () => {
    const defaults = (await ada('GET', '')).body.fieldIds;
    expect(defaults).toMatchObject({ effective: { ssn: 'usssn', adpAssociateId: 'adpassociateid' }, overrides: {} });

    const refused = await ada('PUT', '/field-ids', { fieldIds: { ssn: 'customfield4567', shoeSize: 'customfield1' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_FIELD_IDS', details: { fields: ['shoeSize'] } });
    expect((await ada('PUT', '/field-ids', { fieldIds: { jobCode: 'Custom Field!' } })).body.error).toMatchObject({ code: 'INVALID_FIELD_IDS', details: { fields: ['jobCode'] } });
    expect((await ada('PUT', '/field-ids', { fieldIds: 'ssn' })).body.error.message).toContain('fieldIds must be an object');
    expect((await ada('GET', '')).body.fieldIds).toEqual(defaults);

    const set = await ada('PUT', '/field-ids', { fieldIds: { ssn: 'customfield4567', adpAssociateId: 'customfield1234' } });
    expect(set.body.fieldIds).toMatchObject({ effective: { ssn: 'customfield4567', adpAssociateId: 'customfield1234', firstName: 'firstname' }, overrides: { ssn: 'customfield4567', adpAssociateId: 'customfield1234' } });
    const reset = await ada('PUT', '/field-ids', { fieldIds: { ssn: null } });
    expect(reset.body.fieldIds).toMatchObject({ effective: { ssn: 'usssn', adpAssociateId: 'customfield1234' }, overrides: { adpAssociateId: 'customfield1234' } });
    const [newest] = (await ada('GET', '/changes?limit=1')).body;
    expect(newest).toMatchObject({ action: 'field_ids.set', actor: { userId: 'ada' }, changes: { ssn: null } });
    await ada('PUT', '/field-ids', { fieldIds: { adpAssociateId: null } });
  });

  it('takes the owner only from active HR admins who signed in; an owner who loses the role pauses automatic sync', async () => {
    expect((await ada('PUT', '/owner', { userId: 'zed' })).body.error.code).toBe('OWNER_NOT_SIGNED_IN');
    expect((await as('bob', 'GET', tenant)).status).toBe(200);
    expect((await ada('GET', '/owner-candidates')).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: 'ada', eligible: true }), expect.objectContaining({ userId: 'bob', displayName: 'Bob Builder', eligible: true })]),
    );
    expect((await ada('PUT', '/owner', { userId: 'bob' })).body.owner).toEqual({ userId: 'bob', displayName: 'Bob Builder', valid: true });

    await callJson('PUT', `${urls.hr}/tenants/${tenant}/users/bob`, { displayName: 'Bob Builder', roles: ['EMPLOYEE'], active: true });

    const view = (await ada('GET')).body;
    const message = 'the owner Bob Builder is not an HR admin; automatic sync is paused until an active HR admin is chosen as owner';
    expect(view.connection).toMatchObject({ state: 'owner_invalid', reason: 'OWNER_INVALID', message });
    expect(view.owner).toEqual({ userId: 'bob', displayName: 'Bob Builder', valid: false, message });
    expect(view.automaticSync).toEqual({ import: false, export: false, pausedReason: 'owner_invalid', message });
    const internal = await callJson('GET', `${vaultUrl()}/internal/tenants/${tenant}/settings`, undefined, { [SERVICE_TOKEN_HEADER]: SERVICE_TOKEN });
    expect(internal.body.automaticSync).toEqual({ import: false, export: false, pausedReason: 'owner_invalid' });
    expect((await ada('GET', '/owner-candidates')).body).toEqual(expect.arrayContaining([expect.objectContaining({ userId: 'bob', eligible: false, reason: 'is not an HR admin' })]));
    expect((await ada('PUT', '/owner', { userId: 'bob' })).body.error).toMatchObject({ code: 'OWNER_NOT_ELIGIBLE', message: 'user bob is not an HR admin; the owner must be an active HR admin' });

    const fixed = await ada('PUT', '/owner', { userId: 'ada' });
    expect(fixed.body).toMatchObject({ connection: { state: 'connected' }, owner: { userId: 'ada', valid: true }, automaticSync: { import: true, export: true } });
  });

  it.each([
    ['', '?before[$gt]=2020-01-01', 'before[$gt]', 'this endpoint takes none'],
    ['/changes', '?before[$gt]=2020-01-01', 'before[$gt]', 'this endpoint takes limit, before'],
    ['/owner-candidates', '?all=1', 'all', 'this endpoint takes none'],
  ])('answers 400 naming a query parameter GET /icims%s does not take', async (path, query, name, accepted) => {
    const response = await ada('GET', `${path}${query}`);

    expect(response).toMatchObject({ status: 400, body: { error: { code: 'UNKNOWN_QUERY_PARAMETER', message: `unknown query parameter ${name}: ${accepted}` } } });
  });

  it('generates inbound webhook auth shown once, which then authenticates a hire', async () => {
    expect((await ada('PUT', '/hired-statuses', { statusIds: ['bad id!'] })).body.error.message).toContain('each of statusIds must be an iCIMS status id');
    expect(await ada('PUT', '/hired-statuses', { statusIds: [] })).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('statusIds must name at least one status') } } });
    expect((await ada('PUT', '/hired-statuses', { statusIds: [HIRED, HIRED, 'C9'] })).body.hiredStatusIds).toEqual([HIRED, 'C9']);
    const generated = await ada('POST', '/inbound-auth', { method: 'hmac' });
    expect(generated).toEqual({ status: 201, body: { method: 'hmac', identity: `icims-${tenant}`, secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), webhookPath: '/webhooks/icims' } });
    secretsUsed.push(generated.body.secret);

    const view = (await ada('GET')).body;
    expect(view.inbound).toEqual({ method: 'hmac', identity: `icims-${tenant}`, createdAt: expect.any(String) });
    expect(JSON.stringify(view)).not.toContain(generated.body.secret);

    const person = (await callJson('POST', `${urls.sandbox}/sandbox/customers/${customers.oauth}/people`, { firstname: 'Ada', lastname: 'Lovelace' })).body.id;
    const emitted = await callJson('POST', `${urls.sandbox}/sandbox/customers/${customers.oauth}/hires`, {
      targetUrl: `${urls.gateway}/webhooks/icims`,
      personId: person,
      newStatus: HIRED,
      auth: { method: 'hmac', username: generated.body.identity, hmacKey: generated.body.secret },
    });
    expect(emitted.body.status).toBe(200);
    expect(JSON.parse(emitted.body.body).status).toBe('accepted');

    const oauth = await ada('POST', '/inbound-auth', { method: 'oauth' });
    expect(oauth.body).toMatchObject({ method: 'oauth', identity: expect.stringMatching(new RegExp(`^icims-${tenant}-[0-9a-f]{8}$`)), tokenPath: '/webhooks/oauth/token' });
    secretsUsed.push(oauth.body.secret);

    // The token endpoint: client credentials only, and an answer no cache keeps.
    const tokenRequest = (grantType: string) =>
      fetch(`${urls.gateway}/webhooks/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: grantType, client_id: oauth.body.identity, client_secret: oauth.body.secret }).toString(),
      });
    const issued = await tokenRequest('client_credentials');
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    secretsUsed.push(((await issued.json()) as { access_token: string }).access_token);
    const refused = await tokenRequest('password');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('grant_type must be client_credentials');
  });

  it('writes every change to config_changes with who and when, and never a secret value', async () => {
    const changes = (await ada('GET', '/changes?limit=200')).body as { at: string; actor: { userId: string }; action: string; changes: Record<string, unknown> }[];

    const actions = changes.map((change) => change.action);
    for (const action of ['consent.accepted', 'credentials.saved', 'connection.tested', 'toggles.set', 'owner.set', 'owner.invalid', 'hired_statuses.set', 'inbound.generated']) expect(actions).toContain(action);
    expect(changes.find((change) => change.action === 'owner.invalid')).toMatchObject({ actor: { userId: 'system' }, changes: { owner: 'bob' } });
    expect(changes.find((change) => change.action === 'consent.accepted')).toMatchObject({ actor: { userId: 'ada', displayName: 'Ada Admin' } });
    expect(changes.filter((change) => change.action === 'credentials.saved').some((change) => change.changes.clientSecret === '(changed)')).toBe(true);
    const [newest, second] = (await ada('GET', '/changes?limit=2')).body;
    expect([newest, second]).toEqual(changes.slice(0, 2));
    expect((await ada('GET', `/changes?limit=1&before=${encodeURIComponent(second.at)}`)).body).toEqual([changes[2]]);
    expect((await ada('GET', '/changes?limit=0')).body.error.code).toBe('BAD_LIMIT');

    const raw = JSON.stringify(await mongo.db(vaultDatabase).collection('config_changes').find().toArray());
    for (const secret of secretsUsed) expect(raw).not.toContain(secret);
  });

  it('documents every admin endpoint in OpenAPI, with the validated request bodies', async () => {
    const document = (await callJson('GET', `${urls.gateway}/openapi.json`)).body;
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

    for (const [method, path] of endpoints(customers.rbac)) expect(documented).toContain(`${method} /admin/tenants/{tenantId}/icims${path}`);
    expect(document.components.schemas.IcimsCredentialsDto).toMatchObject({ required: ['method'], properties: { method: { enum: ['oauth2', 'hmac'] }, customerId: { pattern: '^\\d{1,20}$' } } });
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect((await callJson('GET', `${urls.gateway}/docs`)).status).toBe(200);
  });

  it('connects after a key rotation and rewrap; a key nobody holds gives a clear error', async () => {
    await restartVault(`${KEKS.k1},${KEKS.k2}`, 'k2');
    const rewrap = ServiceProcess.start('apps/credentials-vault/dist/cli/rewrap.cli.js', { ...vaultEnv(`${KEKS.k1},${KEKS.k2}`), VAULT_ACTIVE_KEK_ID: 'k2' });
    processes.push(rewrap);
    expect(await rewrap.exited).toEqual({ code: 0, signal: null });
    expect(rewrap.output.stdout).toMatch(/rewrapped \d+ secret\(s\) to key "k2"/);

    await restartVault(KEKS.k2);
    expect((await ada('POST', '/connect')).body).toMatchObject({ status: 'connected' });

    await restartVault(KEKS.k3);
    expect(await ada('POST', '/connect')).toEqual({
      status: 409,
      body: { error: { code: 'SECRET_UNREADABLE', message: "the saved client secret cannot be read with the vault's current keys (UNKNOWN_KEY_ID); enter it again, or ask the platform operator to restore the key" } },
    });
  });

  it('wrote none of the secrets it used to any log line', async () => {
    const logs = processes.map((child) => child.output.stdout + child.output.stderr).join('\n');
    // The capture works: the suite's own requests are in it.
    expect(logs).toContain(`/admin/tenants/${tenant}/icims/connect`);
    expect(logs.split('\n').length).toBeGreaterThan(200);

    for (const secret of secretsUsed) expect({ secret: `${secret.slice(0, 6)}…`, found: logs.includes(secret) }).toEqual({ secret: `${secret.slice(0, 6)}…`, found: false });
  });
});
