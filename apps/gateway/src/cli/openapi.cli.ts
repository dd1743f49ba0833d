import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { GatewayModule } from '../app.module';
import { buildOpenApiDocument } from '../admin/openapi';
import { GatewayConfig } from '../config/app.config';

/**
 * Writes the admin API's OpenAPI document without starting anything: Nest's preview mode
 * reads the routes and decorators but builds no provider, so no broker, store or vault is
 * needed. The admin page's client is generated from this file at build time.
 */
async function main(outputPath: string | undefined): Promise<void> {
  if (!outputPath) throw new Error('usage: openapi.cli.js <output.json>');
  const config = Object.assign(new GatewayConfig(), { HR_API_URL: 'http://hr.invalid', ADMIN_JWT_ISSUER: 'preview', ADMIN_JWT_AUDIENCE: 'preview' });
  const app = await NestFactory.create(GatewayModule.forRoot(config), new FastifyAdapter(), { preview: true, logger: false });
  writeFileSync(outputPath, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

main(process.argv[2]).catch((error: Error) => {
  process.stderr.write(`openapi: ${error.message}\n`);
  process.exit(1);
});
