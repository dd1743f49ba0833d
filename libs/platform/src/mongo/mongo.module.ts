import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { MetricsService } from '../metrics/metrics.service';
import { recordCommandDurations } from './command-metrics';
import { RetentionService } from './retention.service';

export interface MongoOptions {
  service: string;
  url: string;
  /** Database name; defaults to the one in the URL. */
  database?: string;
}

/** The service's MongoDB connection (timed per command) and TTL retention. */
@Global()
@Module({})
export class MongoModule {
  static forRoot(options: MongoOptions): DynamicModule {
    return {
      module: MongoModule,
      imports: [
        MongooseModule.forRootAsync({
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => ({
            uri: options.url,
            dbName: options.database,
            autoIndex: false,
            serverSelectionTimeoutMS: 5_000,
            appName: options.service,
            monitorCommands: true,
            connectionFactory: (connection: Connection) => {
              recordCommandDurations(connection.getClient(), metrics);
              return connection;
            },
          }),
        }),
      ],
      providers: [RetentionService],
      exports: [RetentionService],
    };
  }
}
