import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const ADMIN_UI_PATH = '/ui/';

/**
 * The admin page's policy: its own scripts, styles and API calls only. No inline script or
 * style, no framing, no plugins, and forms post nowhere but here.
 */
export const ADMIN_UI_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Serves the built admin page at /ui/ (same origin as the API it calls), under the strict
 * policy above. Hashed assets are cached for good; index.html never, so a deploy shows at once.
 * Returns false when the page is not built, so the caller can say so.
 */
export function serveAdminUi(fastify: FastifyInstance, root: string): boolean {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  fastify.get('/', (_request, reply) => reply.redirect(ADMIN_UI_PATH));
  void fastify.register(async (scope) => {
    scope.addHook('onSend', async (request, reply, payload) => {
      reply.header('content-security-policy', ADMIN_UI_CSP);
      reply.header('cache-control', request.url.startsWith(`${ADMIN_UI_PATH}assets/`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      return payload;
    });
    await scope.register(fastifyStatic, { root, prefix: ADMIN_UI_PATH, decorateReply: false, index: 'index.html' });
  });
  return true;
}
