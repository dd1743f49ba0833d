import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, from, switchMap } from 'rxjs';
import { actorOf } from './actor.decorator';
import { AdminSignInRepository } from './admin-sign-in.repository';

/** Every admin who uses the settings joins the list owners are chosen from. */
@Injectable()
export class RecordSignInInterceptor implements NestInterceptor {
  constructor(private readonly signIns: AdminSignInRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { tenantId?: string } }>>();
    const actor = actorOf(request.headers);
    const tenantId = request.params.tenantId;
    // Without an actor, @CurrentActor refuses the call; there is nothing to record.
    if (!actor || !tenantId) return next.handle();
    return from(this.signIns.record(tenantId, actor)).pipe(switchMap(() => next.handle()));
  }
}
