import { Topic, createEvent, dlqTopicOf } from '@icims-sync/contracts';
import { DLQ_HEADER, REPLAYED_FROM_HEADER } from '@icims-sync/platform';
import { ServiceProcess, drainTopic, ensureContractTopics, produceRaw, stackEnv, testKafka, uniqueName } from '@icims-sync/testing';

const CLI = 'libs/platform/dist/cli/dlq-replay.cli.js';

async function runCli(...args: string[]) {
  const cli = ServiceProcess.start(CLI, { ...stackEnv() }, args);
  const status = await cli.exited;
  return { status, ...cli.output };
}

describe('npm run dlq (real broker)', () => {
  const kafka = testKafka();
  beforeAll(() => ensureContractTopics(kafka));

  it('lists dead letters, then replays them onto their topic as they were, once', async () => {
    const key = `${uniqueName('t')}:1`;
    const { envelope } = createEvent(Topic.CandidateHired, { tenantId: 'acme', source: 'test', payload: { customerId: '1', personId: '1', newStatus: 'S' } });
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await produceRaw(kafka, dlqTopicOf(Topic.CandidateHired), [{
      key,
      value: JSON.stringify(envelope),
      headers: { traceparent, [DLQ_HEADER.reason]: 'RETRIES_EXHAUSTED', [DLQ_HEADER.code]: 'HR_DOWN', [DLQ_HEADER.originTopic]: Topic.CandidateHired },
    }]);

    const listed = await runCli('--topic', Topic.CandidateHired, '--list');
    expect(listed.status).toEqual({ code: 0, signal: null });
    expect(listed.stdout).toMatch(/"reason":"RETRIES_EXHAUSTED","code":"HR_DOWN"/);
    expect(listed.stdout).toMatch(/^listed [1-9]\d* dead letter\(s\) of candidate.hired$/m);

    const replayed = await runCli('--topic', Topic.CandidateHired);
    expect(replayed.status).toEqual({ code: 0, signal: null });
    expect(replayed.stdout).toMatch(/^replayed [1-9]\d* dead letter\(s\) of candidate.hired$/m);

    const [back] = await drainTopic(kafka, Topic.CandidateHired, { filter: (m) => m.key?.toString() === key, count: 1 });
    expect(back.value?.toString()).toBe(JSON.stringify(envelope));
    expect(back.headers?.traceparent?.toString()).toBe(traceparent);
    expect(back.headers?.[REPLAYED_FROM_HEADER]).toBeDefined();
    expect(back.headers?.[DLQ_HEADER.reason]).toBeUndefined();

    const again = await runCli('--topic', Topic.CandidateHired);
    expect(again.stdout).toMatch(/^replayed 0 dead letter\(s\)/m);
  });

  it('refuses an unknown topic with a clear message', async () => {
    const result = await runCli('--topic', 'no.such.topic');

    expect(result.status).toEqual({ code: 1, signal: null });
    expect(result.stderr).toMatch(/^dlq: --topic must be one of candidate.hired, employee.updated/);
  });
});
