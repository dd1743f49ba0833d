import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { REDACTED_PATHS, REDACTION_CENSOR } from './redaction.constant';

export interface LoggingOptions {
  service: string;
  level: string;
}

const QUIET_ROUTES = /^\/(healthz|readyz|metrics)\b/;

/** nestjs-pino with an allow-list of request fields and redaction of the rest. */
@Module({})
export class PlatformLoggerModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: PlatformLoggerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { service: options.service },
            redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            // Probes and scrapes every few seconds would drown the useful lines.
            autoLogging: { ignore: (req: IncomingMessage & { originalUrl?: string }) => QUIET_ROUTES.test(req.originalUrl ?? req.url ?? '') },
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
