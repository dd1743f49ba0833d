import { Logger } from '@nestjs/common';
import { ServiceDefinition } from '@icims-sync/platform';
import { serveAdminUi } from './admin-ui/serve-admin-ui';
import { setUpOpenApi } from './admin/openapi';
import { GatewayModule, SERVICE_NAME } from './app.module';
import { GatewayConfig, adminKeyProblems } from './config/app.config';
import { registerIcimsErrorReply } from './webhooks/icims-error-reply.hook';
import { registerWebhookBodyHook } from './webhooks/webhook-body.hook';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: SERVICE_NAME,
  configSchema: GatewayConfig,
  validate: adminKeyProblems,
  rootModule: (config) => GatewayModule.forRoot(config),
  configureFastify: (fastify, config) => {
    registerWebhookBodyHook(fastify, config.WEBHOOK_MAX_BYTES);
    registerIcimsErrorReply(fastify);
  },
  rateLimits: (config) => [
    { prefix: '/admin/', perMinute: config.ADMIN_RATE_LIMIT_PER_MINUTE },
    // Unauthenticated, and each costs a vault call: generous, but bounded.
    { prefix: '/webhooks/', perMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE },
  ],
  configureApp: (app, config) => {
    setUpOpenApi(app);
    const fastify = app.getHttpAdapter().getInstance();
    if (!serveAdminUi(fastify, config.ADMIN_UI_DIR)) new Logger('gateway').warn(`the admin page is not built (no index.html in ${config.ADMIN_UI_DIR}): run npm run build; /ui/ answers 404 until then`);
  },
};
