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
