import type { FastifyInstance } from 'fastify';
import { WEBHOOK_PATH } from './webhook-body.hook';

/** What an iCIMS admin reading the error in iCIMS can do about it, by status. */
function userMessageOf(status: number, message: string): string {
  if (status === 401) return 'icims-sync refused the credentials of this webhook: check the endpoint\'s username and password (or HMAC key) in iCIMS against the ones generated in the HR system\'s iCIMS settings.';
  if (status === 413) return 'The event is larger than icims-sync accepts.';
  if (status === 415) return 'Send the event as JSON, uncompressed or gzip.';
  if (status === 503) return 'icims-sync is busy or briefly unavailable; the event is taken when iCIMS sends it again.';
  if (status < 500) return `icims-sync could not read this event: ${message}.`;
  return 'icims-sync failed to take this event; the failure is logged for its operator.';
}

/**
 * The webhook answers errors as iCIMS documents them ("Error Handling and Reporting"): 400
 * for a user error, 503 for a temporary failure (rate limits included), 500 for a system
 * error, with `error.userMessage` shown to the iCIMS admin and `error.debugErrorMessage`.
 * The project's `code` and `message` stay, so the answer still reads like every other one.
 */
export function registerIcimsErrorReply(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url !== WEBHOOK_PATH || reply.statusCode < 400 || typeof payload !== 'string') return payload;
    let body: { error?: { code?: string; message?: string } };
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    if (!body.error) return payload;
    if (reply.statusCode === 429) reply.status(503);
    const { code = 'ERROR', message = 'the request failed' } = body.error;
    return JSON.stringify({ error: { ...body.error, userMessage: userMessageOf(reply.statusCode, message), debugErrorMessage: `${code}: ${message}` } });
  });
}
