import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IcimsAuthGuard } from '../auth/icims-auth.guard';
import { IcimsSandboxErrorFilter, sandboxErrors } from '../icims-sandbox.exception';
import { compileFilters } from './person-search';
import { SandboxTrafficGuard } from './sandbox-traffic.guard';
import { SandboxStore } from './sandbox-store.service';
import { hasValue } from './sandbox-person';

const SEARCH_PAGE_SIZE = 1000;

/** The iCIMS people API: GET/PATCH a person, its address entries, and search. */
@Controller('customers/:cid')
@UseGuards(IcimsAuthGuard, SandboxTrafficGuard)
@UseFilters(IcimsSandboxErrorFilter)
export class PeopleController {
  constructor(private readonly store: SandboxStore) {}

  @Get('people/:pid')
  getPerson(@Param('cid') cid: string, @Param('pid') pid: string, @Query('fields') fields?: string): Record<string, unknown> {
    const { id: _id, ...person } = this.store.get(cid, pid);
    const wanted = fields ? new Set(fields.split(',').map((field) => field.trim().toLowerCase())) : undefined;
    return Object.fromEntries(Object.entries(person).filter(([field, value]) => hasValue(value) && (!wanted || wanted.has(field))));
  }

  /** 204, or 200 with `warnings` when iCIMS took a value it finds odd. */
  @Patch('people/:pid')
  patchPerson(@Param('cid') cid: string, @Param('pid') pid: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): { warnings: unknown[] } | undefined {
    const { warnings } = this.store.patchByApi(cid, pid, asObject(body));
    if (warnings.length > 0) return { warnings };
    reply.status(204);
    return undefined;
  }

  @Patch('people/:pid/fields/addresses/:entry')
  @HttpCode(204)
  patchAddress(@Param('cid') cid: string, @Param('pid') pid: string, @Param('entry') entry: string, @Body() body: unknown): void {
    const addresses = (this.store.get(cid, pid).addresses as Record<string, unknown>[] | undefined) ?? [];
    const index = addresses.findIndex((address) => String(address.entry) === entry);
    if (index < 0) throw sandboxErrors.notFound(`address entry ${entry}`);
    const next = addresses.map((address, i) => (i === index ? { ...address, ...asObject(body), entry: address.entry } : address));
    this.store.patch(cid, pid, { addresses: next });
  }

  @Post('search/people')
  @HttpCode(200)
  search(@Param('cid') cid: string, @Body() body: unknown, @Req() request: FastifyRequest): { searchResults: { id: string; self: string }[] } {
    const { filters, operator } = asObject(body) as { filters?: unknown; operator?: unknown };
    const matches = compileFilters(filters, operator);
    const customer = this.store.customer(cid);
    const base = `${request.protocol}://${request.headers.host}/customers/${cid}/people/`;
    const searchResults: { id: string; self: string }[] = [];
    for (const id of this.store.sortedIds(customer)) {
      if (!matches(customer.people.get(id)!)) continue;
      searchResults.push({ id, self: `${base}${id}` });
      if (searchResults.length === SEARCH_PAGE_SIZE) break;
    }
    return { searchResults };
  }
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw sandboxErrors.badRequest('the body must be a JSON object');
  return body as Record<string, unknown>;
}
