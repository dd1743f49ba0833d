import { SyncDirection, SyncRunStatus, Topic, createEvent } from '@icims-sync/contracts';
import { EventPublisher } from '@icims-sync/platform';
import { Counters } from './sync-run.schema';

/** `sync.progress` for the admin's run window (SSE at the gateway), imports and exports; the counters are the run's, as stored. */
export class RunProgressPublisher {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly source: string,
  ) {}

  async publish(tenantId: string, runId: string, status: SyncRunStatus, counters: Counters, errorCode?: string, direction: SyncDirection = 'import'): Promise<void> {
    await this.publisher.publish([
      createEvent(Topic.SyncProgress, { tenantId, source: this.source, correlationId: runId, payload: { runId, direction, status, counters: { ...counters }, ...(errorCode ? { errorCode } : {}) } }),
    ]);
  }
}
