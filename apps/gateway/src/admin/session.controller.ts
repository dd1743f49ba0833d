import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DevSignInDto } from '@icims-sync/contracts';
import { HrUsersClient } from '@icims-sync/hr-client';
import { AppException } from '@icims-sync/platform';
import { GatewayConfig } from '../config/app.config';
import { AdminClaims, AdminTokenVerifier } from './admin-token.verifier';
import { ErrorResponse } from './icims-settings.responses';
import { DevSignInResponse, SessionResponse, SignInOptionsResponse } from './session.responses';

/** How the admin page signs in, and who a token says its holder is. */
@ApiTags('Sign-in')
@Controller('admin')
export class SessionController {
  constructor(
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
    private readonly tokens: AdminTokenVerifier,
    private readonly users: HrUsersClient,
  ) {}

  @Get('sign-in-options')
  @ApiOperation({ summary: 'How the admin page may sign in here.' })
  @ApiOkResponse({ type: SignInOptionsResponse })
  signInOptions(): SignInOptionsResponse {
    return { devSignIn: this.config.ADMIN_DEV_SIGN_IN === 'on' };
  }

  @Post('dev-sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: "Development only (ADMIN_DEV_SIGN_IN=on): sign in as a user of the HR sandbox. The token is the HR sandbox's own JWT." })
  @ApiBody({ type: DevSignInDto })
  @ApiOkResponse({ type: DevSignInResponse })
  @ApiResponse({ status: 401, type: ErrorResponse, description: 'SIGN_IN_REFUSED: no such user, or an inactive one.' })
  @ApiResponse({ status: 404, type: ErrorResponse, description: 'DEV_SIGN_IN_OFF: this gateway takes only the HR system’s own tokens.' })
  async devSignIn(@Body() body: DevSignInDto): Promise<DevSignInResponse> {
    if (this.config.ADMIN_DEV_SIGN_IN !== 'on') throw new AppException('DEV_SIGN_IN_OFF', 'the development sign-in is off here: open this page from your HR system, which signs you in', 'not_found');
    try {
      return await this.users.issueSandboxToken(body.tenantId, body.userId);
    } catch (error) {
      if (!(error instanceof AppException) || error.kind !== 'validation') throw error;
      throw new AppException('SIGN_IN_REFUSED', `cannot sign in as ${body.userId} of ${body.tenantId}: ${error.message.replace(/^the HR system refused [^:]+: /, '')}`, 'unauthorized');
    }
  }

  @Get('session')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the bearer token says you are: the page reads your tenant and name from here.' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiResponse({ status: 401, type: ErrorResponse, description: 'No bearer token, or an invalid or expired one.' })
  // The header is read from the request, not declared: the bearer scheme above documents it.
  session(@Req() request: FastifyRequest): Promise<AdminClaims> {
    return this.tokens.verify(request.headers.authorization);
  }
}
