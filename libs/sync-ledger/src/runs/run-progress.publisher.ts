import { Injectable } from '@nestjs/common';
import { SyncRunStatus, Topic, createEvent } from '@icims-sync/contracts';
import { Counters } from '@icims-sync/sync-ledger';
import { EventPublisher } from '@icims-sync/platform';

/** `sync.progress` for the admin's import window (SSE at the gateway); the counters are the run's, as stored. */
@Injectable()
export class RunProgressPublisher {
  constructor(private readonly publisher: EventPublisher) {}

  async publish(tenantId: string, runId: string, status: SyncRunStatus, counters: Counters, errorCode?: string): Promise<void> {
    await this.publisher.publish([
      createEvent(Topic.SyncProgress, { tenantId, source: 'icims-ingest', correlationId: runId, payload: { runId, direction: 'import', status, counters: { ...counters }, ...(errorCode ? { errorCode } : {}) } }),
    ]);
  }
}
