import { Injectable } from '@nestjs/common';
import { ImportMode, SyncRunView } from '@icims-sync/contracts';
import { ImportQueue, toRunView } from '@icims-sync/sync-ledger';
import { AppException } from '@icims-sync/platform';
import { TenantSettingsReader } from './tenant-settings.reader';

/** The Import button: queue a run, one per tenant at a time, and hand it to icims-ingest. */
@Injectable()
export class StartImportUseCase {
  constructor(
    private readonly settings: TenantSettingsReader,
    private readonly imports: ImportQueue,
  ) {}

  /** `dryRun`: the whole run is planned and recorded, and nothing is written to HR. */
  async execute(tenantId: string, mode: ImportMode, requestedBy: string, dryRun = false): Promise<SyncRunView> {
    const settings = await this.settings.enabled(tenantId);
    if (settings.status !== 'connected') throw new AppException('NOT_CONNECTED', 'iCIMS is not connected: save the credentials and press Connect, then import', 'conflict');
    const result = await this.imports.queue({ tenantId, trigger: 'manual', mode, requestedBy, dryRun });
    if ('reserved' in result) return result.reserved;
    throw importRunning('running' in result ? result.running : result.exists);
  }

  /** An export backfill: every linked employee whose iCIMS values differ is PATCHed by hr-export (or, `dryRun`, only planned). */
  async exportAll(tenantId: string, requestedBy: string, dryRun = false): Promise<SyncRunView> {
    const settings = await this.settings.enabled(tenantId);
    if (settings.status !== 'connected') throw new AppException('NOT_CONNECTED', 'iCIMS is not connected: save the credentials and press Connect, then export', 'conflict');
    const result = await this.imports.queue({ tenantId, trigger: 'manual', direction: 'export', requestedBy, dryRun });
    if ('reserved' in result) return result.reserved;
    throw importRunning('running' in result ? result.running : result.exists);
  }

  /**
   * Retry on a failed import or export backfill: a new run of the same kind (mode, dry run),
   * requested by this admin; the failed one stays in the history as it was.
   */
  async retry(failed: SyncRunView, userId: string): Promise<SyncRunView> {
    if (failed.status !== 'failed') throw new AppException('RUN_NOT_FAILED', `run ${failed.runId} is ${failed.status}; only a failed run can be retried`, 'conflict', { runId: failed.runId });
    if (failed.direction === 'export') return this.exportAll(failed.tenantId, userId, failed.dryRun === true);
    return this.execute(failed.tenantId, failed.mode ?? 'full', userId, failed.dryRun === true);
  }

  /** Confirm on a run the mass-change guard held: it goes on from where it stopped. */
  async confirm(tenantId: string, runId: string, userId: string): Promise<SyncRunView> {
    await this.settings.enabled(tenantId);
    const result = await this.imports.confirm(tenantId, runId, userId);
    if ('confirmed' in result) return toRunView(result.confirmed);
    if ('running' in result) throw importRunning(result.running);
    throw new AppException('RUN_NOT_HELD', `run ${runId} is not waiting for confirmation; only a run with status needs_confirmation can be confirmed`, 'conflict', { runId });
  }
}

function importRunning(runId: string): AppException {
  return new AppException('IMPORT_RUNNING', `an import or export is already queued or running for this tenant (run ${runId}); wait for it to finish`, 'conflict', { runId });
}
