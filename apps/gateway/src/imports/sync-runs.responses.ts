import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_MODES, ImportMode, Page, SYNC_DIRECTIONS, SYNC_OUTCOMES, SYNC_RUN_STATUSES, SYNC_TRIGGERS, SyncRecordView, SyncRunView, SyncStatusView } from '@icims-sync/contracts';

// OpenAPI shapes of the runs answers; `implements` keeps them in step with the contract types.

class CountersResponse {
  @ApiProperty() added!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'HR employees deactivated because their iCIMS person no longer exists.' }) deleted!: number;
  @ApiProperty({ description: 'Unchanged or not eligible; the records say why.' }) skipped!: number;
  @ApiProperty({ description: 'Could not be imported; the records carry a reason code.' }) errored!: number;
  @ApiProperty() total!: number;
}

class RunErrorResponse {
  @ApiProperty({ example: 'ICIMS_BUDGET_EXHAUSTED' }) code!: string;
  @ApiProperty() message!: string;
}

class RunHoldResponse implements NonNullable<SyncRunView['hold']> {
  @ApiProperty({ example: 'MASS_DEACTIVATION' }) code!: string;
  @ApiProperty({ description: 'Employees the run would change (at most).' }) planned!: number;
  @ApiProperty({ description: 'Linked, active employees of the tenant.' }) population!: number;
  @ApiProperty({ description: 'Runs changing more than this share are held.' }) maxPercent!: number;
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
}

class RunConfirmationResponse implements NonNullable<SyncRunView['confirmation']> {
  @ApiProperty() userId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SyncRunResponse implements SyncRunView {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty({ enum: SYNC_DIRECTIONS }) direction!: SyncRunView['direction'];
  @ApiProperty({ enum: SYNC_TRIGGERS }) trigger!: SyncRunView['trigger'];
  @ApiPropertyOptional({ enum: IMPORT_MODES }) mode?: ImportMode;
  @ApiProperty({ enum: SYNC_RUN_STATUSES }) status!: SyncRunView['status'];
  @ApiProperty({ type: CountersResponse }) counters!: CountersResponse;
  @ApiPropertyOptional({ description: 'The admin who pressed Import.' }) requestedBy?: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiPropertyOptional({ type: RunErrorResponse }) error?: RunErrorResponse;
  @ApiPropertyOptional({ type: RunHoldResponse, description: 'Why the mass-change guard held the run (status needs_confirmation).' }) hold?: RunHoldResponse;
  @ApiPropertyOptional({ type: RunConfirmationResponse, description: 'Who let a held run go on.' }) confirmation?: RunConfirmationResponse;
  @ApiPropertyOptional({ description: 'A plan only: the records say what a real run would do; nothing was written.' }) dryRun?: boolean;
  @ApiPropertyOptional({ description: "iCIMS requests the run spent from the tenant's daily budget." }) icimsRequests?: number;
}

export class RunPageResponse implements Page<SyncRunView> {
  @ApiProperty({ type: [SyncRunResponse] }) items!: SyncRunResponse[];
  @ApiPropertyOptional({ description: 'Pass as cursor for the next page.' }) nextCursor?: string;
}

type ConflictView = NonNullable<SyncRecordView['conflicts']>[number];

class ConflictResponse implements ConflictView {
  @ApiProperty({ example: 'firstName' }) field!: string;
  @ApiProperty({ enum: ['hr', 'icims'], description: "Whose change was kept: the later one's." }) kept!: 'hr' | 'icims';
  @ApiProperty({ format: 'date-time', description: 'When HR saved it.' }) hrAt!: string;
  @ApiProperty({ format: 'date-time', description: "iCIMS's updateddate (to the minute)." }) icimsAt!: string;
}

class SyncRecordResponse implements SyncRecordView {
  @ApiPropertyOptional() icimsId?: string;
  @ApiPropertyOptional() employeeId?: string;
  @ApiProperty({ enum: SYNC_OUTCOMES }) outcome!: SyncRecordView['outcome'];
  @ApiProperty({ type: [String], description: 'Names only, never values.' }) changedFields!: string[];
  @ApiPropertyOptional({ example: 'INVALID_PERSON' }) reason?: string;
  @ApiProperty({ type: [String], example: ['ssn:INVALID_SSN'] }) details!: string[];
  @ApiProperty({ type: [String], example: ['managerId:MANAGER_UNRESOLVED'], description: 'Written anyway, but someone should know: field and code, never a value.' }) warnings!: string[];
  @ApiPropertyOptional({ type: [ConflictResponse], description: 'CONFLICT_RESOLVED: fields changed on both sides since the last sync.' }) conflicts?: ConflictResponse[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class RunRecordPageResponse implements Page<SyncRecordView> {
  @ApiProperty({ type: [SyncRecordResponse] }) items!: SyncRecordResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

class AutomaticImportResponse {
  @ApiProperty({ description: 'Whether the daily import runs for this tenant now (toggle on, connected, valid owner).' }) enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) next!: string;
  @ApiProperty({ example: '2026-11-29 00:00 PST', description: 'The same instant on the wall clock of the schedule.' }) nextLocal!: string;
  @ApiProperty({ example: 'America/Los_Angeles' }) timeZone!: string;
}

class LastSucceededResponse {
  @ApiPropertyOptional({ format: 'date-time' }) import?: string;
  @ApiPropertyOptional({ format: 'date-time' }) export?: string;
}

class IcimsBudgetResponse {
  @ApiProperty({ example: '2026-11-28', description: 'The UTC day the budget counts (it resets at 00:00 UTC).' }) day!: string;
  @ApiProperty({ description: 'Requests taken today by every service and replica (blocks of 10 a replica holds count as taken).' }) used!: number;
  @ApiProperty() dailyLimit!: number;
  @ApiProperty({ description: 'Kept for manual imports.' }) manualReserve!: number;
  @ApiProperty() leftForAutomatic!: number;
  @ApiProperty() leftForManual!: number;
}

export class SyncStatusResponse implements SyncStatusView {
  @ApiProperty({ type: AutomaticImportResponse }) automaticImport!: AutomaticImportResponse;
  @ApiProperty({ type: LastSucceededResponse }) lastSucceeded!: LastSucceededResponse;
  @ApiProperty({ type: IcimsBudgetResponse }) icimsBudget!: IcimsBudgetResponse;
}
