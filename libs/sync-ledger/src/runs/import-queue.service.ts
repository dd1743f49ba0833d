import { Injectable, Logger } from '@nestjs/common';
import { Topic, createEvent } from '@icims-sync/contracts';
import { EventPublisher } from '@icims-sync/platform';
import { ImportRequest, ImportRunRepository, ReserveResult } from './import-run.repository';

/** Queues an import (manual or scheduled): reserve the tenant's one run, then hand it to icims-ingest. */
@Injectable()
export class ImportQueue {
  private readonly logger = new Logger(ImportQueue.name);

  constructor(
    private readonly runs: ImportRunRepository,
    private readonly publisher: EventPublisher,
    private readonly source: string,
  ) {}

  async queue(request: ImportRequest): Promise<ReserveResult> {
    const result = await this.runs.reserve(request);
    if (!('reserved' in result)) return result;
    const { runId } = result.reserved;
    const { tenantId, mode, trigger, requestedBy } = request;
    try {
      await this.publisher.publish([createEvent(Topic.ImportRequested, { tenantId, source: this.source, correlationId: runId, payload: { runId, mode, trigger, requestedBy } })]);
    } catch (error) {
      // Not handed over: free the tenant so the import can be asked for again.
      await this.runs.finish({ _id: runId, tenantId }, 'failed', { code: 'NOT_QUEUED', message: 'the import could not be queued; try again' });
      this.logger.error({ err: error, runId }, 'import.requested not published');
      throw error;
    }
    this.logger.log({ runId, tenantId, mode, trigger }, 'import queued');
    return result;
  }
}
