import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * At most `perWindow` PATCHes per employee per window: a save over the bound waits for the
 * next window, and the saves arriving meanwhile go with it as one. Per replica; one
 * employee's saves all reach one replica (the partition key), so the bound holds.
 */
export class PatchPacer {
  private readonly limiter: RateLimiterMemory;

  constructor(perWindow: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points: perWindow, duration: windowSeconds });
  }

  /** Resolves once `key` may PATCH again; rejects when `signal` aborts first. */
  async turn(key: string, signal: AbortSignal): Promise<void> {
    for (;;) {
      try {
        await this.limiter.consume(key);
        return;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        await sleep(refusal.msBeforeNext, undefined, { signal });
      }
    }
  }
}
