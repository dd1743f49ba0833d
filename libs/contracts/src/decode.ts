import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { Envelope, EnvelopeSchema } from './envelope';
import { PayloadOf, TOPIC_CONTRACTS } from './registry';
import { TopicName } from './topics.constant';

export type DecodeErrorCode =
  | 'UNKNOWN_TOPIC'
  | 'EMPTY_MESSAGE'
  | 'INVALID_JSON'
  | 'INVALID_ENVELOPE'
  | 'WRONG_TYPE'
  | 'UNKNOWN_VERSION'
  | 'INVALID_PAYLOAD';

/** Why a message could not be decoded. Returned, never thrown. */
export class DecodeError {
  constructor(
    readonly code: DecodeErrorCode,
    readonly message: string,
  ) {}
}

export type DecodeResult<T> = { ok: true; envelope: T } | { ok: false; error: DecodeError };

const VALIDATION = { whitelist: true, forbidUnknownValues: true } as const;

/** Turns raw Kafka bytes into a validated envelope of `topic`, or a typed error. */
export function decode<T extends TopicName>(
  topic: T,
  raw: Buffer | string | null | undefined,
): DecodeResult<Envelope<PayloadOf[T]>> {
  const contract = (TOPIC_CONTRACTS as Partial<typeof TOPIC_CONTRACTS>)[topic];
  if (!contract) return fail('UNKNOWN_TOPIC', `no contract for topic "${String(topic)}"`);
  if (raw === null || raw === undefined || raw.length === 0) return fail('EMPTY_MESSAGE', 'message has no value');

  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (error) {
    return fail('INVALID_JSON', `value is not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('INVALID_ENVELOPE', 'envelope must be a JSON object');
  }

  const envelope = plainToInstance(EnvelopeSchema, json);
  const envelopeErrors = validateSync(envelope, VALIDATION);
  if (envelopeErrors.length > 0) return fail('INVALID_ENVELOPE', describeValidationErrors(envelopeErrors));
  if (envelope.type !== contract.type) {
    return fail('WRONG_TYPE', `type "${envelope.type}" does not belong on ${topic} (expected "${contract.type}")`);
  }

  const payloadClass = contract.versions[envelope.version];
  if (!payloadClass) {
    const known = Object.keys(contract.versions).join(', ');
    return fail('UNKNOWN_VERSION', `version ${envelope.version} of ${contract.type} is unknown (known: ${known})`);
  }
  const payload = plainToInstance(payloadClass, envelope.payload);
  const payloadErrors = validateSync(payload, VALIDATION);
  if (payloadErrors.length > 0) return fail('INVALID_PAYLOAD', describeValidationErrors(payloadErrors, 'payload.'));

  return { ok: true, envelope: { ...envelope, payload } as unknown as Envelope<PayloadOf[T]> };
}

function fail(code: DecodeErrorCode, message: string): { ok: false; error: DecodeError } {
  return { ok: false, error: new DecodeError(code, message) };
}

/** One line naming every bad field, e.g. "payload.personId: personId must be ...". */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): string {
  return flatten(errors, prefix).join('; ');
}

function flatten(errors: ValidationError[], prefix: string): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((text) => `${path}: ${text}`);
    return [...own, ...flatten(error.children ?? [], `${path}.`)];
  });
}
