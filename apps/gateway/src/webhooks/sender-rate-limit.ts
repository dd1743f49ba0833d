import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedException } from '@icims-sync/platform';
import { GatewayConfig } from '../config/app.config';

/**
 * Unauthenticated calls per iCIMS customer id (webhooks) and OAuth client id (tokens), on
 * top of the per-address limit: each costs a vault call, and a flood naming one customer
 * from many addresses must not reach the vault unbounded. Per replica, in memory.
 */
@Injectable()
export class SenderRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(@Inject(GatewayConfig) config: GatewayConfig) {
    this.limiter = new RateLimiterMemory({ points: config.PUBLIC_RATE_LIMIT_PER_SENDER_PER_MINUTE, duration: 60 });
  }

  /** Counts one call by `sender` (`customer:<id>` or `client:<id>`), or throws RATE_LIMITED. */
  async consume(sender: string): Promise<void> {
    try {
      await this.limiter.consume(sender);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new RateLimitedException(rejection.msBeforeNext);
    }
  }
}
