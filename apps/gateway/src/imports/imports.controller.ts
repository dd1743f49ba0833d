import { Body, Controller, Get, HttpCode, MessageEvent, Param, Post, Query, Sse, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Page, RunRecordsQueryDto, RunsQueryDto, StartExportDto, StartImportDto, SyncDirection, SyncRecordView, SyncRunView, SyncStatusView } from '@icims-sync/contracts';
import { SyncAuditRepository, toRunView } from '@icims-sync/sync-ledger';
import { AppException } from '@icims-sync/platform';
import { AdminClaims } from '../admin/admin-token.verifier';
import { CurrentAdmin } from '../admin/current-admin.decorator';
import { HrAdminGuard } from '../admin/hr-admin.guard';
import { ErrorResponse } from '../admin/icims-settings.responses';
import { RunPageResponse, RunRecordPageResponse, SyncRunResponse, SyncStatusResponse } from './sync-runs.responses';
import { SyncStatusUseCase } from './sync-status.usecase';
import { StartImportUseCase } from './start-import.usecase';
import { RunProgressStream } from './run-progress.stream';
import { runEvents } from './run-events';
import { RunRecordsQueryDocs, RunsQueryDocs } from './run-queries.openapi';

/** The Import button, its live window, and the sync history. HR admins only. */
@ApiTags('Imports and sync history')
@ApiBearerAuth()
@ApiParam({ name: 'tenantId', description: 'Your tenant id (it must match your sign-in).' })
@ApiResponse({ status: 401, type: ErrorResponse, description: 'No bearer token, or an invalid or expired one.' })
@ApiResponse({ status: 403, type: ErrorResponse, description: 'Not an active HR admin of this tenant.' })
@Controller('admin/tenants/:tenantId')
@UseGuards(HrAdminGuard)
export class ImportsController {
  constructor(
    private readonly startImport: StartImportUseCase,
    private readonly audit: SyncAuditRepository,
    private readonly progress: RunProgressStream,
    private readonly status: SyncStatusUseCase,
  ) {}

