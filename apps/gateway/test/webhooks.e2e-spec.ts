import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Kafka, KafkaMessage } from 'kafkajs';
import { request } from 'undici';
import { Topic, decode } from '@icims-sync/contracts';
import { sha256Hex, signRequest } from '@icims-sync/icims-client';
import { ServiceProcess, adminJwtKey, drainTopic, ensureContractTopics, freePort, gatewayAdminEnv, mongoUrlFor, stackEnv, testKafka, uniqueName } from '@icims-sync/testing';

const HIRED = 'C38353';
const SERVICE_TOKEN = randomBytes(24).toString('hex');

interface Tenant {
  tenantId: string;
  customerId: string;
  inbound: Record<string, string>;
}

describe('POST /webhooks/icims (gateway + vault + iCIMS sandbox, real broker and store)', () => {
  const kafka: Kafka = testKafka();
  const processes: ServiceProcess[] = [];
  const vaultEnv = { ...stackEnv(), MONGO_URL: mongoUrlFor(uniqueName('vault')), VAULT_KEKS: `k1:${randomBytes(32).toString('base64')}`, VAULT_SERVICE_TOKEN: SERVICE_TOKEN, HR_API_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'warn' };
  let gatewayUrl: string;
  let sandboxUrl: string;
  let vaultUrl: string;
  let basic: Tenant;
  let hmac: Tenant;

  async function start(entry: string, env: Record<string, string>): Promise<string> {
    const port = await freePort();
    const child = ServiceProcess.start(entry, { ...env, PORT: String(port) });
    processes.push(child);
    await child.waitUntilReady(`http://127.0.0.1:${port}`);
    return `http://127.0.0.1:${port}`;
  }

  async function createTenant(method: 'basic' | 'hmac'): Promise<Tenant> {
    const tenantId = uniqueName(method);
    const customerId = String(20_000 + Math.floor(Math.random() * 900_000));
    const cli = ServiceProcess.start('apps/credentials-vault/dist/cli/tenant.cli.js', vaultEnv, ['--tenant', tenantId, '--enable', '--customer-id', customerId, '--inbound', method, '--hired', `${HIRED},C9`]);
    const status = await cli.exited;
    if (status.code !== 0) throw new Error(cli.output.stderr);
    const inbound = JSON.parse(/shown once, store them in iCIMS now\): (.*)$/m.exec(cli.output.stdout)![1]);
    await call(sandboxUrl, 'PUT', `/sandbox/customers/${customerId}`, {});
    return { tenantId, customerId, inbound };
  }

  async function call(base: string, method: 'PUT' | 'POST', path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await request(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });
    const text = await response.body.text();
    return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
  }

  /** A hire as iCIMS sends it, through the sandbox's emitter. */
  async function emitHire(tenant: Tenant, options: { newStatus?: string; gzip?: boolean; auth?: Record<string, string> } = {}) {
    const { id } = (await call(sandboxUrl, 'POST', `/sandbox/customers/${tenant.customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' })).body;
    const auth = options.auth ?? tenant.inbound;
    const result = await call(sandboxUrl, 'POST', `/sandbox/customers/${tenant.customerId}/hires`, { targetUrl: `${gatewayUrl}/webhooks/icims`, personId: id, newStatus: options.newStatus ?? HIRED, gzip: options.gzip ?? false, auth });
    return { personId: id as string, status: result.body.status as number, body: JSON.parse(result.body.body) };
  }

  const hiresOf = (tenant: Tenant, count: number, marker?: string) =>
    drainTopic(kafka, Topic.CandidateHired, {
      count,
      filter: (message: KafkaMessage) => message.key?.toString().startsWith(`${tenant.tenantId}:`) ?? false,
    }).then((messages) => {
      if (marker && !messages.some((m) => m.key?.toString() === `${tenant.tenantId}:${marker}`)) throw new Error('marker missing');
      return messages.map((message) => {
        const decoded = decode(Topic.CandidateHired, message.value);
        if (!decoded.ok) throw new Error(decoded.error.message);
        return decoded.envelope;
      });
    });

  beforeAll(async () => {
    await ensureContractTopics(kafka);
    sandboxUrl = await start('apps/icims-sandbox/dist/main.js', { LOG_LEVEL: 'warn' });
    vaultUrl = await start('apps/credentials-vault/dist/main.js', vaultEnv);
    gatewayUrl = await start('apps/gateway/dist/main.js', { ...stackEnv(), MONGO_URL: mongoUrlFor(uniqueName('gateway')), VAULT_URL: vaultUrl, VAULT_SERVICE_TOKEN: SERVICE_TOKEN, WEBHOOK_MAX_BYTES: '65536', LOG_LEVEL: 'warn', ...gatewayAdminEnv('http://127.0.0.1:9', adminJwtKey()) });
    basic = await createTenant('basic');
    hmac = await createTenant('hmac');
  });
  afterAll(async () => {
    await Promise.all(processes.map((child) => child.ensureStopped()));
  });

  it('publishes candidate.hired for a hire, and answers only after the broker acknowledged', async () => {
    const hire = await emitHire(basic);

    expect(hire).toMatchObject({ status: 200, body: { status: 'accepted' } });
    const [envelope] = await hiresOf(basic, 1);
    expect(envelope).toMatchObject({ id: hire.body.eventId, tenantId: basic.tenantId, source: 'gateway', payload: { customerId: basic.customerId, personId: hire.personId, newStatus: HIRED } });
  });

  it('turns the same webhook delivered 5 times into one envelope', async () => {
    const { id: personId } = (await call(sandboxUrl, 'POST', `/sandbox/customers/${hmac.customerId}/people`, { firstname: 'Al', lastname: 'Bo' })).body;
    const deliver = () => call(sandboxUrl, 'POST', `/sandbox/customers/${hmac.customerId}/hires`, { targetUrl: `${gatewayUrl}/webhooks/icims`, personId, newStatus: HIRED, gzip: true, auth: hmac.inbound });

    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(JSON.parse((await deliver()).body.body).status);

    expect(answers).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const marker = await emitHire(hmac, { gzip: true });
    const envelopes = await hiresOf(hmac, 2, marker.personId);
    expect(envelopes.filter((envelope) => envelope.payload.personId === personId)).toHaveLength(1);
  });

  it('asks the vault once for repeated Basic webhooks within the cache window, and for every HMAC one', async () => {
    const vaultVerifications = async () => {
      const metrics = await (await request(`${vaultUrl}/metrics`)).body.text();
      return [...metrics.matchAll(/^http_request_duration_seconds_count\{[^}]*route="\/internal\/inbound\/verify"[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
    };
    const before = await vaultVerifications();
    for (let i = 0; i < 3; i += 1) expect((await emitHire(basic)).body.status).toBe('accepted');
    const afterBasic = await vaultVerifications();
    for (let i = 0; i < 2; i += 1) expect((await emitHire(hmac)).body.status).toBe('accepted');

    // The window is 5 s; three webhooks in a row fit in it unless the machine stalls.
    expect(afterBasic - before).toBeLessThanOrEqual(1);
    expect((await vaultVerifications()) - afterBasic).toBe(2);
  });

  it('acknowledges events that are not hires, and publishes nothing for them', async () => {
    const ignored = await emitHire(basic, { newStatus: 'C11111' });

    expect(ignored).toMatchObject({ status: 200, body: { status: 'ignored', reason: 'status C11111 is not marked as hired' } });
  });

  describe('bad webhooks get the right status and publish nothing', () => {
    const event = (customerId: string, extra: Record<string, unknown> = {}) => ({ eventType: 'WorkFlowStatusChangeEvent', customerId, personId: '1000', newStatus: HIRED, ...extra });
    const basicAuth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
    let goodAuth: Record<string, string>;

    beforeAll(() => {
      goodAuth = basicAuth(basic.inbound.username, basic.inbound.password);
    });

    it('401 for wrong auth, saying nothing about why', async () => {
      expect(await call(gatewayUrl, 'POST', '/webhooks/icims', event(basic.customerId, { personId: '990001' }), basicAuth(basic.inbound.username, 'wrong'))).toEqual({
        status: 401,
        body: {
          error: {
            code: 'UNAUTHORIZED',
            message: 'authentication failed',
            // iCIMS shows userMessage to its admin ("Error Handling and Reporting").
            userMessage: expect.stringContaining("check the endpoint's username and password"),
            debugErrorMessage: 'UNAUTHORIZED: authentication failed',
          },
        },
      });
    });

    it('401 for an unknown customer, the same answer', async () => {
      const wrongAuth = await call(gatewayUrl, 'POST', '/webhooks/icims', event(basic.customerId, { personId: '990001' }), basicAuth(basic.inbound.username, 'wrong'));
      expect(await call(gatewayUrl, 'POST', '/webhooks/icims', event('777777777', { personId: '990002' }), goodAuth)).toEqual(wrongAuth);
    });

    it('400 for a body that is not JSON', async () => {
      const response = await call(gatewayUrl, 'POST', '/webhooks/icims', '{"eventType": "WorkFlow', goodAuth);
      const message = "Body is not valid JSON but content-type is set to 'application/json'";
      expect(response).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message, userMessage: `icims-sync could not read this event: ${message}.`, debugErrorMessage: `BAD_REQUEST: ${message}` } } });
    });

    it('400 naming the bad field of an event', async () => {
      const response = await call(gatewayUrl, 'POST', '/webhooks/icims', event(basic.customerId, { personId: 'nine-nine' }), goodAuth);
      const message = 'personId: personId must be an iCIMS id (digits, as a string)';
      expect(response).toEqual({ status: 400, body: { error: { code: 'INVALID_EVENT', message, userMessage: `icims-sync could not read this event: ${message}.`, debugErrorMessage: `INVALID_EVENT: ${message}` } } });
    });

    it('413 for a gzip bomb', async () => {
      const bomb = gzipSync(Buffer.concat([Buffer.from(JSON.stringify(event(basic.customerId)).slice(0, -1) + ',"pad":"'), Buffer.alloc(5_000_000, 'a'), Buffer.from('"}')]));
      expect(bomb.length).toBeLessThan(65_536);
      const response = await call(gatewayUrl, 'POST', '/webhooks/icims', bomb, { ...goodAuth, 'content-encoding': 'gzip' });
      expect(response.status).toBe(413);
    });

    it('answers a 10 MB plain body with 413 and closes the connection, so a client still sending is not left hanging', async () => {
      const { hostname, port } = new URL(gatewayUrl);
      const socket = connect(Number(port), hostname);
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('error', () => undefined);
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      const total = 10 * 1024 * 1024;
      socket.write(`POST /webhooks/icims HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`);
      // Keep sending, as a client with a slow or stubborn upload would, until the server hangs up.
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent < total && !socket.destroyed && socket.writable; sent += chunk.length) {
        if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
      }

      await closed;

      expect(received).toMatch(/^HTTP\/1\.1 413 /);
      expect(received.toLowerCase()).toContain('connection: close');
    });

    it.each([
      ['br', Buffer.from(JSON.stringify({ customerId: '1' })), 415, 'UNSUPPORTED_ENCODING'],
      ['gzip', Buffer.from('this is not gzip at all'), 400, 'INVALID_GZIP'],
    ])('answers a body with Content-Encoding %s it cannot read with a 4xx naming it, never a 500', async (encoding, body, status, code) => {
      const response = await call(gatewayUrl, 'POST', '/webhooks/icims', body, { ...goodAuth, 'content-encoding': encoding });

      expect(response.status).toBe(status);
      expect(response.body.error).toMatchObject({ code });
      expect(response.body.error.errorId).toBeUndefined();
    });

    it('401 for a signed request whose body was changed in transit', async () => {
      const body = JSON.stringify(event(hmac.customerId, { personId: '990003' }));
      const url = new URL(`${gatewayUrl}/webhooks/icims`);
      const headers = signRequest({ method: 'POST', pathAndQuery: url.pathname, headers: { 'content-type': 'application/json', host: url.host }, bodySha256: sha256Hex(body) }, hmac.inbound.username, hmac.inbound.hmacKey);
      const response = await call(gatewayUrl, 'POST', '/webhooks/icims', body.replace('990003', '990004'), headers);
      expect(response.status).toBe(401);
    });

    afterAll(async () => {
      // Nothing above was published: the next good hire is the only new envelope of its kind.
      const marker = await emitHire(basic);
      const envelopes = await hiresOf(basic, 2, marker.personId);
      expect(envelopes.map((envelope) => envelope.payload.personId).filter((id) => id.startsWith('99000'))).toEqual([]);
    });
  });
});
