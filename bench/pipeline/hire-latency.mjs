#!/usr/bin/env node
// Hire → HR latency at a steady rate: webhooks sent at BENCH_RATE/s, each timed until the HR
// system publishes the new employee (employee.updated). A warm-up at the same rate comes first
// (JIT, connection pools, the broker's JVM), and is only measured once all of it has landed.
// Run: npm run bench:hire-latency
import { Kafka, logLevel } from 'kafkajs';
import { request } from 'undici';
import { startBenchStack, callJson, percentile, randomCustomerId, requireStackEnv } from './stack.mjs';
import { printCpuSplit, startCpuSplit } from './cpu-split.mjs';
import { printStoreWrites, startStoreWrites } from './store-writes.mjs';

requireStackEnv();
const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 10);
const TARGET_P99_MS = 1000;

const stack = await startBenchStack({ ICIMS_DAILY_BUDGET: String(10_000_000) });
const kafka = new Kafka({ clientId: 'bench', brokers: process.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({ groupId: `bench-${Date.now()}` });
try {
  const tenantId = `bench-hires-${Date.now()}`;
  const customerId = randomCustomerId();
  const { inbound } = await stack.connectTenant(tenantId, customerId, { dailyBudget: 0 });
  const warmupCount = RATE * WARMUP_S;
  const count = RATE * DURATION_S;
  const seeded = (await callJson('POST', `${stack.urls.sandbox}/sandbox/customers/${customerId}/seed`, { count: warmupCount + count, seed: 5, invalidEvery: 0 })).body;
  /** iCIMS person id → when its hire was sent, until it lands. */
  const sentAt = new Map();
  let landed = () => undefined;
  await consumer.connect();
  await consumer.subscribe({ topic: 'employee.updated', fromBeginning: false });
  // Listened to before run(): the first hire must not be published before the consumer has joined.
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  // A throwaway group: committing its offsets would only add broker load to the figures.
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message }) => {
      const envelope = JSON.parse(message.value.toString());
      const at = sentAt.get(envelope.payload.icimsId);
      if (envelope.tenantId !== tenantId || at === undefined) return;
      sentAt.delete(envelope.payload.icimsId);
      landed(performance.now() - at);
    },
  });
  await joined;
  const basic = `Basic ${Buffer.from(`${inbound.username}:${inbound.password}`).toString('base64')}`;
  const send = (personId) => {
    sentAt.set(personId, performance.now());
    const body = JSON.stringify({ eventType: 'WorkFlowStatusChangeEvent', customerId, systemId: '1', personId, jobId: '1', userId: '1', newStatus: 'C38353', oldStatus: 'C1' });
    return request(`${stack.urls.gateway}/webhooks/icims`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body }).then((response) => response.body.dump());
  };
  /** Sends `n` hires from the `first`-th seeded person at a steady rate; their latencies once all landed (or after 2 min). */
  const sendSteadily = async (first, n) => {
    const latencies = [];
    const allLanded = new Promise((resolve) => {
      landed = (ms) => {
        latencies.push(ms);
        if (latencies.length === n) resolve();
      };
    });
    // Every 50 ms, the hires due by then.
    const started = performance.now();
    let next = 0;
    const inFlight = [];
    while (next < n) {
      const due = Math.min(n, Math.floor(((performance.now() - started) / 1000) * RATE));
      for (; next < due; next += 1) inFlight.push(send(String(Number(seeded.firstId) + first + next)));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(inFlight);
    const sendSeconds = (performance.now() - started) / 1000;
    await Promise.race([allLanded, new Promise((resolve) => setTimeout(resolve, 120_000))]);
    return { latencies: latencies.sort((a, b) => a - b), sendSeconds };
  };
  if (warmupCount > 0) {
    const warmup = await sendSteadily(0, warmupCount);
    console.log(`warm-up: ${warmupCount} hires over ${warmup.sendSeconds.toFixed(1)} s, p99 ${percentile(warmup.latencies, 99).toFixed(0)} ms (not counted)`);
    // A warm-up hire that never landed must not count as a measured one later.
    sentAt.clear();
  }
  const cpu = startCpuSplit(stack);
  const writes = await startStoreWrites();
  const { latencies: sorted, sendSeconds } = await sendSteadily(warmupCount, count);
  const cpuUsed = cpu.stop();
  const written = await writes.stop();
  console.log(`${count} hires sent at ${(count / sendSeconds).toFixed(0)}/s over ${sendSeconds.toFixed(1)} s; ${sorted.length} landed in HR`);
  console.log(`hire → HR latency: p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms (target p99 < ${TARGET_P99_MS} ms: ${(TARGET_P99_MS / percentile(sorted, 99)).toFixed(2)}x)`);
  printCpuSplit(cpuUsed, sorted.length, 'hire');
  printStoreWrites(written, sorted.length, 'hire');
} finally {
  await consumer.disconnect();
  await stack.stop();
}
process.exit(0);
