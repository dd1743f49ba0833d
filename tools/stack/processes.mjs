// Starting, finding and stopping the stack's own processes, by pid file.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { LOGS, RUN } from './paths.mjs';

const pidFile = (name) => path.join(RUN, `${name}.pid`);

export function runningPid(name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Starts `command` in its own process group, logging to .local/logs/<name>.log. */
export function startDetached(name, command, args, options = {}) {
  fs.mkdirSync(LOGS, { recursive: true });
  fs.mkdirSync(RUN, { recursive: true });
  const log = fs.openSync(path.join(LOGS, `${name}.log`), 'a');
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  fs.writeFileSync(pidFile(name), String(child.pid));
  child.unref();
  return child.pid;
}

/** SIGTERM, then SIGKILL after `graceMs`; only ever the pid we recorded. */
export async function stopByPid(name, graceMs = 15_000) {
  const pid = runningPid(name);
  fs.rmSync(pidFile(name), { force: true });
  if (!pid) return false;
  signalGroup(pid, 'SIGTERM');
  const gone = await waitFor(() => !isAlive(pid), { timeoutMs: graceMs, what: `${name} to exit` }).then(() => true, () => false);
  if (!gone) signalGroup(pid, 'SIGKILL');
  return true;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try { process.kill(pid, signal); } catch { /* already gone */ }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function isPortOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` until it returns truthy; rejects naming `what` after `timeoutMs`. */
export async function waitFor(check, { timeoutMs = 60_000, intervalMs = 200, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/** Runs a command to completion, failing loudly with its output. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${(result.stdout ?? '') + (result.stderr ?? '')}`.trim());
  }
  return result.stdout ?? '';
}
