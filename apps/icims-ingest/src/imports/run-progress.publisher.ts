import { Injectable } from '@nestjs/common';
import { SyncRunStatus, Topic, createEvent } from '@icims-sync/contracts';
import { Counters, ImportCheckpoint, ImportRunRepository, RecordOutcome } from '@icims-sync/audit';
import { EventPublisher } from '@icims-sync/platform';
import { ImportRun, RunPosition, addOutcomes } from './import-run';

/** A run's progress: the checkpoint in the store, and `sync.progress` for the admin's import window (SSE at the gateway). */
@Injectable()
export class RunProgressPublisher {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly runs: ImportRunRepository,
  ) {}

  /** Counts what a page or sweep step did, stores where the run is, and tells the window. */
  async advance(job: ImportRun, outcomes: RecordOutcome[], position: RunPosition): Promise<void> {
    addOutcomes(job.counters, outcomes);
    const checkpoint: ImportCheckpoint = { ...position, pending: [] };
    job.run.checkpoint = checkpoint;
    await this.runs.saveProgress(job.run._id, job.counters, checkpoint);
    await this.publish(job.run.tenantId, job.run._id, 'running', job.counters);
  }

  async publish(tenantId: string, runId: string, status: SyncRunStatus, counters: Counters, errorCode?: string): Promise<void> {
    await this.publisher.publish([
      createEvent(Topic.SyncProgress, { tenantId, source: 'icims-ingest', correlationId: runId, payload: { runId, direction: 'import', status, counters: { ...counters }, ...(errorCode ? { errorCode } : {}) } }),
    ]);
  }
}
