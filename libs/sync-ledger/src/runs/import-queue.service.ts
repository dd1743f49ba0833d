import { Injectable, Logger } from '@nestjs/common';
import { ImportMode, SyncDirection, Topic, createEvent } from '@icims-sync/contracts';
import { EventPublisher } from '@icims-sync/platform';
import { ABANDONED, AbandonedRun, ConfirmResult, ImportRequest, ImportRunRepository, ReserveResult } from './import-run.repository';
import { RunProgressPublisher } from './run-progress.publisher';

/**
 * Queues a run, one per tenant at a time: an import (manual or scheduled), handed to
 * icims-ingest, or an export backfill, handed to hr-export.
 */
@Injectable()
export class ImportQueue {
  private readonly logger = new Logger(ImportQueue.name);

  constructor(
    private readonly runs: ImportRunRepository,
    private readonly publisher: EventPublisher,
    private readonly progress: RunProgressPublisher,
    private readonly source: string,
  ) {}

  async queue(request: ImportRequest): Promise<ReserveResult> {
    const result = await this.runs.reserve(request);
    if ('abandoned' in result && result.abandoned) await this.announceAbandoned([result.abandoned]);
    if (!('reserved' in result)) return result;
    const { runId } = result.reserved;
    const { tenantId, mode, trigger, requestedBy, direction = 'import' } = request;
    try {
      await this.handOver(tenantId, direction, { runId, mode: mode ?? 'full', trigger, requestedBy });
    } catch (error) {
      // Not handed over: free the tenant so the import can be asked for again.
      await this.runs.finish({ _id: runId, tenantId }, 'failed', { code: 'NOT_QUEUED', message: `the ${direction} could not be queued; try again` });
      this.logger.error({ err: error, runId, direction }, 'run not handed over');
      throw error;
    }
    this.logger.log({ runId, tenantId, direction, mode, trigger, dryRun: request.dryRun === true }, `${direction} queued`);
    return result;
  }

  /**
   * Lets a run held by the mass-change guard go on: it is handed to icims-ingest again and
   * resumes where it stopped. Should the hand-over fail, the run's lease lapses and it ends
   * as abandoned; the admin then starts a new import.
   */
  async confirm(tenantId: string, runId: string, userId: string): Promise<ConfirmResult> {
    const result = await this.runs.confirm(tenantId, runId, userId);
    if (!('confirmed' in result)) return result;
    if (result.abandoned) await this.announceAbandoned([result.abandoned]);
    const { mode, trigger, direction } = result.confirmed;
    await this.handOver(tenantId, direction, { runId, mode: mode ?? 'full', trigger: trigger === 'scheduled' ? 'scheduled' : 'manual', requestedBy: userId });
    this.logger.log({ runId, tenantId, userId, direction }, 'held run confirmed');
    return result;
  }

  /** Fails the runs whose lease lapsed and tells their watchers; answers how many. */
  async failAbandoned(): Promise<number> {
    const abandoned = await this.runs.failAbandoned();
    await this.announceAbandoned(abandoned);
    return abandoned.length;
  }

  /** `import.requested` (icims-ingest) or `export.requested` (hr-export): the service runs (or resumes) the run. */
  private handOver(tenantId: string, direction: SyncDirection, { runId, mode, trigger, requestedBy }: HandOver): Promise<void> {
    const event =
      direction === 'export'
        ? createEvent(Topic.ExportRequested, { tenantId, source: this.source, correlationId: runId, payload: { runId, trigger: 'manual', requestedBy } })
        : createEvent(Topic.ImportRequested, { tenantId, source: this.source, correlationId: runId, payload: { runId, mode, trigger, requestedBy } });
    return this.publisher.publish([event]);
  }

  /** Ends the SSE stream of each run failed as abandoned. */
  private async announceAbandoned(runs: AbandonedRun[]): Promise<void> {
    for (const run of runs) await this.progress.publish(run.tenantId, run.runId, 'failed', run.counters, ABANDONED.code, run.direction);
  }
}

interface HandOver {
  runId: string;
  mode: ImportMode;
  trigger: 'manual' | 'scheduled';
  requestedBy?: string;
}
