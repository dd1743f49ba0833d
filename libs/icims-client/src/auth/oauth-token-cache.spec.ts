import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';
import { OAuthTokenCache } from './oauth-token-cache';

describe(OAuthTokenCache.name, () => {
  let server: Server;
  let tokenUrl: string;
  let issued: number;

  beforeAll(async () => {
    // A token endpoint that names each token after the client id it was asked for.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        issued += 1;
        const clientId = new URLSearchParams(body).get('client_id');
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ access_token: `${clientId}-${issued}`, expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (issued = 0));

  it('reuses a tenant’s token while its credentials stay the same', async () => {
    const sut = new OAuthTokenCache();
    const credentials = { clientId: 'old', clientSecret: 's1', tokenUrl };

    expect((await sut.get('acme', credentials)).value).toBe('old-1');
    expect((await sut.get('acme', credentials)).value).toBe('old-1');
  });

  it('never answers with a token of the credentials a tenant had before', async () => {
    const sut = new OAuthTokenCache();
    await sut.get('acme', { clientId: 'old', clientSecret: 's1', tokenUrl });

    expect((await sut.get('acme', { clientId: 'new', clientSecret: 's2', tokenUrl })).value).toBe('new-2');
    expect((await sut.get('acme', { clientId: 'new', clientSecret: 'rotated', tokenUrl })).value).toBe('new-3');
  });
});
