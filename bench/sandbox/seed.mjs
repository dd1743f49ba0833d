#!/usr/bin/env node
// Seeds 100,000 people into a fresh iCIMS sandbox process and prints how long it took.
// Run: npm run bench:sandbox-seed   (builds first)
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COUNT = Number(process.env.BENCH_PEOPLE ?? 100_000);
const TARGET_MS = 10_000;

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const base = `http://127.0.0.1:${port}`;
const sandbox = spawn(process.execPath, [path.join(ROOT, 'apps/icims-sandbox/dist/main.js')], { env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await fetch(`${base}/sandbox/customers/1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"dailyBudget":0}' });
  const started = performance.now();
  const response = await fetch(`${base}/sandbox/customers/1/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: COUNT }) });
  const wallMs = performance.now() - started;
  const result = await response.json();
  if (result.created !== COUNT) throw new Error(`seeded ${result.created} of ${COUNT}`);
  console.log(`seeded ${COUNT.toLocaleString('en-US')} people in ${Math.round(wallMs)} ms (${Math.round(COUNT / (wallMs / 1000)).toLocaleString('en-US')} people/s)`);
  console.log(`target under ${TARGET_MS} ms: ${(TARGET_MS / wallMs).toFixed(2)}x headroom`);
  process.exitCode = wallMs < TARGET_MS ? 0 : 1;
} finally {
  sandbox.kill('SIGTERM');
}
