import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { TokenRegistry } from '../auth/token-registry.service';
import { InboundAuth, emitEvent, workflowStatusChangeEvent } from '../emitter/hire-emitter';
import { generatePeople } from '../people/person-generator';
import { SandboxStore } from '../people/sandbox-store.service';
import { CustomerDto, EmitHireDto, FaultsDto, SeedDto } from './sandbox-admin.dto';

/**
 * Test and demo controls; not part of iCIMS. Bind the sandbox to loopback: these routes
 * have no auth on purpose.
 */
@Controller('sandbox/customers/:cid')
export class SandboxAdminController {
  constructor(
    private readonly store: SandboxStore,
    private readonly tokens: TokenRegistry,
  ) {}

  @Put()
  upsertCustomer(@Param('cid') cid: string, @Body() body: CustomerDto) {
    const { dailyBudget, ...credentials } = body;
    const customer = this.store.upsertCustomer(cid, credentials, dailyBudget);
    return { customerId: customer.customerId, dailyBudget: customer.dailyBudget, people: customer.people.size };
  }

  @Put('faults')
  setFaults(@Param('cid') cid: string, @Body() body: FaultsDto) {
    return this.store.setFaults(cid, body);
  }

  @Get('usage')
  usage(@Param('cid') cid: string) {
    const customer = this.store.customer(cid);
    return { day: customer.usage.day, used: customer.usage.used, dailyBudget: customer.dailyBudget, people: customer.people.size, tokensIssued: this.tokens.issued };
  }

  @Post('seed')
  seed(@Param('cid') cid: string, @Body() body: SeedDto) {
    const startedAt = performance.now();
    const customer = this.store.customer(cid);
    const people = generatePeople({ count: body.count, seed: body.seed ?? 1, firstId: customer.nextPersonId, invalidEvery: body.invalidEvery ?? 50, now: new Date() });
    const ids = people.map((person) => this.store.insert(cid, person).id);
    return { created: ids.length, firstId: ids[0], lastId: ids.at(-1), ms: Math.round(performance.now() - startedAt) };
  }

  @Post('people')
  createPerson(@Param('cid') cid: string, @Body() body: Record<string, unknown>) {
    return { id: this.store.insert(cid, body).id };
  }

  /** A person as the sandbox holds it, outside the API's budget and faults. */
  @Get('people/:pid')
  person(@Param('cid') cid: string, @Param('pid') pid: string) {
    return this.store.get(cid, pid);
  }

  /** PATCHes iCIMS accepted through its API, oldest first (optionally one person's): what tests count. */
  @Get('patches')
  patches(@Param('cid') cid: string, @Query('personId') personId?: string) {
    const { patches } = this.store.customer(cid);
    const items = personId ? patches.filter((entry) => entry.personId === personId) : patches;
    return { count: items.length, items };
  }

  /**
   * A change made in iCIMS, as a recruiter would: bumps updateddate, or sets it when the
   * body gives one (a change made at that minute, for conflict tests).
   */
  @Patch('people/:pid')
  @HttpCode(204)
  patchPerson(@Param('cid') cid: string, @Param('pid') pid: string, @Body() body: Record<string, unknown>): void {
    this.store.patch(cid, pid, body);
  }

  @Delete('people/:pid')
  @HttpCode(204)
  deletePerson(@Param('cid') cid: string, @Param('pid') pid: string): void {
    this.store.delete(cid, pid);
  }

  /** Answers with what the receiver answered. */
  @Post('hires')
  @HttpCode(200)
  async emitHire(@Param('cid') cid: string, @Body() body: EmitHireDto) {
    this.store.get(cid, body.personId);
    const event = workflowStatusChangeEvent(
      { customerId: cid, personId: body.personId, jobId: body.jobId ?? '1181', newStatus: body.newStatus, oldStatus: body.oldStatus ?? 'C38352', systemId: '1479', userId: '244' },
      'https://api.icims.com',
    );
    return emitEvent(body.targetUrl, event, toInboundAuth(body.auth), body.gzip ?? false);
  }
}

function toInboundAuth(auth: EmitHireDto['auth']): InboundAuth {
  const { method, username, password, hmacKey, tokenUrl, clientId, clientSecret } = auth;
  if (method === 'basic' && username && password) return { method, username, password };
  if (method === 'hmac' && username && hmacKey) return { method, username, hmacKey };
  if (method === 'oauth' && tokenUrl && clientId && clientSecret) return { method, tokenUrl, clientId, clientSecret };
  throw new BadRequestException(`auth.method ${method} needs ${method === 'basic' ? 'username and password' : method === 'hmac' ? 'username and hmacKey' : 'tokenUrl, clientId and clientSecret'}`);
}
