#!/usr/bin/env node
// Webhook ingest (auth through the vault, validation, dedupe, publish with acks=all) against a
// bare Fastify hello-world, both measured here with autocannon.
// Run: npm run bench:webhooks
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startBenchStack, randomCustomerId, requireStackEnv } from './stack.mjs';
import { printCpuSplit, startCpuSplit } from './cpu-split.mjs';
import { printStoreWrites, startStoreWrites } from './store-writes.mjs';

requireStackEnv();
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const TARGET_RATIO = 0.4;

function measure(url, headers, bodyOf) {
  let sequence = 0;
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodyOf((sequence += 1)) }) }],
  });
}

const summary = (result) => ({ rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors });

// Baseline first, alone on the machine.
const port = 20_000 + Math.floor(Math.random() * 20_000);
const bare = fork(fileURLToPath(new URL('./bare-fastify.mjs', import.meta.url)), { env: { ...process.env, PORT: String(port) } });
await new Promise((resolve) => bare.once('message', resolve));
const baseline = summary(await measure(`http://127.0.0.1:${port}/webhooks/icims`, {}, () => '{}'));
bare.kill('SIGTERM');

const stack = await startBenchStack();
try {
  const tenantId = `bench-webhooks-${Date.now()}`;
  const customerId = randomCustomerId();
  const { inbound } = await stack.connectTenant(tenantId, customerId);
  // The gateway is measured, not the rest of the pipeline: ingest would compete for the CPU.
  stack.ingest.kill('SIGTERM');
  await stack.ingest.exited;
  const basic = `Basic ${Buffer.from(`${inbound.username}:${inbound.password}`).toString('base64')}`;
  const run = `${Date.now()}`;
  // Every request a distinct hire, so none is deduplicated away.
  const event = (n) => JSON.stringify({ eventType: 'WorkFlowStatusChangeEvent', customerId, systemId: run, personId: String(n), jobId: '1', userId: '1', newStatus: 'C38353', oldStatus: 'C1' });
  const cpu = startCpuSplit(stack);
  const writes = await startStoreWrites();
  const result = await measure(`${stack.urls.gateway}/webhooks/icims`, { authorization: basic }, event);
  const cpuUsed = cpu.stop();
  const written = await writes.stop();
  const gateway = summary(result);
  console.log(`bare Fastify : ${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms`);
  console.log(`webhook path : ${gateway.rps.toFixed(0)} req/s, p99 ${gateway.p99} ms, non-2xx ${gateway.non2xx}, errors ${gateway.errors}`);
  console.log(`ratio        : ${(gateway.rps / baseline.rps).toFixed(2)} of bare Fastify (target at least ${TARGET_RATIO})`);
  printCpuSplit(cpuUsed, result.requests.total, 'webhook');
  printStoreWrites(written, result.requests.total, 'webhook');
} finally {
  await stack.stop();
}
process.exit(0);
