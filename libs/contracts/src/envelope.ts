import { randomUUID } from 'node:crypto';
import { IsISO8601, IsInt, IsObject, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

/** The JSON envelope every Kafka message carries (DESIGN.md, "Kafka"). */
export interface Envelope<P = unknown> {
  /** UUID; the idempotency key. */
  id: string;
  type: string;
  version: number;
  tenantId: string;
  occurredAt: string;
  /** The producing service. */
  source: string;
  /** Ties the message to its sync run. */
  correlationId: string;
  payload: P;
}

export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Validation schema of the envelope's own fields; the payload is checked by its class. */
export class EnvelopeSchema implements Envelope<Record<string, unknown>> {
  @IsUUID() id!: string;
  @IsString() @MaxLength(100) type!: string;
  @IsInt() @Min(1) version!: number;
  @Matches(TENANT_ID_PATTERN, { message: 'tenantId must be lowercase letters, digits and dashes' })
  tenantId!: string;
  @IsISO8601({ strict: true }) occurredAt!: string;
  @IsString() @MaxLength(100) source!: string;
  @IsString() @MaxLength(100) correlationId!: string;
  @IsObject() payload!: Record<string, unknown>;
}

export interface NewEnvelope<P> {
  tenantId: string;
  source: string;
  correlationId?: string;
  payload: P;
  /** Set it to make a retried publish keep its idempotency key. */
  id?: string;
}

export function buildEnvelope<P>(type: string, version: number, input: NewEnvelope<P>): Envelope<P> {
  const id = input.id ?? randomUUID();
  return {
    id,
    type,
    version,
    tenantId: input.tenantId,
    occurredAt: new Date().toISOString(),
    source: input.source,
    correlationId: input.correlationId ?? id,
    payload: input.payload,
  };
}
