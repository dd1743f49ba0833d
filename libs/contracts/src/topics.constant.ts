/** Every Kafka topic the platform uses. The only place topic names are spelled. */
export const Topic = {
  CandidateHired: 'candidate.hired',
  EmployeeUpdated: 'employee.updated',
  ImportRequested: 'import.requested',
  ExportRequested: 'export.requested',
  SyncProgress: 'sync.progress',
} as const;

export type TopicName = (typeof Topic)[keyof typeof Topic];

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topic);

const DLQ_SUFFIX = '.dlq';

/** Poison messages of `topic` land here, with the error and origin in headers. */
export function dlqTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

