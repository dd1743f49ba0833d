import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { AppException, ErrorKind } from './app.exception';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Fastify's own client errors (bad JSON, body too large, wrong content type). */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'INVALID_CONTENT_LENGTH' },
};

export interface ErrorBody {
  error: { code: string; message: string; errorId?: string; details?: Record<string, unknown> };
}

/**
 * The one error mapper. HTTP users get a code and a clear message, never a stack;
 * unknown errors become 500 with an errorId that is also in the log.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    // Kafka handlers: the batch consumer needs the original error to decide on retry or DLQ.
    if (host.getType() === 'rpc') return throwError(() => exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception);
    void reply.status(status).send(body);
  }

  toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof AppException) {
      const status = STATUS_OF_KIND[exception.kind];
      if (status >= 500) return this.serverError(exception, status, exception.code, exception.message);
      return { status, body: { error: { code: exception.code, message: exception.message, details: exception.details } } };
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const fastifyError = FASTIFY_CLIENT_ERRORS[(exception as { code?: string })?.code ?? ''];
    if (fastifyError) {
      return { status: fastifyError.status, body: { error: { code: fastifyError.code, message: (exception as Error).message } } };
    }
    // A client error raised by Fastify or a hook before any handler (an unsupported or broken
    // content encoding, say) carries its own 4xx status and code: bad input is never a 500.
    const { statusCode, code } = (exception ?? {}) as { statusCode?: unknown; code?: unknown };
    if (exception instanceof Error && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 && typeof code === 'string') {
      return { status: statusCode, body: { error: { code: code.replace(/^FST_ERR_/, ''), message: exception.message } } };
    }
    return this.serverError(exception, 500, 'INTERNAL_ERROR', 'An unexpected error occurred.');
  }

  private fromHttpException(exception: HttpException): { status: number; body: ErrorBody } {
    const status = exception.getStatus();
    if (status >= 500) return this.serverError(exception, status, 'INTERNAL_ERROR', 'An unexpected error occurred.');
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [response.message].flat().join('; ')
        : exception.message;
    const code = HttpStatus[status] ?? 'HTTP_ERROR';
    return { status, body: { error: { code, message } } };
  }

  private serverError(exception: unknown, status: number, code: string, message: string): { status: number; body: ErrorBody } {
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception, reason: (exception as { reason?: string }).reason }, `request failed with ${code}`);
    return { status, body: { error: { code, message, errorId } } };
  }
}
