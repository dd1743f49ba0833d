import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SERVICE_TOKEN_HEADER } from '@icims-sync/contracts';
import { AppException, constantTimeEquals } from '@icims-sync/platform';

export const SERVICE_TOKEN = Symbol('SERVICE_TOKEN');

/** Only icims-sync services, holding the shared service token, reach the internal API. */
@Injectable()
export class ServiceTokenGuard implements CanActivate {
  constructor(@Inject(SERVICE_TOKEN) private readonly token: string) {}

  canActivate(context: ExecutionContext): boolean {
    const given = String(context.switchToHttp().getRequest<FastifyRequest>().headers[SERVICE_TOKEN_HEADER] ?? '');
    if (constantTimeEquals(given, this.token)) return true;
    throw new AppException('SERVICE_TOKEN_REQUIRED', 'this internal API needs a valid service token', 'unauthorized');
  }
}
