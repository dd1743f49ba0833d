import rateLimit from '@fastify/rate-limit';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimitedException } from '../errors/app.exception';

/** Requests per minute and client address on the routes whose pattern starts with `prefix`. */
export interface RateLimitRule {
  prefix: string;
  perMinute: number;
}

/**
 * One limiter for several route families, each counted on its own. Rules match the routed
 * pattern (`/admin/tenants/:tenantId/...`), never the raw URL, so `/%61dmin/...` counts as
 * admin; the address is the peer's unless it is a configured proxy (`TRUSTED_PROXIES`).
 */
export async function registerRateLimits(fastify: FastifyInstance, rules: RateLimitRule[]): Promise<void> {
  const ruleOf = (request: FastifyRequest) => {
    const route = request.routeOptions.url;
    return route === undefined ? undefined : rules.findIndex((rule) => route.startsWith(rule.prefix));
  };
  await fastify.register(rateLimit, {
    timeWindow: 60_000,
    allowList: (request) => (ruleOf(request) ?? -1) < 0,
    keyGenerator: (request) => `${ruleOf(request)}|${request.ip}`,
    max: (_request, key) => rules[Number(key.split('|')[0])]?.perMinute ?? 0,
    errorResponseBuilder: (_request, context) => new RateLimitedException(context.ttl),
  });
}
