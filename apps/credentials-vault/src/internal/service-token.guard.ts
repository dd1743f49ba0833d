import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SERVICE_TOKEN_HEADER } from '@icims-sync/icims-client';
import { AppException } from '@icims-sync/platform';

export const SERVICE_TOKEN = Symbol('SERVICE_TOKEN');

/** Only icims-sync services, holding the shared service token, reach the internal API. */
@Injectable()
export class ServiceTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(SERVICE_TOKEN) token: string) {
    this.expected = Buffer.from(token);
  }

  canActivate(context: ExecutionContext): boolean {
    const given = Buffer.from(String(context.switchToHttp().getRequest<FastifyRequest>().headers[SERVICE_TOKEN_HEADER] ?? ''));
    if (given.length === this.expected.length && timingSafeEqual(given, this.expected)) return true;
    throw new AppException('SERVICE_TOKEN_REQUIRED', 'this internal API needs a valid service token', 'unauthorized');
  }
}
