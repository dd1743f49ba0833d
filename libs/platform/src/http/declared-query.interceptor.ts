import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { Observable } from 'rxjs';
import { InvalidInputException } from '../errors/app.exception';

const ACCEPTS_ANY_QUERY = 'icims-sync:accepts-any-query';

/** For a route whose URL someone else configures (a webhook): a query string it did not ask for is let through. */
export const AcceptsAnyQuery = () => SetMetadata(ACCEPTS_ANY_QUERY, true);

/**
 * One rule for every endpoint: a query parameter the route does not declare is a 400 that
 * names it, never silently ignored (`?before[$gt]=` once answered 200). A route that takes
 * its query as a whole DTO (`@Query() query: RunsQueryDto`) is left to the validation pipe,
 * which refuses unknown fields the same way. After the guards, so a caller who may not use
 * the route learns nothing about its parameters.
 */
@Injectable()
export class DeclaredQueryInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !this.reflector.get<boolean>(ACCEPTS_ANY_QUERY, context.getHandler())) this.check(context);
    return next.handle();
  }

  private check(context: ExecutionContext): void {
    const given = Object.keys(context.switchToHttp().getRequest<{ query?: object }>().query ?? {});
    if (given.length === 0) return;
    const parameters: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
    // In the handler's own order, for the message.
    const queryParameters = Object.entries(parameters)
      .filter(([key]) => key.startsWith(`${RouteParamtypes.QUERY}:`))
      .map(([, parameter]) => parameter)
      .sort((a, b) => a.index - b.index)
      .map((parameter) => parameter.data);
    if (queryParameters.includes(undefined)) return;
    const declared = queryParameters.map(String);
    const unknown = given.filter((name) => !declared.includes(name));
    if (unknown.length === 0) return;
    const accepted = declared.length > 0 ? `this endpoint takes ${declared.join(', ')}` : 'this endpoint takes none';
    throw new InvalidInputException('UNKNOWN_QUERY_PARAMETER', `unknown query parameter ${unknown.join(', ')}: ${accepted}`, { fields: unknown });
  }
}
