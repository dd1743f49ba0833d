import helmet from '@fastify/helmet';
import { DynamicModule, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { HttpServiceConfig } from '../config/base-service.config';
import { describeConfig, loadConfigOrExit } from '../config/load-config';
import { DeclaredQueryInterceptor } from '../http/declared-query.interceptor';
import { AppExceptionFilter } from '../errors/app-exception.filter';
import { echoRequestId, requestIdOf } from '../logging/request-id.util';
import { registerHttpMetrics } from '../metrics/http-metrics.hook';
import { MetricsService } from '../metrics/metrics.service';
import { KafkaBatchServerFactory } from '../idempotency/idempotency.module';
import { RateLimitRule, registerRateLimits } from './rate-limits';

export interface ServiceDefinition<C extends HttpServiceConfig> {
  name: string;
  configSchema: new () => C;
  rootModule(config: C): DynamicModule;
  /** Serve the module's `@EventPattern` handlers from Kafka. */
  consumesKafka?: boolean;
  /** Keep each request's raw bytes as `request.rawBody` (for signature checks). */
  rawBody?: boolean;
  /** Checks beyond the schema (files, key material); each problem names its variable. */
  validate?(config: C): string[];
  /** App-specific Fastify hooks, registered before any route. */
  configureFastify?(fastify: FastifyInstance, config: C): void;
  /** Per-minute limits per client address on route families; routes no rule names are not limited. */
  rateLimits?(config: C): RateLimitRule[];
  /** Last touches before the app starts (OpenAPI docs). */
  configureApp?(app: NestFastifyApplication, config: C): void;
}

export interface RunningService<C> {
  app: NestFastifyApplication;
  config: C;
  url: string;
}

/** Validates env (exit 1 naming each bad variable), builds the app and starts listening. */
export async function bootstrapService<C extends HttpServiceConfig>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService<C>> {
  const config = loadConfigOrExit(definition.configSchema, env, definition.name);
  exitOnProblems(definition.name, definition.validate?.(config) ?? []);
  // X-Forwarded-For is believed only from the configured proxies: anyone else could pick their address.
  const trustProxy = config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false;
  const adapter = new FastifyAdapter({ bodyLimit: config.HTTP_BODY_LIMIT_BYTES, trustProxy, genReqId: requestIdOf });
  const app = await NestFactory.create<NestFastifyApplication>(definition.rootModule(config), adapter, { bufferLogs: true, rawBody: definition.rawBody ?? false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  await app.register(helmet);
  const fastify = app.getHttpAdapter().getInstance();
  const limits = definition.rateLimits?.(config) ?? [];
  if (limits.length > 0) await registerRateLimits(fastify, limits);
  echoRequestId(fastify);
  closeAfterTooLarge(fastify);
  definition.configureFastify?.(fastify, config);
  registerHttpMetrics(fastify, app.get(MetricsService));
  app.useGlobalFilters(new AppExceptionFilter());
  // Bodies are checked against their DTO: unknown fields refused, every problem named.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }));
  // And query parameters against what the route declares.
  app.useGlobalInterceptors(new DeclaredQueryInterceptor(app.get(Reflector)));

  definition.configureApp?.(app, config);

  if (definition.consumesKafka) {
    // Inherits the global filter above, which passes handler errors through untouched.
    app.connectMicroservice({ strategy: app.get(KafkaBatchServerFactory).create() }, { inheritAppConfig: true });
  }
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  logger.log({ url, node: process.version, config: describeConfig(config) }, `${definition.name} listening`);
  return { app, config, url };
}

/** main(): start, then on SIGTERM/SIGINT drain and exit 0, or exit 1 at the deadline. */
export async function runService<C extends HttpServiceConfig>(definition: ServiceDefinition<C>): Promise<void> {
  let running: RunningService<C>;
  try {
    running = await bootstrapService(definition);
  } catch (error) {
    process.stderr.write(`${definition.name}: failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  exitOnFatalErrors(running.app);
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      void shutdown(running.app, running.config.SHUTDOWN_TIMEOUT_MS, signal);
    });
  }
}

function exitOnProblems(service: string, problems: string[]): void {
  if (problems.length === 0) return;
  for (const problem of problems) process.stderr.write(`${service}: config error: ${problem}\n`);
  process.exit(1);
}

async function shutdown(app: INestApplication, timeoutMs: number, signal: string): Promise<void> {
  const logger = app.get(Logger);
  logger.log({ signal }, 'draining before exit');
  setTimeout(() => {
    logger.error({ timeoutMs }, 'shutdown deadline passed; exiting');
    process.exit(1);
  }, timeoutMs).unref();
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}

function exitOnFatalErrors(app: INestApplication): void {
  const logger = app.get(Logger);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal?.({ err: error }, 'uncaught exception; exiting');
    process.exit(1);
  });
}

/**
 * A 413 is answered before the body is read: the connection is closed with it, or a
 * client still uploading waits on a server that no longer reads.
 */
function closeAfterTooLarge(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 413) reply.header('connection', 'close');
    return payload;
  });
}
