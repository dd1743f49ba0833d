import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

export const OPENAPI_JSON_PATH = '/openapi.json';

/**
 * The admin API's OpenAPI document, served at /openapi.json with Swagger UI at /docs.
 * Request bodies are the contract classes; their schemas come from the same
 * class-validator rules that check the bodies, so the docs cannot drift from validation.
 */
export function setUpOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1), raw: ['json'] });
  return document;
}

/** The document itself; also written at build time for the admin page's generated client. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('icims-sync admin API')
    .setDescription('HR admins configure the iCIMS integration, run imports and read sync history. Bearer JWTs from the HR system; HR_ADMIN only.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const validated = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' }) as Record<string, object>;
  const schemas = { ...document.components?.schemas };
  // Only the classes the API uses: config and event classes are validated too, but are no API.
  for (const name of Object.keys(schemas)) if (validated[name]) schemas[name] = validated[name];
  document.components = { ...document.components, schemas };
  return document;
}