  @Post('imports')
  @HttpCode(202)
  @ApiOperation({ summary: 'Press Import: queues an incremental import (people changed since the last successful one), or a full one with mode=full; dryRun=true plans it and writes nothing to HR.' })
  @ApiBody({ type: StartImportDto, required: false })
  @ApiAcceptedResponse({ type: SyncRunResponse, description: 'Queued; follow it at imports/{runId} or imports/{runId}/events.' })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'INTEGRATION_NOT_ENABLED.' })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'IMPORT_RUNNING (details.runId is the running one), or NOT_CONNECTED.' })
  start(@Param('tenantId') tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: StartImportDto = {}): Promise<SyncRunView> {
    return this.startImport.execute(tenantId, body?.mode ?? 'incremental', admin.userId, body?.dryRun === true);
  }

  @Post('exports')
  @HttpCode(202)
  @ApiOperation({ summary: 'Export backfill: PATCHes every linked employee whose iCIMS values differ from HR (hr-export); dryRun=true plans it and writes nothing. Held for confirmation when it would overwrite too many.' })
  @ApiBody({ type: StartExportDto, required: false })
  @ApiAcceptedResponse({ type: SyncRunResponse, description: 'Queued; follow it at exports/{runId} or exports/{runId}/events.' })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'INTEGRATION_NOT_ENABLED.' })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'IMPORT_RUNNING (an import or export of the tenant is under way; details.runId), or NOT_CONNECTED.' })
  startExport(@Param('tenantId') tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: StartExportDto = {}): Promise<SyncRunView> {
    return this.startImport.exportAll(tenantId, admin.userId, body?.dryRun === true);
  }

  @Get('exports/:runId')
  @ApiOperation({ summary: 'One export backfill: status and counters (updated: PATCHed, skipped: already equal or changed in iCIMS since).' })
  @ApiOkResponse({ type: SyncRunResponse })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  exportRun(@Param('tenantId') tenantId: string, @Param('runId') runId: string): Promise<SyncRunView> {
    return this.runOf(tenantId, runId, 'export');
  }

  @Sse('exports/:runId/events')
  @ApiOperation({ summary: "Server-sent events of an export backfill, as for an import's." })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  async exportEvents(@Param('tenantId') tenantId: string, @Param('runId') runId: string): Promise<Observable<MessageEvent>> {
    await this.runOf(tenantId, runId, 'export');
    return runEvents(() => this.runOf(tenantId, runId, 'export'), this.progress.of(tenantId, runId));
  }

  @Post('exports/:runId/confirm')
  @HttpCode(202)
  @ApiOperation({ summary: 'Confirm an export backfill the mass-change guard held (MASS_OVERWRITE): it PATCHes what it planned.' })
  @ApiAcceptedResponse({ type: SyncRunResponse })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'RUN_NOT_HELD, or IMPORT_RUNNING.' })
  async confirmExport(@Param('tenantId') tenantId: string, @Param('runId') runId: string, @CurrentAdmin() admin: AdminClaims): Promise<SyncRunView> {
    await this.runOf(tenantId, runId, 'export');
    return this.startImport.confirm(tenantId, runId, admin.userId);
  }

  @Post('imports/:runId/confirm')
  @HttpCode(202)
  @ApiOperation({ summary: 'Confirm a run the mass-change guard held (status needs_confirmation, with its numbers in `hold`): it goes on from where it stopped.' })
  @ApiAcceptedResponse({ type: SyncRunResponse, description: 'Handed to icims-ingest again; follow it as any import.' })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'RUN_NOT_HELD, or IMPORT_RUNNING (another import of the tenant is under way).' })
  async confirm(@Param('tenantId') tenantId: string, @Param('runId') runId: string, @CurrentAdmin() admin: AdminClaims): Promise<SyncRunView> {
    await this.runOf(tenantId, runId, 'import');
    return this.startImport.confirm(tenantId, runId, admin.userId);
  }

  @Post('runs/:runId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Retry a failed import or export backfill: a new run of the same kind (mode, dry run); the failed one stays in the history.' })
  @ApiAcceptedResponse({ type: SyncRunResponse, description: 'The new run; follow it at imports/{runId} (or exports/{runId}).' })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND (webhook hires and single exports are not runs to retry: they are retried by their consumer).' })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'RUN_NOT_FAILED, IMPORT_RUNNING or NOT_CONNECTED.' })
  async retry(@Param('tenantId') tenantId: string, @Param('runId') runId: string, @CurrentAdmin() admin: AdminClaims): Promise<SyncRunView> {
    const run = await this.runOf(tenantId, runId);
    if (run.trigger === 'webhook' || run.trigger === 'auto-export') throw new AppException('RUN_NOT_FOUND', `run ${runId} is a single ${run.trigger === 'webhook' ? 'hire' : 'export'}, retried by its consumer; nothing to press`, 'not_found');
    return this.startImport.retry(run, admin.userId);
  }

  @Get('imports/:runId')
  @ApiOperation({ summary: 'One import: status and the counters added, updated, deleted, skipped, errored, total.' })
  @ApiOkResponse({ type: SyncRunResponse })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  async importRun(@Param('tenantId') tenantId: string, @Param('runId') runId: string): Promise<SyncRunView> {
    return this.runOf(tenantId, runId, 'import');
  }

  @Sse('imports/:runId/events')
  @ApiOperation({ summary: 'Server-sent events: `progress` with the live counters (stored state first), ending after the final one; `heartbeat` every 15 s.' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  async importEvents(@Param('tenantId') tenantId: string, @Param('runId') runId: string): Promise<Observable<MessageEvent>> {
    await this.runOf(tenantId, runId, 'import');
    return runEvents(() => this.runOf(tenantId, runId, 'import'), this.progress.of(tenantId, runId));
  }

  @Get('sync-status')
  @ApiOperation({ summary: "Status at a glance: when the next automatic import runs (UTC and the schedule's local time), the last successful import and export, and today's iCIMS budget (used, left for automatic work and for manual imports)." })
  @ApiOkResponse({ type: SyncStatusResponse })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'INTEGRATION_NOT_ENABLED.' })
  syncStatus(@Param('tenantId') tenantId: string): Promise<SyncStatusView> {
    return this.status.execute(tenantId);
  }

  @Get('runs')
  @ApiOperation({ summary: 'Sync history, newest first: webhook hires, imports and exports, filtered by direction, trigger, status and start time.' })
  @ApiOkResponse({ type: RunPageResponse })
  @RunsQueryDocs()
  @ApiResponse({ status: 400, type: ErrorResponse, description: 'A filter is invalid; the message names it.' })
  runs(@Param('tenantId') tenantId: string, @Query() query: RunsQueryDto): Promise<Page<SyncRunView>> {
    return this.audit.listRuns(tenantId, query);
  }

  @Get('runs/:runId')
  @ApiOperation({ summary: 'One run of any kind.' })
  @ApiOkResponse({ type: SyncRunResponse })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  run(@Param('tenantId') tenantId: string, @Param('runId') runId: string): Promise<SyncRunView> {
    return this.runOf(tenantId, runId);
  }

  @Get('runs/:runId/records')
  @ApiOperation({ summary: "A run's per-person outcomes: ids, changed field names and reason codes (never values)." })
  @ApiOkResponse({ type: RunRecordPageResponse })
  @RunRecordsQueryDocs()
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'RUN_NOT_FOUND.' })
  async records(@Param('tenantId') tenantId: string, @Param('runId') runId: string, @Query() query: RunRecordsQueryDto): Promise<Page<SyncRecordView>> {
    await this.runOf(tenantId, runId);
    return this.audit.listRecords(runId, query);
  }

  /** The tenant's run; another tenant's run is as unknown as a missing one. */
  private async runOf(tenantId: string, runId: string, direction?: SyncDirection): Promise<SyncRunView> {
    const run = await this.audit.findRun(runId);
    if (!run || run.tenantId !== tenantId || (direction && (run.direction !== direction || run.trigger === 'webhook' || run.trigger === 'auto-export'))) {
      throw new AppException('RUN_NOT_FOUND', `tenant ${tenantId} has no ${direction ?? 'sync'} run ${runId}`, 'not_found');
    }
    return toRunView(run);
  }
}
