import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ACTOR_HEADERS } from '@icims-sync/contracts';
import { AppException } from '@icims-sync/platform';

/** Who made a change: an HR admin, or icims-sync itself. */
export interface Actor {
  userId: string;
  displayName: string;
}

export const SYSTEM: Actor = { userId: 'system', displayName: 'icims-sync' };

/** The acting HR admin named in the request's actor headers, or undefined when they are missing or unreadable. */
export function actorOf(headers: FastifyRequest['headers']): Actor | undefined {
  const userId = String(headers[ACTOR_HEADERS.userId] ?? '');
  let displayName = '';
  try {
    displayName = decodeURIComponent(String(headers[ACTOR_HEADERS.displayName] ?? ''));
  } catch {
    // badly encoded: treated as missing
  }
  return userId && displayName ? { userId, displayName } : undefined;
}

/** The acting HR admin, as the gateway vouched for them (the route is behind the service token). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = actorOf(context.switchToHttp().getRequest<FastifyRequest>().headers);
  if (!actor) throw new AppException('ACTOR_REQUIRED', `admin calls must name the acting user in ${ACTOR_HEADERS.userId} and ${ACTOR_HEADERS.displayName}`, 'validation');
  return actor;
});
