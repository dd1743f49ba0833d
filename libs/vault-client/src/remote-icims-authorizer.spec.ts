import { VaultInternalClient, VaultResponse } from './vault-internal.client';
import { RemoteIcimsAuthorizer } from './remote-icims-authorizer';

const request = (tenantId: string, url = 'https://api.icims.com/customers/1/people/2') => ({ tenantId, method: 'GET', url, headers: {}, body: '' });

function vaultAnswering(answer: (call: number) => VaultResponse) {
  let calls = 0;
  const post = jest.fn(async (_path: string, _body: unknown) => answer((calls += 1)));
  return { vault: { post } as unknown as VaultInternalClient, post };
}

describe('RemoteIcimsAuthorizer', () => {
  afterEach(() => jest.useRealTimers());

  it('reuses a bearer token the vault marks reusable, per tenant and host, for at most a minute', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { vault, post } = vaultAnswering((call) => ({ status: 200, json: { headers: { authorization: `Bearer t${call}` }, reusableForMs: 3_600_000 } }));
    const authorizer = new RemoteIcimsAuthorizer(vault);
    expect(await authorizer.authorize(request('a'))).toEqual({ authorization: 'Bearer t1' });
    expect(await authorizer.authorize(request('a', 'https://api.icims.com/customers/1/search/people'))).toEqual({ authorization: 'Bearer t1' });
    expect(await authorizer.authorize(request('b'))).toEqual({ authorization: 'Bearer t2' });
    expect(await authorizer.authorize(request('a', 'https://api-eu.icims.com/customers/1/people/2'))).toEqual({ authorization: 'Bearer t3' });
    jest.setSystemTime(1_000_000 + 60_001);
    expect(await authorizer.authorize(request('a'))).toEqual({ authorization: 'Bearer t4' });
    expect(post).toHaveBeenCalledTimes(4);
  });

  it('asks again after invalidate, and tells the vault', async () => {
    const { vault, post } = vaultAnswering((call) => ({ status: 200, json: { headers: { authorization: `Bearer t${call}` }, reusableForMs: 3_600_000 } }));
    const authorizer = new RemoteIcimsAuthorizer(vault);
    await authorizer.authorize(request('a'));
    authorizer.invalidate('a');
    expect(await authorizer.authorize(request('a'))).toEqual({ authorization: 'Bearer t3' });
    expect(post.mock.calls.map(([path]) => path)).toEqual(['/internal/icims/authorize', '/internal/icims/invalidate', '/internal/icims/authorize']);
  });

  it('asks for every request when the headers are a per-request signature', async () => {
    const { vault, post } = vaultAnswering((call) => ({ status: 200, json: { headers: { authorization: `x-icims-v1-hmac-sha256 sig${call}` } } }));
    const authorizer = new RemoteIcimsAuthorizer(vault);
    await authorizer.authorize(request('a'));
    expect(await authorizer.authorize(request('a'))).toEqual({ authorization: 'x-icims-v1-hmac-sha256 sig2' });
    expect(post).toHaveBeenCalledTimes(2);
  });
});
