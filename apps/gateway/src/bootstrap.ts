import { ServiceDefinition } from '@icims-sync/platform';
import { GatewayModule, SERVICE_NAME } from './app.module';
import { GatewayConfig } from './config/app.config';
import { registerWebhookBodyHook } from './webhooks/webhook-body.hook';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: SERVICE_NAME,
  configSchema: GatewayConfig,
  rootModule: (config) => GatewayModule.forRoot(config),
  configureFastify: (fastify, config) => registerWebhookBodyHook(fastify, config.WEBHOOK_MAX_BYTES),
};
