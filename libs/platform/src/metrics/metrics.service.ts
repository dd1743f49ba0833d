import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus registry and the metrics every service shares. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly messagesProcessed = new Counter({
    name: 'kafka_messages_processed_total',
    help: 'Messages whose handler succeeded (or that were recognised as duplicates)',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly messagesFailed = new Counter({
    name: 'kafka_messages_failed_total',
    help: 'Handler attempts that failed; a message retried 3 times counts 3',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly messagesDeadLettered = new Counter({
    name: 'kafka_messages_dlq_total',
    help: 'Messages sent to <topic>.dlq, by reason',
    labelNames: ['topic', 'reason'] as const,
    registers: [this.registry],
  });

  readonly messagesPublished = new Counter({
    name: 'kafka_messages_published_total',
    help: 'Messages acknowledged by the broker',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly handlerDuration = new Histogram({
    name: 'kafka_handler_duration_seconds',
    help: 'Time a handler took for one message, retries included',
    labelNames: ['topic'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });

  readonly mongoCommandDuration = new Histogram({
    name: 'mongo_command_duration_seconds',
    help: 'MongoDB command round trips by command, collection and outcome',
    labelNames: ['command', 'collection', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
