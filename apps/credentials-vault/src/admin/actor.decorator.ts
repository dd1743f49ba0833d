import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ACTOR_HEADERS } from '@icims-sync/contracts';
import { AppException } from '@icims-sync/platform';

/** Who made a change: an HR admin, or the platform operator's command line. */
export interface Actor {
  userId: string;
  displayName: string;
}

export const OPERATOR: Actor = { userId: 'operator', displayName: 'Platform operator (command line)' };
export const SYSTEM: Actor = { userId: 'system', displayName: 'icims-sync' };

/** The acting HR admin, as the gateway vouched for them (the route is behind the service token). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const headers = context.switchToHttp().getRequest<FastifyRequest>().headers;
  const userId = String(headers[ACTOR_HEADERS.userId] ?? '');
  const displayName = decode(String(headers[ACTOR_HEADERS.displayName] ?? ''));
  if (!userId || !displayName) throw new AppException('ACTOR_REQUIRED', `admin calls must name the acting user in ${ACTOR_HEADERS.userId} and ${ACTOR_HEADERS.displayName}`, 'validation');
  return { userId, displayName };
});

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
