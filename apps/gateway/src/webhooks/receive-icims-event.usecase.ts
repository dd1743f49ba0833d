import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createHash } from 'node:crypto';
import { Topic, createEvent, describeValidationErrors } from '@icims-sync/contracts';
import { EventPublisher, InvalidInputException, MetricsService, ProcessedEventRepository } from '@icims-sync/platform';
import { Counter } from 'prom-client';
import { HIRE_EVENT_TYPE, IcimsEventDto } from './icims-event.dto';
import { SenderRateLimit } from './sender-rate-limit';
import { VaultInboundClient } from './vault-inbound.client';

export interface ReceivedEvent {
  pathAndQuery: string;
  headers: Record<string, string>;
  rawBody: Buffer;
  body: unknown;
}

export type WebhookOutcome = { status: 'accepted'; eventId: string } | { status: 'duplicate'; eventId: string } | { status: 'ignored'; reason: string };

const DEDUPE_SCOPE = 'webhook:icims';

/**
 * One iCIMS webhook: authenticate through the vault, validate, keep only hires into a
 * status the tenant marked as hired, deduplicate, and publish `candidate.hired`,
 * answering only after the broker acknowledged.
 */
@Injectable()
export class ReceiveIcimsEventUseCase {
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly vault: VaultInboundClient,
    private readonly publisher: EventPublisher,
    private readonly processed: ProcessedEventRepository,
    metrics: MetricsService,
    private readonly senders: SenderRateLimit,
  ) {
    this.outcomes = new Counter({ name: 'webhook_events_total', help: 'iCIMS webhooks by outcome', labelNames: ['outcome'], registers: [metrics.registry] });
  }

  async execute(received: ReceivedEvent): Promise<WebhookOutcome> {
    const customerId = (received.body as { customerId?: unknown } | null)?.customerId;
    if (typeof received.body !== 'object' || received.body === null || Array.isArray(received.body)) {
      throw new InvalidInputException('INVALID_EVENT', 'the body must be a JSON object (an iCIMS Integration Event)');
    }
    if (typeof customerId !== 'string' || !/^\d{1,20}$/.test(customerId)) {
      throw new InvalidInputException('INVALID_EVENT', 'customerId must be an iCIMS id (digits, as a string)');
    }
    await this.senders.consume(`customer:${customerId}`);
    let tenant = await this.vault.verify(customerId, received.pathAndQuery, received.headers, received.rawBody);
    const event = this.validate(received.body);

    if (event.eventType !== HIRE_EVENT_TYPE) return this.ignored(`eventType ${event.eventType} is not a hire`);
    const { newStatus } = event;
    if (!newStatus) return this.ignored('status (none) is not marked as hired');
    // A kept verdict may predate a status just marked as hired (on any replica): a hire is never ignored on its word.
    if (!tenant.hiredStatusIds.includes(newStatus) && tenant.kept) tenant = await this.vault.verify(customerId, received.pathAndQuery, received.headers, received.rawBody, { fresh: true });
    if (!tenant.hiredStatusIds.includes(newStatus)) return this.ignored(`status ${newStatus} is not marked as hired`);

    // One user action can produce several notifications: same hire, same key, same envelope id.
    const dedupeKey = createHash('sha256').update([event.customerId, event.systemId, event.personId, event.jobId, newStatus].join('|')).digest('hex');
    const eventId = uuidFromHash(dedupeKey);
    if (await this.processed.isProcessed(DEDUPE_SCOPE, dedupeKey)) {
      this.outcomes.inc({ outcome: 'duplicate' });
      return { status: 'duplicate', eventId };
    }
    // New, or seen by a delivery that has not finished (or died): publishing again is
    // safe, since the envelope id is the same and consumers drop a repeat.
    await this.publisher.publish([
      createEvent(Topic.CandidateHired, {
        id: eventId,
        tenantId: tenant.tenantId,
        source: 'gateway',
        payload: { customerId: event.customerId, personId: event.personId!, jobId: event.jobId, newStatus, oldStatus: event.oldStatus },
      }),
    ]);
    await this.processed.markProcessed(DEDUPE_SCOPE, dedupeKey);
    this.outcomes.inc({ outcome: 'accepted' });
    return { status: 'accepted', eventId };
  }

  private validate(body: object): IcimsEventDto {
    const event = plainToInstance(IcimsEventDto, body);
    const errors = validateSync(event);
    if (errors.length > 0) throw new InvalidInputException('INVALID_EVENT', describeValidationErrors(errors));
    if (event.eventType === HIRE_EVENT_TYPE && !event.personId) throw new InvalidInputException('INVALID_EVENT', 'personId is required for a WorkFlowStatusChangeEvent');
    return event;
  }

  private ignored(reason: string): WebhookOutcome {
    this.outcomes.inc({ outcome: 'ignored' });
    return { status: 'ignored', reason };
  }
}

/** A stable UUID (version 8, RFC 9562 custom) from a hash, so a redelivered hire keeps its envelope id. */
function uuidFromHash(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '8';
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
