import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONNECT_FAILURE_REASONS,
  ConfigChangeView,
  ConnectResult,
  ICIMS_REGIONS,
  INBOUND_METHODS,
  IcimsSettingsView,
  InboundMaterialView,
  OUTBOUND_METHODS,
  OwnerCandidateView,
  PROFILES,
  SYNC_PAUSE_REASONS,
} from '@icims-sync/contracts';

// OpenAPI shapes of the admin answers; `implements` keeps them in step with the contract types.

class ConsentRecord {
  @ApiProperty({ format: 'date-time' }) acceptedAt!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
}

class CredentialsSummary {
  @ApiProperty({ enum: OUTBOUND_METHODS }) method!: (typeof OUTBOUND_METHODS)[number];
  @ApiProperty({ enum: ICIMS_REGIONS }) region!: (typeof ICIMS_REGIONS)[number];
  @ApiPropertyOptional() customerId?: string;
  @ApiPropertyOptional() clientId?: string;
  @ApiPropertyOptional() username?: string;
  @ApiPropertyOptional({ example: '****a1b2', description: 'The secret is never returned; only its last 4 characters.' }) secretHint?: string;
  @ApiProperty({ type: [String], description: 'Fields still needed before Connect can run.' }) missingFields!: string[];
}

class ConnectionSummary {
  @ApiProperty({ enum: ['not_connected', 'connected', 'error', 'owner_invalid'] }) state!: IcimsSettingsView['connection']['state'];
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ format: 'date-time' }) checkedAt?: string;
}

class OwnerSummary {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'False when the owner is no longer an active HR admin; automatic sync is then paused.' }) valid!: boolean;
  @ApiPropertyOptional() message?: string;
}

class Toggles {
  @ApiProperty() autoImport!: boolean;
  @ApiProperty() autoExport!: boolean;
}

class AutomaticSync {
  @ApiProperty() import!: boolean;
  @ApiProperty() export!: boolean;
  @ApiPropertyOptional({ enum: SYNC_PAUSE_REASONS }) pausedReason?: (typeof SYNC_PAUSE_REASONS)[number];
  @ApiPropertyOptional() message?: string;
}

class InboundSummary {
  @ApiProperty({ enum: INBOUND_METHODS }) method!: (typeof INBOUND_METHODS)[number];
  @ApiProperty() identity!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class FieldIdsSummary {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Synced field name → the iCIMS field id used (defaults plus overrides).', example: { ssn: 'usssn', adpAssociateId: 'customfield1234' } })
  effective!: Record<string, string>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: "The tenant's own field ids, set with PUT .../field-ids." })
  overrides!: Record<string, string>;
}

export class IcimsSettingsResponse implements IcimsSettingsView {
  @ApiProperty() tenantId!: string;
  @ApiProperty({ enum: PROFILES }) profile!: (typeof PROFILES)[number];
  @ApiProperty({ type: ConsentRecord, nullable: true }) consent!: ConsentRecord | null;
  @ApiProperty({ type: CredentialsSummary, nullable: true }) credentials!: CredentialsSummary | null;
  @ApiProperty({ type: ConnectionSummary }) connection!: ConnectionSummary;
  @ApiProperty({ type: OwnerSummary, nullable: true }) owner!: OwnerSummary | null;
  @ApiProperty({ type: Toggles }) toggles!: Toggles;
  @ApiProperty({ type: AutomaticSync }) automaticSync!: AutomaticSync;
  @ApiProperty({ type: InboundSummary, nullable: true }) inbound!: InboundSummary | null;
  @ApiProperty({ type: [String] }) hiredStatusIds!: string[];
  @ApiProperty({ type: FieldIdsSummary }) fieldIds!: FieldIdsSummary;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
}

export class ConnectResponse implements ConnectResult {
  @ApiProperty({ enum: ['connected', 'error'] }) status!: ConnectResult['status'];
  @ApiPropertyOptional({ enum: CONNECT_FAILURE_REASONS }) reason?: ConnectResult['reason'];
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
}

export class InboundMaterialResponse implements InboundMaterialView {
  @ApiProperty({ enum: INBOUND_METHODS }) method!: InboundMaterialView['method'];
  @ApiProperty({ description: 'Basic/HMAC username, or the OAuth client id.' }) identity!: string;
  @ApiProperty({ description: 'Password, HMAC key or client secret. Shown this once: store it in iCIMS now.' }) secret!: string;
  @ApiProperty({ example: '/webhooks/icims' }) webhookPath!: string;
  @ApiPropertyOptional({ example: '/webhooks/oauth/token' }) tokenPath?: string;
}

export class OwnerCandidateResponse implements OwnerCandidateView {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'date-time' }) lastSignInAt!: string;
  @ApiProperty() eligible!: boolean;
  @ApiPropertyOptional() reason?: string;
}

class ChangeActor {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
}

export class ConfigChangeResponse implements ConfigChangeView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: ChangeActor }) actor!: ChangeActor;
  @ApiProperty({ example: 'credentials.saved' }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Setting → new value; secrets show "(changed)".' }) changes!: Record<string, unknown>;
}

class ErrorBody {
  @ApiProperty({ example: 'CONSENT_REQUIRED' }) code!: string;
  @ApiProperty({ example: 'accept the privacy policy before entering iCIMS credentials' }) message!: string;
  @ApiPropertyOptional({ description: 'For a 5xx: quote it to the operator; the logs have the rest.' }) errorId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Which fields are wrong (details.fields), or the run in the way (details.runId).' })
  details?: Record<string, unknown>;
}

export class ErrorResponse {
  @ApiProperty({ type: ErrorBody }) error!: ErrorBody;
}
