import { PinoLogger } from 'nestjs-pino';
// nestjs-pino keeps its per-request logger here; binding it gives every line our context.
import { Store, storage } from 'nestjs-pino/storage';

/** Runs `fn` with `bindings` (envelope id, correlation id, ...) on every log line it writes. */
export function withLogContext<T>(bindings: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const root = PinoLogger.root as PinoLogger['logger'] | undefined;
  if (!root) return fn();
  return storage.run(new Store(root.child(bindings)), fn);
}
