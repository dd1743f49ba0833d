import { createServer, IncomingMessage, Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { parseHmacAuthorization, verifySignature } from '@icims-sync/icims-client';
import { ServiceProcess, expectEventually, freePort } from '@icims-sync/testing';

interface Received {
  headers: IncomingMessage['headers'];
  url: string;
  raw: Buffer;
}

/** A stand-in receiver that records what the emitter sends. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, url: req.url ?? '', raw: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${port}/webhooks/icims`, received };
}

describe('icims-sandbox hire emitter', () => {
  let sandbox: ServiceProcess;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    sandbox = ServiceProcess.start('apps/icims-sandbox/dist/main.js', { PORT: String(port), LOG_LEVEL: 'warn', DEMO_CUSTOMER_ID: '6268', DEMO_SEED_COUNT: '3' });
    await sandbox.waitUntilReady(baseUrl);
  });
  afterAll(async () => sandbox.ensureStopped());

  const emit = (body: unknown) =>
    request(`${baseUrl}/sandbox/customers/6268/hires`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => ({
      status: response.statusCode,
      body: await response.body.json(),
    }));

  it('POSTs a WorkFlowStatusChangeEvent with Basic auth', async () => {
    const receiver = await startReceiver();
    try {
      const result = await emit({ targetUrl: receiver.url, personId: '1000', newStatus: 'C38353', auth: { method: 'basic', username: 'icims', password: 'pw' } });

      expect(result).toEqual({ status: 200, body: { status: 200, body: '{"status":"accepted"}' } });
      const [delivery] = receiver.received;
      expect(delivery.headers.authorization).toBe(`Basic ${Buffer.from('icims:pw').toString('base64')}`);
      expect(JSON.parse(delivery.raw.toString())).toEqual({
        eventType: 'WorkFlowStatusChangeEvent',
        customerId: '6268',
        systemId: '1479',
        personId: '1000',
        jobId: '1181',
        userId: '244',
        newStatus: 'C38353',
        oldStatus: 'C38352',
        links: [{ rel: 'person', title: 'Person Profile', url: 'https://api.icims.com/customers/6268/people/1000' }],
      });
    } finally {
      receiver.server.close();
    }
  });

  it('signs with HMAC over the gzip bytes it sends', async () => {
    const receiver = await startReceiver();
    try {
      await emit({ targetUrl: receiver.url, personId: '1001', newStatus: 'C38353', gzip: true, auth: { method: 'hmac', username: 'icims', hmacKey: 'k3y' } });

      await expectEventually(() => expect(receiver.received).toHaveLength(1));
      const [delivery] = receiver.received;
      expect(delivery.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(delivery.raw).toString()).personId).toBe('1001');
      const headers = Object.fromEntries(Object.entries(delivery.headers).map(([key, value]) => [key, String(value)]));
      const parsed = parseHmacAuthorization(headers.authorization)!;
      expect(verifySignature({ method: 'POST', pathAndQuery: delivery.url, headers, body: delivery.raw }, parsed, 'k3y')).toBe('valid');
    } finally {
      receiver.server.close();
    }
  });

  it('refuses an emit without the credentials its method needs, naming them', async () => {
    const result = await emit({ targetUrl: 'http://127.0.0.1:1/x', personId: '1000', newStatus: 'S', auth: { method: 'hmac', username: 'icims' } });

    expect(result).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message: 'auth.method hmac needs username and hmacKey' } } });
  });
});
