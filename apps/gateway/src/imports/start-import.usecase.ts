import { Injectable } from '@nestjs/common';
import { ImportMode, SyncRunView } from '@icims-sync/contracts';
import { ImportQueue } from '@icims-sync/sync-ledger';
import { AppException } from '@icims-sync/platform';
import { TenantSettingsReader } from './tenant-settings.reader';

/** The Import button: queue a run, one per tenant at a time, and hand it to icims-ingest. */
@Injectable()
export class StartImportUseCase {
  constructor(
    private readonly settings: TenantSettingsReader,
    private readonly imports: ImportQueue,
  ) {}

  async execute(tenantId: string, mode: ImportMode, requestedBy: string): Promise<SyncRunView> {
    const settings = await this.settings.enabled(tenantId);
    if (settings.status !== 'connected') throw new AppException('NOT_CONNECTED', 'iCIMS is not connected: save the credentials and press Connect, then import', 'conflict');
    const result = await this.imports.queue({ tenantId, trigger: 'manual', mode, requestedBy });
    if ('reserved' in result) return result.reserved;
    const runId = 'running' in result ? result.running : result.exists;
    throw new AppException('IMPORT_RUNNING', `an import is already queued or running for this tenant (run ${runId}); wait for it to finish`, 'conflict', { runId });
  }
}
