import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** [doc] Error names as `X-Error` spells them, by errorCode. */
const ERROR_NAMES: Record<number, string> = { 0: 'INTERNAL_ERROR', 1: 'FIELD_REQUIRED', 2: 'NOT_FOUND', 3: 'ACCESS_DENIED', 5: 'INVALID_VALUE', 6: 'INVALID_CREDENTIALS' };

/** An error in iCIMS's shape: `{errors:[{errorMessage, errorCode}]}` plus `X-Error: <Code>[:<FieldId>]:<Detail>`. */
export class IcimsSandboxError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly fieldId?: string,
  ) {
    super(message);
  }

  get xError(): string {
    return [ERROR_NAMES[this.errorCode] ?? 'ERROR', ...(this.fieldId ? [this.fieldId] : []), this.message].join(':');
  }
}

export const sandboxErrors = {
  badCredentials: () => new IcimsSandboxError(401, 6, 'Invalid Username or Password credentials provided.'),
  notFound: (what: string) => new IcimsSandboxError(404, 2, `Resource not found: ${what}`),
  /** [doc] iCIMS answers access denied as 404 with errorCode 3. */
  accessDenied: () => new IcimsSandboxError(404, 3, 'Access denied.'),
  requiredMissing: (field: string) => new IcimsSandboxError(400, 1, `Required field missing: ${field}`, {}, field),
  invalidValue: (field: string, detail: string) => new IcimsSandboxError(400, 5, detail, {}, field),
  badRequest: (message: string) => new IcimsSandboxError(400, 1, message),
  rateLimited: (retryAfterSeconds: number) =>
    new IcimsSandboxError(429, 0, 'Request limit exceeded.', { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) }),
  internal: () => new IcimsSandboxError(500, 0, 'An internal error occurred.'),
};

/** Answers every error of the sandbox's iCIMS routes the way iCIMS does. */
@Catch()
export class IcimsSandboxErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error =
      exception instanceof IcimsSandboxError
        ? exception
        : exception instanceof HttpException
          ? new IcimsSandboxError(exception.getStatus(), exception.getStatus() === 404 ? 2 : 1, exception.message)
          : sandboxErrors.internal();
    void reply
      .status(error.status)
      .headers({ ...error.headers, 'x-error': error.xError })
      .send({ errors: [{ errorMessage: error.message, errorCode: error.errorCode }] });
  }
}
