import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { Equals, IsString, MaxLength } from 'class-validator';
import { AcceptsAnyQuery } from '@icims-sync/platform';
import { ReceiveIcimsEventUseCase, WebhookOutcome } from './receive-icims-event.usecase';
import { SenderRateLimit } from './sender-rate-limit';
import { VaultInboundClient } from './vault-inbound.client';
import { WEBHOOK_PATH, WebhookRequest } from './webhook-body.hook';

class TokenRequestDto {
  @Equals('client_credentials', { message: 'grant_type must be client_credentials' }) grant_type!: string;
  @IsString() @MaxLength(200) client_id!: string;
  @IsString() @MaxLength(200) client_secret!: string;
}

/** The one endpoint every iCIMS customer posts to, and the token URL for OAuth tenants. */
@Controller()
export class WebhooksController {
  constructor(
    private readonly receive: ReceiveIcimsEventUseCase,
    private readonly vault: VaultInboundClient,
    private readonly senders: SenderRateLimit,
  ) {}

  @Post(WEBHOOK_PATH)
  @HttpCode(200)
  // The URL is typed into iCIMS by the customer; an HMAC signature covers its query, whatever it holds.
  @AcceptsAnyQuery()
  icimsEvent(@Req() request: WebhookRequest, @Body() body: unknown): Promise<WebhookOutcome> {
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    return this.receive.execute({ pathAndQuery: request.url, headers, rawBody: request.webhookRawBody ?? Buffer.alloc(0), body });
  }

  /** OAuth 2.0 client credentials for iCIMS, form-encoded as the spec has it. */
  @Post('webhooks/oauth/token')
  @HttpCode(200)
  // RFC 6749 5.1: a token answer is never cached, by a proxy or the client.
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async token(@Body() body: TokenRequestDto): Promise<unknown> {
    await this.senders.consume(`client:${body.client_id}`);
    return this.vault.issueToken(body.client_id, body.client_secret);
  }
}
