import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** An error in iCIMS's shape: `{errors:[{errorMessage, errorCode}]}` plus `X-Error`. */
export class IcimsSandboxError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const sandboxErrors = {
  badCredentials: () => new IcimsSandboxError(401, 6, 'Invalid Username or Password credentials provided.'),
  notFound: (what: string) => new IcimsSandboxError(404, 2, `Resource not found: ${what}`),
  /** [doc] iCIMS answers access denied as 404 with errorCode 3. */
  accessDenied: () => new IcimsSandboxError(404, 3, 'Access denied.'),
  requiredMissing: (field: string) => new IcimsSandboxError(400, 1, `Required field missing: ${field}`),
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
      .headers({ ...error.headers, 'x-error': error.message })
      .send({ errors: [{ errorMessage: error.message, errorCode: error.errorCode }] });
  }
}
