import { Envelope, NewEnvelope, buildEnvelope } from './envelope';
import { PayloadOf, TOPIC_CONTRACTS } from './registry';
import { Topic, TopicName } from './topics.constant';

/** A message ready to publish: its topic, partition key and envelope. */
export interface OutgoingEvent<T extends TopicName = TopicName> {
  topic: T;
  key: string;
  envelope: Envelope<PayloadOf[T]>;
}

/** Partition keys per DESIGN.md: ordering per person, employee, tenant or run. */
export function partitionKeyOf<T extends TopicName>(topic: T, envelope: Envelope<PayloadOf[T]>): string {
  const payload = envelope.payload as unknown as Record<string, string>;
  switch (topic) {
    case Topic.CandidateHired:
      return `${envelope.tenantId}:${payload.personId}`;
    case Topic.EmployeeUpdated:
      return `${envelope.tenantId}:${payload.employeeId}`;
    case Topic.ImportRequested:
    case Topic.ExportRequested:
      return envelope.tenantId;
    default:
      return payload.runId ?? envelope.tenantId;
  }
}

/** Builds the current-version envelope for `topic` with its partition key. */
export function createEvent<T extends TopicName>(topic: T, input: NewEnvelope<PayloadOf[T]>): OutgoingEvent<T> {
  const contract = TOPIC_CONTRACTS[topic];
  const envelope = buildEnvelope(contract.type, contract.currentVersion, input);
  return { topic, key: partitionKeyOf(topic, envelope), envelope };
}
