import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { sandboxErrors } from '../icims-sandbox.exception';
import { SandboxStore } from './sandbox-store.service';

/**
 * After auth: the daily request budget ([assumed] reset at 00:00 UTC, answered 429 with
 * Retry-After), then the fault knobs (latency, 429 bursts, 5xx rate).
 */
@Injectable()
export class SandboxTrafficGuard implements CanActivate {
  constructor(private readonly store: SandboxStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const customer = this.store.customer((request.params as { cid: string }).cid);
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    if (customer.usage.day !== today) customer.usage = { day: today, used: 0 };
    if (customer.dailyBudget > 0 && customer.usage.used >= customer.dailyBudget) {
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      throw sandboxErrors.rateLimited((midnight - now.getTime()) / 1000);
    }
    customer.usage.used += 1;
    const { faults } = customer;
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.burst429 > 0) {
      faults.burst429 -= 1;
      throw sandboxErrors.rateLimited(faults.retryAfterSeconds);
    }
    if (faults.burst500 > 0) {
      faults.burst500 -= 1;
      throw sandboxErrors.internal();
    }
    if (faults.errorRate > 0 && Math.random() < faults.errorRate) throw sandboxErrors.internal();
    return true;
  }
}
