import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ConfigChangeView,
  ConnectResult,
  ConsentDto,
  FieldIdsDto,
  HiredStatusesDto,
  IcimsCredentialsDto,
  IcimsSettingsView,
  InboundAuthDto,
  InboundMaterialView,
  OwnerCandidateView,
  OwnerDto,
  TogglesDto,
} from '@icims-sync/contracts';
import { EXPORT_MAPPING_TABLE, FieldMappingRow, IMPORT_MAPPING_TABLE } from '@icims-sync/mapping';
import { AdminClaims } from './admin-token.verifier';
import { CurrentAdmin } from './current-admin.decorator';
import { HrAdminGuard } from './hr-admin.guard';
import { ConfigChangeResponse, ConnectResponse, ErrorResponse, IcimsSettingsResponse, InboundMaterialResponse, OwnerCandidateResponse } from './icims-settings.responses';
import { FieldMappingResponse, FieldMappingRowResponse } from './session.responses';
import { VaultAdminClient } from './vault-admin.client';
import { VaultInboundClient } from '../webhooks/vault-inbound.client';

/**
 * Settings > Integrations > iCIMS, for HR admins. The vault does the work and holds the
 * secrets; this edge checks who is asking and documents the API.
 */
@ApiTags('iCIMS settings')
@ApiBearerAuth()
@ApiParam({ name: 'tenantId', description: 'Your tenant id (it must match your sign-in).' })
@ApiResponse({ status: 401, type: ErrorResponse, description: 'No bearer token, or an invalid or expired one.' })
@ApiResponse({ status: 403, type: ErrorResponse, description: 'Not an active HR admin of this tenant.' })
@ApiResponse({ status: 404, type: ErrorResponse, description: 'The platform operator has not enabled the iCIMS integration for this tenant.' })
@Controller('admin/tenants/:tenantId/icims')
@UseGuards(HrAdminGuard)
export class IcimsSettingsController {
  constructor(
    private readonly vault: VaultAdminClient,
    private readonly inbound: VaultInboundClient,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The iCIMS settings: consent, credentials (secrets masked), connection, owner, toggles, inbound auth.' })
  @ApiOkResponse({ type: IcimsSettingsResponse })
  settings(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims): Promise<IcimsSettingsView> {
    return this.vault.call(admin, 'GET', '');
  }

  @Put('consent')
  @ApiOperation({ summary: 'Accept the privacy policy; records when and by whom. Needed before credentials.' })
  @ApiBody({ type: ConsentDto })
  @ApiOkResponse({ type: IcimsSettingsResponse })
  @ApiResponse({ status: 400, type: ErrorResponse })
  consent(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: ConsentDto): Promise<IcimsSettingsView> {
    return this.vault.call(admin, 'PUT', '/consent', body);
  }

  @Put('credentials')
  @ApiOperation({ summary: 'Save the connection form (oauth2: customerId, clientId, clientSecret; hmac: customerId, username, hmacKey). A secret left out keeps the saved one.' })
  @ApiBody({ type: IcimsCredentialsDto })
  @ApiOkResponse({ type: IcimsSettingsResponse })
  @ApiResponse({ status: 400, type: ErrorResponse, description: 'A field is invalid; details.fields names it.' })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'CONSENT_REQUIRED, CUSTOMER_ID_TAKEN, or CUSTOMER_ID_CHANGE_UNCONFIRMED (a connected tenant moving to another customer without confirmCustomerIdChange: true).' })
  credentials(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: IcimsCredentialsDto): Promise<IcimsSettingsView> {
    return this.vault.call(admin, 'PUT', '/credentials', body);
  }

  @Post('connect')
  @HttpCode(200)
  @ApiOperation({ summary: 'Test the saved credentials against iCIMS. The result tells bad credentials, forbidden and unreachable apart.' })
  @ApiOkResponse({ type: ConnectResponse })
  @ApiResponse({ status: 400, type: ErrorResponse, description: 'CREDENTIALS_INCOMPLETE; details.fields names what is missing.' })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'CONSENT_REQUIRED.' })
  connect(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims): Promise<ConnectResult> {
    return this.vault.call(admin, 'POST', '/connect');
  }

  @Get('owner-candidates')
  @ApiOperation({ summary: 'HR admins who have signed in, and whether each may own the connection now.' })
  @ApiOkResponse({ type: [OwnerCandidateResponse] })
  ownerCandidates(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims): Promise<OwnerCandidateView[]> {
    return this.vault.call(admin, 'GET', '/owner-candidates');
  }

  @Put('owner')
  @ApiOperation({ summary: 'Choose the owner: an active HR admin who has signed in. Automatic sync runs only with a valid owner.' })
  @ApiBody({ type: OwnerDto })
  @ApiOkResponse({ type: IcimsSettingsResponse })
  @ApiResponse({ status: 409, type: ErrorResponse, description: 'OWNER_NOT_SIGNED_IN or OWNER_NOT_ELIGIBLE.' })
  owner(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: OwnerDto): Promise<IcimsSettingsView> {
    return this.vault.call(admin, 'PUT', '/owner', body);
  }

  @Put('field-ids')
  @ApiOperation({ summary: "Where this tenant's iCIMS keeps each synced value (custom fields such as customfield1234); only the names given change, null puts one back to the default. Audited in changes." })
  @ApiBody({ type: FieldIdsDto })
  @ApiOkResponse({ type: IcimsSettingsResponse })
  @ApiResponse({ status: 400, type: ErrorResponse, description: 'INVALID_FIELD_IDS, naming the fields.' })
  fieldIds(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: FieldIdsDto): Promise<IcimsSettingsView> {
    return this.vault.call(admin, 'PUT', '/field-ids', body);
  }

  @Get('field-mapping')
  @ApiOperation({ summary: "Both field-mapping tables as this tenant runs them: each row's iCIMS and HR field, and the iCIMS field id behind it." })
  @ApiOkResponse({ type: FieldMappingResponse })
  async fieldMapping(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims): Promise<FieldMappingResponse> {
    const { fieldIds } = await this.vault.call<IcimsSettingsView>(admin, 'GET', '');
    const rowOf = ({ icimsField, hrField, fieldIdName }: FieldMappingRow): FieldMappingRowResponse =>
      fieldIdName ? { icimsField, hrField, fieldIdName, fieldId: fieldIds.effective[fieldIdName], overridden: fieldIdName in fieldIds.overrides } : { icimsField, hrField, overridden: false };
    return { imports: IMPORT_MAPPING_TABLE.map(rowOf), exports: EXPORT_MAPPING_TABLE.map(rowOf) };
  }

  @Put('toggles')
  @ApiOperation({ summary: 'Opt out of (or back in to) automatic import and automatic export. Both are on after connecting.' })
  @ApiBody({ type: TogglesDto })
  @ApiOkResponse({ type: IcimsSettingsResponse })
  toggles(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: TogglesDto): Promise<IcimsSettingsView> {
    return this.vault.call(admin, 'PUT', '/toggles', body);
  }

  @Put('hired-statuses')
  @ApiOperation({ summary: 'The iCIMS workflow status ids that mean "hired".' })
  @ApiBody({ type: HiredStatusesDto })
  @ApiOkResponse({ type: IcimsSettingsResponse })
  async hiredStatuses(@Param('tenantId') tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: HiredStatusesDto): Promise<IcimsSettingsView> {
    const saved = await this.vault.call<IcimsSettingsView>(admin, 'PUT', '/hired-statuses', body);
    this.inbound.forget(tenantId);
    return saved;
  }

  @Post('inbound-auth')
  @HttpCode(201)
  @ApiOperation({ summary: 'Generate how iCIMS authenticates its webhooks (basic, hmac or oauth). The secret is shown in this answer only.' })
  @ApiBody({ type: InboundAuthDto })
  @ApiResponse({ status: 201, type: InboundMaterialResponse })
  async inboundAuth(@Param('tenantId') tenantId: string, @CurrentAdmin() admin: AdminClaims, @Body() body: InboundAuthDto): Promise<InboundMaterialView> {
    const material = await this.vault.call<InboundMaterialView>(admin, 'POST', '/inbound-auth', body);
    // The old credential stops here at once; other replicas keep its verdict at most INBOUND_AUTH_CACHE_MS.
    this.inbound.forget(tenantId);
    return material;
  }

  @Get('changes')
  @ApiOperation({ summary: 'Who changed which setting and when, newest first. Never secret values.' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 200, default 50.' })
  @ApiQuery({ name: 'before', required: false, description: 'ISO date-time: entries older than this (the next page).' })
  @ApiOkResponse({ type: [ConfigChangeResponse] })
  changes(@Param('tenantId') _tenantId: string, @CurrentAdmin() admin: AdminClaims, @Query('limit') limit?: string, @Query('before') before?: string): Promise<ConfigChangeView[]> {
    const query = new URLSearchParams({ ...(limit ? { limit } : {}), ...(before ? { before } : {}) }).toString();
    return this.vault.call(admin, 'GET', `/changes${query ? `?${query}` : ''}`);
  }
}
