import { ServiceProcess, freePort } from './service-process';
import { mongoUrlFor, stackEnv, uniqueName } from './stack-env';

/**
 * What every service must do as a process: get ready on the real stack, serve health and
 * metrics, refuse bad config by name, and exit cleanly within 10 s of SIGTERM.
 */
export function describeServiceLifecycle(service: string, requiredEnv: Record<string, string> = {}, uses: readonly ('mongo' | 'kafka')[] = ['mongo', 'kafka']): void {
  const entry = `apps/${service}/dist/main.js`;

  describe(`${service} process`, () => {
    let running: ServiceProcess | undefined;
    afterEach(async () => running?.ensureStopped());

    it('gets ready on the real stack, serves /healthz and /metrics, and exits 0 within 10 s of SIGTERM', async () => {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      running = ServiceProcess.start(entry, { ...stackEnv(), ...requiredEnv, MONGO_URL: mongoUrlFor(uniqueName(service)), PORT: String(port) });
      await running.waitUntilReady(baseUrl);

      const ready = (await (await fetch(`${baseUrl}/readyz`)).json()) as { details: unknown };
      // Readiness checks what the service uses, and nothing else.
      expect(ready.details).toEqual(Object.fromEntries(uses.map((dependency) => [dependency, { status: 'up' }])));
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      expect(metrics).toContain('process_cpu_seconds_total');
      expect(metrics).toContain('http_request_duration_seconds_bucket');

      const stoppingAt = Date.now();
      running.kill('SIGTERM');
      expect(await running.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - stoppingAt).toBeLessThan(10_000);
    });

    it.each([
      ['KAFKA_BROKERS', 'not a broker list'],
      ['MONGO_URL', 'postgres://somewhere'],
      ['PORT', 'eighty'],
      ['LOG_LEVEL', 'loud'],
    ])('exits 1 naming %s when it is %p', async (variable, value) => {
      running = ServiceProcess.start(entry, { ...stackEnv(), ...requiredEnv, PORT: String(await freePort()), [variable]: value });

      expect(await running.exited).toEqual({ code: 1, signal: null });
      const lines = running.output.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${service}: config error: ${variable}: `));
      expect(lines[0]).not.toContain(value);
    });

    it('exits 1 naming every missing required variable', async () => {
      running = ServiceProcess.start(entry, { PORT: String(await freePort()) });

      expect(await running.exited).toEqual({ code: 1, signal: null });
      expect(running.output.stderr).toContain('KAFKA_BROKERS');
      expect(running.output.stderr).toContain('MONGO_URL');
    });
  });
}
