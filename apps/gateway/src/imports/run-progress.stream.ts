import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import { Observable, Subject, filter, map } from 'rxjs';
import { Envelope, SyncProgressPayload, Topic, decode } from '@icims-sync/contracts';
import { GatewayConfig } from '../config/app.config';

export interface RunProgress {
  tenantId: string;
  payload: SyncProgressPayload;
}

/**
 * Every `sync.progress` event, fanned out to this replica's SSE clients. Each replica reads
 * the whole topic in its own throwaway group from the live end: progress is a view, not
 * work, so nothing here is committed or retried.
 */
@Injectable()
export class RunProgressStream implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RunProgressStream.name);
  private readonly events = new Subject<RunProgress>();
  private readonly consumer: Consumer;

  constructor(kafka: Kafka, @Inject(GatewayConfig) config: GatewayConfig) {
    this.consumer = kafka.consumer({ groupId: `${config.KAFKA_GROUP_ID ?? 'gateway'}.sse.${randomUUID()}`, sessionTimeout: config.KAFKA_SESSION_TIMEOUT_MS, allowAutoTopicCreation: false });
  }

  async onModuleInit(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [Topic.SyncProgress], fromBeginning: false });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const decoded = decode(Topic.SyncProgress, message.value);
        if (!decoded.ok) return this.logger.warn({ code: decoded.error.code }, 'unreadable sync.progress event ignored');
        const envelope = decoded.envelope as Envelope<SyncProgressPayload>;
        this.events.next({ tenantId: envelope.tenantId, payload: envelope.payload });
      },
    });
  }

  /** Live progress of one run of one tenant. */
  of(tenantId: string, runId: string): Observable<SyncProgressPayload> {
    return this.events.pipe(
      filter((event) => event.tenantId === tenantId && event.payload.runId === runId),
      map((event) => event.payload),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.events.complete();
    await this.consumer.disconnect();
  }
}
