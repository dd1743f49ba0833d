#!/usr/bin/env node
// HR save → iCIMS PATCH latency at a steady rate: employees saved in the HR sandbox at
// BENCH_RATE/s (each save a different employee, a two-way field, so hr-export reads the iCIMS
// person for conflicts and then PATCHes), each timed until the iCIMS sandbox took the PATCH.
// A warm-up at the same rate comes first. The import that links the employees runs before
// any timing, and its save events (echoes, zero PATCHes) are waited out.
// Run: npm run bench:export
import { MongoClient } from 'mongodb';
import { request } from 'undici';
import { startBenchStack, callJson, percentile, randomCustomerId, requireStackEnv } from './stack.mjs';
import { printCpuSplit, startCpuSplit } from './cpu-split.mjs';

requireStackEnv();
const RATE = Number(process.env.BENCH_RATE ?? 100);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 5);
const TARGET_P99_MS = 1000;

const stack = await startBenchStack({ ICIMS_DAILY_BUDGET: String(10_000_000) }, { ICIMS_DAILY_BUDGET: String(10_000_000) });
const mongo = await new MongoClient(process.env.MONGO_URL).connect();
try {
  const tenantId = `bench-export-${Date.now()}`;
  const customerId = randomCustomerId();
  const { adminToken } = await stack.connectTenant(tenantId, customerId, { dailyBudget: 0 });
  const warmupCount = RATE * WARMUP_S;
  const count = RATE * DURATION_S;
  await callJson('POST', `${stack.urls.sandbox}/sandbox/customers/${customerId}/seed`, { count: warmupCount + count, seed: 5, invalidEvery: 0 });
  const auth = { authorization: `Bearer ${adminToken}` };
  const run = (await callJson('POST', `${stack.urls.gateway}/admin/tenants/${tenantId}/imports`, { mode: 'full' }, auth)).body;
  const runs = mongo.db(stack.auditDatabase).collection('sync_runs');
  await until(async () => (await runs.findOne({ _id: run.runId }))?.status === 'succeeded', 'the import');
  const employees = await linkedEmployees(tenantId);
  await until(async () => (await runs.countDocuments({ tenantId, direction: 'export' })) >= employees.length, 'the import\'s echoes');
  const echoPatches = (await callJson('GET', `${stack.urls.sandbox}/sandbox/customers/${customerId}/patches`)).body.count;
  console.log(`${employees.length} employees imported; their ${employees.length} save events gave ${echoPatches} PATCHes (echoes)`);

  /** icimsId → when its save was sent (wall clock, as the sandbox stamps PATCHes). */
  const sentAt = new Map();
  let seenPatches = 0;
  const save = (employee, i) => {
    sentAt.set(employee.icimsId, Date.now());
    return request(`${stack.urls.hr}/tenants/${tenantId}/employees/${employee.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lastName: `Bench${i}` }),
    }).then((response) => response.body.dump());
  };
  /** Saves `n` employees from the `first`-th at a steady rate; their latencies once all PATCHed (or after 2 min). */
  const saveSteadily = async (first, n) => {
    const latencies = [];
    const started = performance.now();
    let next = 0;
    const inFlight = [];
    while (next < n) {
      const due = Math.min(n, Math.floor(((performance.now() - started) / 1000) * RATE));
      for (; next < due; next += 1) inFlight.push(save(employees[first + next], first + next));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(inFlight);
    const sendSeconds = (performance.now() - started) / 1000;
    const deadline = Date.now() + 120_000;
    while (latencies.length < n && Date.now() < deadline) {
      const { items } = (await callJson('GET', `${stack.urls.sandbox}/sandbox/customers/${customerId}/patches`)).body;
      for (const patch of items.slice(seenPatches)) {
        const at = sentAt.get(patch.personId);
        if (at === undefined) continue;
        sentAt.delete(patch.personId);
        latencies.push(Date.parse(patch.at) - at);
      }
      seenPatches = items.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { latencies: latencies.sort((a, b) => a - b), sendSeconds };
  };
  seenPatches = echoPatches;
  if (warmupCount > 0) {
    const warmup = await saveSteadily(0, warmupCount);
    console.log(`warm-up: ${warmupCount} saves over ${warmup.sendSeconds.toFixed(1)} s, p99 ${percentile(warmup.latencies, 99).toFixed(0)} ms (not counted)`);
    sentAt.clear();
  }
  const cpu = startCpuSplit(stack);
  const { latencies: sorted, sendSeconds } = await saveSteadily(warmupCount, count);
  const cpuUsed = cpu.stop();
  console.log(`${count} saves sent at ${(count / sendSeconds).toFixed(0)}/s over ${sendSeconds.toFixed(1)} s; ${sorted.length} PATCHed in iCIMS`);
  console.log(`save → iCIMS latency: p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms (target p99 < ${TARGET_P99_MS} ms: ${(TARGET_P99_MS / percentile(sorted, 99)).toFixed(2)}x)`);
  const usage = (await callJson('GET', `${stack.urls.sandbox}/sandbox/customers/${customerId}/usage`)).body;
  console.log(`iCIMS requests for the whole run (import, warm-up, measured): ${usage.used.toLocaleString('en-US')}`);
  printCpuSplit(cpuUsed, sorted.length, 'export');
} finally {
  await mongo.close();
  await stack.stop();
}
process.exit(0);

async function until(check, what, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function linkedEmployees(tenant) {
  const all = [];
  let afterId;
  do {
    const page = (await callJson('GET', `${stack.urls.hr}/tenants/${tenant}/employees?linked=true&pageSize=500${afterId ? `&afterId=${afterId}` : ''}`)).body;
    all.push(...page.items);
    afterId = page.nextAfterId;
  } while (afterId);
  return all;
}
