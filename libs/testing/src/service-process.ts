import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expectEventually } from './eventually';
import { captureFileFor } from './log-capture';

const ROOT = path.resolve(__dirname, '../../..');

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Children still running; killed when the test process exits, however it exits. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A built service (or fixture) run as its own OS process, as in production. */
export class ServiceProcess {
  readonly exited: Promise<ExitStatus>;
  private readonly child: ChildProcess;
  private stdout = '';
  private stderr = '';

  private constructor(entry: string, env: NodeJS.ProcessEnv, args: string[]) {
    this.child = spawn(process.execPath, [path.join(ROOT, entry), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    const capture = captureFileFor(entry, this.child.pid);
    if (capture) {
      const file = fs.createWriteStream(capture, { flags: 'a' });
      this.child.stdout!.pipe(file, { end: false });
      this.child.stderr!.pipe(file, { end: false });
      this.child.once('close', () => file.end());
    }
    live.add(this.child);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        live.delete(this.child);
        resolve({ code, signal });
      }),
    );
  }

  /** `entry` is relative to the repo root, e.g. `apps/gateway/dist/main.js`. */
  static start(entry: string, env: Record<string, string>, args: string[] = []): ServiceProcess {
    return new ServiceProcess(entry, { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env }, args);
  }

  get output(): { stdout: string; stderr: string } {
    return { stdout: this.stdout, stderr: this.stderr };
  }

  async waitUntilReady(baseUrl: string, timeoutMs = 60_000): Promise<void> {
    await expectEventually(async () => {
      if (this.child.exitCode !== null) throw new Error(`process exited ${this.child.exitCode} before ready:\n${this.stderr}${this.stdout.slice(-2000)}`);
      const response = await fetch(`${baseUrl}/readyz`);
      if (!response.ok) throw new Error(`/readyz answered ${response.status}`);
    }, { timeoutMs, intervalMs: 200 });
  }

  /** The OS process id (for RSS sampling in benchmarks). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** SIGKILL if still running; for afterEach. */
  async ensureStopped(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** A free TCP port on loopback for a service under test. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
