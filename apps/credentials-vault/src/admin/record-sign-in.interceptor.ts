import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, from, switchMap } from 'rxjs';
import { ACTOR_HEADERS } from '@icims-sync/contracts';
import { AdminSignInRepository } from './admin-sign-in.repository';

/** Every admin who uses the settings joins the list owners are chosen from. */
@Injectable()
export class RecordSignInInterceptor implements NestInterceptor {
  constructor(private readonly signIns: AdminSignInRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { tenantId?: string } }>>();
    const userId = String(request.headers[ACTOR_HEADERS.userId] ?? '');
    const tenantId = request.params.tenantId;
    let displayName = '';
    try {
      displayName = decodeURIComponent(String(request.headers[ACTOR_HEADERS.displayName] ?? ''));
    } catch {
      // A badly encoded name is refused by @CurrentActor; nothing to record.
    }
    if (!userId || !displayName || !tenantId) return next.handle();
    return from(this.signIns.record(tenantId, { userId, displayName })).pipe(switchMap(() => next.handle()));
  }
}
