#!/usr/bin/env node
// Import throughput and icims-ingest's peak RSS for 10,000 and 100,000 people, sandbox budget off.
// Run: npm run bench:import   (BENCH_IMPORT_SIZES=10000,100000 by default)
import { startBenchStack, callJson, randomCustomerId, requireStackEnv, rssMiB } from './stack.mjs';
import { printCpuSplit, startCpuSplit } from './cpu-split.mjs';
import { printStoreWrites, startStoreWrites } from './store-writes.mjs';

requireStackEnv();
const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '10000,100000').split(',').map(Number);
const TARGET_PER_SECOND = 1000;

const results = [];
for (const size of SIZES) {
  // A fresh stack per size, so each ingest's RSS starts from the same place.
  const stack = await startBenchStack({ ICIMS_DAILY_BUDGET: String(10_000_000), LOG_LEVEL: 'warn' });
  try {
    const tenantId = `bench-${size}-${Date.now()}`;
    const customerId = randomCustomerId();
    const { adminToken } = await stack.connectTenant(tenantId, customerId, { dailyBudget: 0 });
    for (let seeded = 0; seeded < size; seeded += 50_000) {
      await callJson('POST', `${stack.urls.sandbox}/sandbox/customers/${customerId}/seed`, { count: Math.min(50_000, size - seeded), seed: seeded + 1, invalidEvery: 0 });
    }
    const auth = { authorization: `Bearer ${adminToken}` };
    const rssAtStart = rssMiB(stack.ingest.pid);
    let peak = rssAtStart;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(stack.ingest.pid))), 200);
    const cpu = startCpuSplit(stack);
    const writes = await startStoreWrites();
    const started = performance.now();
    const { body } = await callJson('POST', `${stack.urls.gateway}/admin/tenants/${tenantId}/imports`, { mode: 'full' }, auth);
    let run;
    do {
      await new Promise((resolve) => setTimeout(resolve, 500));
      run = (await callJson('GET', `${stack.urls.gateway}/admin/tenants/${tenantId}/imports/${body.runId}`, undefined, auth)).body;
    } while (run.status === 'queued' || run.status === 'running');
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpuUsed = cpu.stop();
    const written = await writes.stop();
    if (run.status !== 'succeeded' || run.counters.added !== size) throw new Error(`import of ${size} ended ${run.status}: ${JSON.stringify(run.counters)} ${JSON.stringify(run.error ?? {})}`);
    results.push({ size, seconds, perSecond: size / seconds, rssAtStart, peak });
    console.log(`${size.toLocaleString('en-US')} people: ${seconds.toFixed(1)} s, ${Math.round(size / seconds)} profiles/s (target ${TARGET_PER_SECOND}: ${(size / seconds / TARGET_PER_SECOND).toFixed(2)}x), ingest RSS ${rssAtStart.toFixed(0)} MiB at start, ${peak.toFixed(0)} MiB peak`);
    printCpuSplit(cpuUsed, size, 'person');
    printStoreWrites(written, size, 'person');
  } finally {
    await stack.stop();
  }
}
if (results.length >= 2) {
  const [small, large] = [results[0], results.at(-1)];
  console.log(`peak RSS at ${large.size.toLocaleString('en-US')} / at ${small.size.toLocaleString('en-US')}: ${(large.peak / small.peak).toFixed(2)}x (target at most 1.2x)`);
}
process.exit(0);
