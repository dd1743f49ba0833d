import { Body, Controller, DefaultValuePipe, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UseGuards, UseInterceptors } from '@nestjs/common';
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
import { InvalidInputException } from '@icims-sync/platform';
import { ServiceTokenGuard } from '../internal/service-token.guard';
import { Actor, CurrentActor } from './actor.decorator';
import { ConfigChangeRepository } from './config-change.repository';
import { EnabledConnections } from './enabled-connections.service';
import { RecordSignInInterceptor } from './record-sign-in.interceptor';
import { AcceptConsentUseCase } from './usecases/accept-consent.usecase';
import { ConnectIcimsUseCase } from './usecases/connect-icims.usecase';
import { GenerateInboundAuthUseCase } from './usecases/generate-inbound-auth.usecase';
import { GetIcimsSettingsUseCase } from './usecases/get-icims-settings.usecase';
import { SaveCredentialsUseCase } from './usecases/save-credentials.usecase';
import { SetOwnerUseCase } from './usecases/set-owner.usecase';
import { UpdateSyncOptionsUseCase } from './usecases/update-sync-options.usecase';

/**
 * The iCIMS settings an HR admin works with, behind the service token: the gateway checks
 * the admin's JWT and role, then calls here naming them. Secrets go in; only hints come out.
 */
@Controller('internal/tenants/:tenantId/icims')
@UseGuards(ServiceTokenGuard)
@UseInterceptors(RecordSignInInterceptor)
export class IcimsAdminController {
  constructor(
    private readonly getSettings: GetIcimsSettingsUseCase,
    private readonly acceptConsent: AcceptConsentUseCase,
    private readonly saveCredentials: SaveCredentialsUseCase,
    private readonly connect: ConnectIcimsUseCase,
    private readonly setOwner: SetOwnerUseCase,
    private readonly syncOptions: UpdateSyncOptionsUseCase,
    private readonly inboundAuth: GenerateInboundAuthUseCase,
    private readonly enabled: EnabledConnections,
    private readonly changes: ConfigChangeRepository,
  ) {}

  @Get()
  settings(@Param('tenantId') tenantId: string, @CurrentActor() _actor: Actor): Promise<IcimsSettingsView> {
    return this.getSettings.execute(tenantId);
  }

  @Put('consent')
  consent(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor, @Body() _body: ConsentDto): Promise<IcimsSettingsView> {
    return this.acceptConsent.execute(tenantId, actor);
  }

  @Put('credentials')
  credentials(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor, @Body() body: IcimsCredentialsDto): Promise<IcimsSettingsView> {
    return this.saveCredentials.execute(tenantId, actor, body);
  }

  @Post('connect')
  @HttpCode(200)
  test(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor): Promise<ConnectResult> {
    return this.connect.execute(tenantId, actor);
  }

  @Get('owner-candidates')
  ownerCandidates(@Param('tenantId') tenantId: string, @CurrentActor() _actor: Actor): Promise<OwnerCandidateView[]> {
    return this.setOwner.candidates(tenantId);
  }

  @Put('owner')
  owner(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor, @Body() body: OwnerDto): Promise<IcimsSettingsView> {
    return this.setOwner.execute(tenantId, actor, body.userId);
  }

  @Put('toggles')
  toggles(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor, @Body() body: TogglesDto): Promise<IcimsSettingsView> {
    return this.syncOptions.setToggles(tenantId, actor, body);
  }

  @Put('hired-statuses')
  hiredStatuses(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor, @Body() body: HiredStatusesDto): Promise<IcimsSettingsView> {
    return this.syncOptions.setHiredStatuses(tenantId, actor, body);
  }

  @Put('field-ids')
  fieldIds(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor, @Body() body: FieldIdsDto): Promise<IcimsSettingsView> {
    return this.syncOptions.setFieldIds(tenantId, actor, body);
  }

  @Post('inbound-auth')
  @HttpCode(201)
  inbound(@Param('tenantId') tenantId: string, @CurrentActor() actor: Actor, @Body() body: InboundAuthDto): Promise<InboundMaterialView> {
    return this.inboundAuth.execute(tenantId, actor, body.method);
  }

  @Get('changes')
  async history(
    @Param('tenantId') tenantId: string,
    @CurrentActor() _actor: Actor,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('before') before?: string,
  ): Promise<ConfigChangeView[]> {
    if (limit < 1 || limit > 200) throw new InvalidInputException('BAD_LIMIT', 'limit must be 1 to 200', { fields: ['limit'] });
    const beforeDate = before === undefined ? undefined : new Date(before);
    if (beforeDate && Number.isNaN(beforeDate.getTime())) throw new InvalidInputException('BAD_BEFORE', 'before must be an ISO date-time', { fields: ['before'] });
    await this.enabled.load(tenantId);
    return this.changes.list(tenantId, limit, beforeDate);
  }
}
