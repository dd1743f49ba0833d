import { Kafka, KafkaMessage } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Topic, createEvent, dlqTopicOf } from '@icims-sync/contracts';
import { DLQ_HEADER, consumerGroupOf } from '@icims-sync/platform';
import { ServiceProcess, drainTopic, ensureContractTopics, expectEventually, freePort, mongoUrlFor, produceRaw, stackEnv, startGroupAtEnd, testKafka, uniqueName } from '@icims-sync/testing';

const PROBE_ENTRY = 'libs/testing/dist/fixtures/probe-consumer/main.js';
const ALWAYS_FAILS_STATUS = 'probe-always-fails';
const RETRIES = 2;

/** A hire envelope as gateway would publish it, serialised. */
function hire(tenantId: string, personId: string, newStatus = 'C38353') {
  return createEvent(Topic.CandidateHired, { tenantId, source: 'test', payload: { customerId: '6268', personId, newStatus } });
}

describe('KafkaBatchConsumer (real broker, real store, separate process)', () => {
  let kafka: Kafka;
  let mongo: MongoClient;
  const probes: ServiceProcess[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    await ensureContractTopics(kafka);
    mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
  });
  afterEach(async () => {
    await Promise.all(probes.splice(0).map((probe) => probe.ensureStopped()));
  });
  afterAll(async () => {
    await mongo.close();
  });

  async function startProbe(groupId: string, database: string, extraEnv: Record<string, string> = {}) {
    const port = await freePort();
    const probe = ServiceProcess.start(PROBE_ENTRY, {
      ...stackEnv(),
      MONGO_URL: mongoUrlFor(database),
      PORT: String(port),
      KAFKA_GROUP_ID: groupId,
      KAFKA_HANDLER_RETRIES: String(RETRIES),
      KAFKA_RETRY_INITIAL_MS: '20',
      KAFKA_RETRY_MAX_MS: '100',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      ...extraEnv,
    });
    probes.push(probe);
    await probe.waitUntilReady(`http://127.0.0.1:${port}`);
    return probe;
  }

  async function effectIds(database: string, ids: string[]): Promise<string[]> {
    const docs = await mongo.db(database).collection<{ _id: string }>('probe_effects').find({ _id: { $in: ids } }).toArray();
    return docs.map((doc) => doc._id);
  }

  it('sends poison messages to <topic>.dlq with their error and origin, and goes on to the messages after them', async () => {
    const tenant = uniqueName('t');
    const groupId = uniqueName('probe');
    const database = uniqueName('probe');
    const key = `${tenant}:poison`;
    const first = hire(tenant, '101');
    const failing = hire(tenant, '102', ALWAYS_FAILS_STATUS);
    const last = hire(tenant, '103');
    const unknownVersion = { ...hire(tenant, '104').envelope, version: 99 };
    const poison = ['{not json', JSON.stringify({ hello: 'world' }), JSON.stringify(unknownVersion)];
    await startGroupAtEnd(kafka, groupId, [Topic.CandidateHired]);

    // One key, so one partition: the order below is the order the consumer sees.
    await produceRaw(kafka, Topic.CandidateHired, [
      { key, value: poison[0] },
      { key, value: poison[1] },
      { key, value: JSON.stringify(first.envelope) },
      { key, value: poison[2] },
      { key, value: JSON.stringify(failing.envelope) },
      { key, value: JSON.stringify(last.envelope) },
    ]);
    const probe = await startProbe(groupId, database);

    await expectEventually(async () => expect((await effectIds(database, [first.envelope.id, last.envelope.id])).sort()).toEqual([first.envelope.id, last.envelope.id].sort()));
    const dead = await drainTopic(kafka, dlqTopicOf(Topic.CandidateHired), {
      filter: (message) => message.key?.toString() === key && header(message, DLQ_HEADER.consumerGroup) === consumerGroupOf(groupId, Topic.CandidateHired),
      count: 4,
    });

    expect(dead.map((message) => [header(message, DLQ_HEADER.reason), header(message, DLQ_HEADER.code)])).toEqual([
      ['DECODE_ERROR', 'INVALID_JSON'],
      ['DECODE_ERROR', 'INVALID_ENVELOPE'],
      ['DECODE_ERROR', 'UNKNOWN_VERSION'],
      ['RETRIES_EXHAUSTED', 'PROBE_UNAVAILABLE'],
    ]);
    expect(dead.map((message) => message.value?.toString())).toEqual([...poison, JSON.stringify(failing.envelope)]);
    expect(header(dead[1], DLQ_HEADER.message)).toMatch(/id|type|tenantId/);
    expect(header(dead[3], DLQ_HEADER.attempts)).toBe(String(RETRIES + 1));
    for (const message of dead) {
      expect(header(message, DLQ_HEADER.originTopic)).toBe(Topic.CandidateHired);
      expect(Number(header(message, DLQ_HEADER.originOffset))).toBeGreaterThanOrEqual(0);
    }
    expect(await effectIds(database, [failing.envelope.id])).toEqual([]);

    probe.kill('SIGTERM');
    expect(await probe.exited).toEqual({ code: 0, signal: null });
  });

  it('handles every message at least once and applies each effect exactly once across a SIGKILL mid-batch', async () => {
    const tenant = uniqueName('t');
    const groupId = uniqueName('probe');
    const database = uniqueName('probe');
    const events = Array.from({ length: 200 }, (_, index) => hire(tenant, String(1000 + index)));
    const ids = events.map((event) => event.envelope.id);
    await startGroupAtEnd(kafka, groupId, [Topic.CandidateHired]);
    await produceRaw(kafka, Topic.CandidateHired, events.map(({ key, envelope }) => ({ key, value: JSON.stringify(envelope) })));
    const handlings = mongo.db(database).collection<{ envelopeId: string }>('probe_handlings');
    const handledOfOurs = async () => handlings.distinct('envelopeId', { envelopeId: { $in: ids } });

    const first = await startProbe(groupId, database, { PROBE_DELAY_MS: '20' });
    await expectEventually(async () => expect((await handledOfOurs()).length).toBeGreaterThanOrEqual(40), { intervalMs: 20 });
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect((await handledOfOurs()).length).toBeLessThan(ids.length);

    await startProbe(groupId, database);
    await expectEventually(async () => expect(await effectIds(database, ids)).toHaveLength(ids.length), { timeoutMs: 60_000 });

    expect(new Set(await handledOfOurs())).toEqual(new Set(ids));
    const effects = await mongo.db(database).collection('probe_effects').countDocuments({ _id: { $in: ids } } as object);
    expect(effects).toBe(ids.length);
  });
});

function header(message: KafkaMessage, name: string): string | undefined {
  return message.headers?.[name]?.toString();
}
