import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { InboundVerifier } from './inbound-verifier.service';
import { AuthorizeRequestDto, InboundTokenDto, TenantRefDto, VerifyInboundDto } from './internal.dto';
import { OutboundSigner } from './outbound-signer.service';
import { ServiceTokenGuard } from './service-token.guard';
import { OutboundAuthorization, TenantList, TenantSettings } from '@icims-sync/contracts';
import { TenantSettingsService } from './tenant-settings.service';

/** The vault's internal API. Secrets go in, headers and verdicts come out; secrets never leave. */
@Controller('internal')
@UseGuards(ServiceTokenGuard)
export class InternalController {
  constructor(
    private readonly signer: OutboundSigner,
    private readonly verifier: InboundVerifier,
    private readonly settings: TenantSettingsService,
  ) {}

  /** For the scheduler's daily run. */
  @Get('tenants/automatic-import')
  automaticImportTenants(): Promise<TenantList> {
    return this.settings.withAutomaticImport();
  }

  @Get('tenants/:tenantId/settings')
  tenantSettings(@Param('tenantId') tenantId: string): Promise<TenantSettings> {
    return this.settings.get(tenantId);
  }

  @Post('icims/authorize')
  @HttpCode(200)
  authorize(@Body() body: AuthorizeRequestDto): Promise<OutboundAuthorization> {
    return this.signer.authorize(body);
  }

  @Post('icims/invalidate')
  @HttpCode(204)
  invalidate(@Body() body: TenantRefDto): void {
    this.signer.invalidate(body.tenantId);
  }

  @Post('inbound/verify')
  @HttpCode(200)
  verify(@Body() body: VerifyInboundDto) {
    return this.verifier.verify(body);
  }

  @Post('inbound/token')
  @HttpCode(200)
  token(@Body() body: InboundTokenDto) {
    return this.verifier.issueToken(body);
  }
}
