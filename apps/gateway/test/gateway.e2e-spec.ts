import { ServiceProcess, describeServiceLifecycle, freePort, stackEnv } from '@icims-sync/testing';

const REQUIRED = {
  VAULT_URL: 'http://127.0.0.1:9',
  VAULT_SERVICE_TOKEN: 'a-service-token-of-at-least-32-chars!',
  HR_API_URL: 'http://127.0.0.1:9',
  ADMIN_JWT_ISSUER: 'hr',
  ADMIN_JWT_AUDIENCE: 'icims-sync',
  ADMIN_JWT_SECRET: 'an-admin-jwt-key-of-at-least-32-characters',
};

describeServiceLifecycle('gateway', REQUIRED);

describe('gateway admin token configuration', () => {
  it.each([
    ['neither a key nor a key set', { ADMIN_JWT_SECRET: '' }],
    ['both a key and a key set', { ADMIN_JWKS_URL: 'https://hr.example.com/.well-known/jwks.json' }],
  ])('refuses to start with %s', async (_case, env) => {
    const gateway = ServiceProcess.start('apps/gateway/dist/main.js', { ...stackEnv(), ...REQUIRED, PORT: String(await freePort()), ...env });

    expect(await gateway.exited).toEqual({ code: 1, signal: null });
    expect(gateway.output.stderr.trim()).toBe('gateway: config error: ADMIN_JWT_SECRET or ADMIN_JWKS_URL: give exactly one of them');
  });

  it('refuses a short HS256 key without printing it', async () => {
    const gateway = ServiceProcess.start('apps/gateway/dist/main.js', { ...stackEnv(), ...REQUIRED, PORT: String(await freePort()), ADMIN_JWT_SECRET: 'short-key' });

    expect(await gateway.exited).toEqual({ code: 1, signal: null });
    expect(gateway.output.stderr).toContain('ADMIN_JWT_SECRET must be at least 32 characters');
    expect(gateway.output.stderr).not.toContain('short-key');
  });
});

describe('gateway admin rate limit', () => {
  let gateway: ServiceProcess | undefined;
  afterEach(async () => gateway?.ensureStopped());

  it('answers 429 in the usual error shape past the per-minute limit, on admin routes only', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    gateway = ServiceProcess.start('apps/gateway/dist/main.js', { ...stackEnv(), ...REQUIRED, PORT: String(port), ADMIN_RATE_LIMIT_PER_MINUTE: '3' });
    await gateway.waitUntilReady(base);

    // Neither a made-up X-Forwarded-For nor an encoded path escapes the count.
    const statuses: number[] = [];
    for (const [path, forwardedFor] of [['/admin/tenants/acme/icims', '203.0.113.1'], ['/%61dmin/tenants/acme/icims', '203.0.113.2'], ['/admin/tenants/acme/icims', '203.0.113.3'], ['/%61dmin/tenants/acme/icims', '203.0.113.4']]) {
      statuses.push((await fetch(`${base}${path}`, { headers: { 'x-forwarded-for': forwardedFor } })).status);
    }
    const limited = await fetch(`${base}/admin/tenants/acme/icims`);

    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^too many requests; try again in \d+ s$/) } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/openapi.json`)).status).toBe(200);
  });

  it('limits unauthenticated webhook calls per client address too, and believes X-Forwarded-For only from a configured proxy', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    gateway = ServiceProcess.start('apps/gateway/dist/main.js', { ...stackEnv(), ...REQUIRED, PORT: String(port), PUBLIC_RATE_LIMIT_PER_MINUTE: '2', TRUSTED_PROXIES: '127.0.0.1' });
    await gateway.waitUntilReady(base);
    const webhook = (forwardedFor: string) => fetch(`${base}/webhooks/icims`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: '{}' });

    const fromOneClient = [(await webhook('198.51.100.7')).status, (await webhook('198.51.100.7')).status, await webhook('198.51.100.7').then(async (response) => ({ status: response.status, body: (await response.json()) as { error: Record<string, string> } }))] as const;
    const fromAnother = (await webhook('198.51.100.8')).status;

    // iCIMS retries what it is told is temporary: a limited webhook is a 503 in iCIMS's error shape.
    expect(fromOneClient.slice(0, 2)).not.toContain(503);
    expect(fromOneClient[2].status).toBe(503);
    expect(fromOneClient[2].body.error).toMatchObject({ code: 'RATE_LIMITED', userMessage: expect.stringContaining('briefly unavailable'), debugErrorMessage: expect.stringContaining('RATE_LIMITED') });
    expect(fromAnother).not.toBe(503);
  });

  it('limits webhook calls naming one customer id, and token requests of one client id, from any address', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    gateway = ServiceProcess.start('apps/gateway/dist/main.js', { ...stackEnv(), ...REQUIRED, PORT: String(port), PUBLIC_RATE_LIMIT_PER_SENDER_PER_MINUTE: '2', TRUSTED_PROXIES: '127.0.0.1' });
    await gateway.waitUntilReady(base);
    let address = 0;
    const post = async (path: string, contentType: string, body: string) => {
      address += 1;
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': contentType, 'x-forwarded-for': `198.51.100.${address}` }, body });
      return ((await response.json()) as { error?: { code: string } }).error?.code;
    };
    const webhook = (customerId: string) => post('/webhooks/icims', 'application/json', JSON.stringify({ eventType: 'WorkFlowStatusChangeEvent', customerId, personId: '1' }));
    const token = (clientId: string) => post('/webhooks/oauth/token', 'application/x-www-form-urlencoded', `grant_type=client_credentials&client_id=${clientId}&client_secret=s`);

    // Past the limit, and this test's vault is unreachable: the first two reach for it, the third is refused before.
    expect([await webhook('6268'), await webhook('6268'), await webhook('6268'), await webhook('7000')]).toEqual(['DEPENDENCY_UNAVAILABLE', 'DEPENDENCY_UNAVAILABLE', 'RATE_LIMITED', 'DEPENDENCY_UNAVAILABLE']);
    expect([await token('acme'), await token('acme'), await token('acme')]).toEqual(['DEPENDENCY_UNAVAILABLE', 'DEPENDENCY_UNAVAILABLE', 'RATE_LIMITED']);
  });
});
