import { ServiceDefinition } from '@icims-sync/platform';
import { IcimsIngestModule, SERVICE_NAME } from './app.module';
import { IcimsIngestConfig } from './config/app.config';

export const icimsIngestService: ServiceDefinition<IcimsIngestConfig> = {
  name: SERVICE_NAME,
  configSchema: IcimsIngestConfig,
  rootModule: (config) => IcimsIngestModule.forRoot(config),
  consumesKafka: true,
};
