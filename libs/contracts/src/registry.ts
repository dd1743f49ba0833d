import { CandidateHiredPayload } from './payloads/candidate-hired.payload';
import { EmployeeUpdatedPayload } from './payloads/employee-updated.payload';
import { ImportRequestedPayload } from './payloads/import-requested.payload';
import { ExportRequestedPayload } from './payloads/export-requested.payload';
import { SyncProgressPayload } from './payloads/sync-progress.payload';
import { Topic, TopicName } from './topics.constant';

type PayloadClass = new () => object;

interface TopicContract {
  type: string;
  currentVersion: number;
  /** Every version a consumer still accepts, by number. */
  versions: Record<number, PayloadClass>;
}

/** What each topic carries. Adding a version here is how a payload evolves. */
export const TOPIC_CONTRACTS: Record<TopicName, TopicContract> = {
  [Topic.CandidateHired]: { type: 'CandidateHired', currentVersion: 1, versions: { 1: CandidateHiredPayload } },
  [Topic.EmployeeUpdated]: { type: 'EmployeeUpdated', currentVersion: 1, versions: { 1: EmployeeUpdatedPayload } },
  [Topic.ImportRequested]: { type: 'ImportRequested', currentVersion: 1, versions: { 1: ImportRequestedPayload } },
  [Topic.ExportRequested]: { type: 'ExportRequested', currentVersion: 1, versions: { 1: ExportRequestedPayload } },
  [Topic.SyncProgress]: { type: 'SyncProgress', currentVersion: 1, versions: { 1: SyncProgressPayload } },
};

export interface PayloadOf {
  [Topic.CandidateHired]: CandidateHiredPayload;
  [Topic.EmployeeUpdated]: EmployeeUpdatedPayload;
  [Topic.ImportRequested]: ImportRequestedPayload;
  [Topic.ExportRequested]: ExportRequestedPayload;
  [Topic.SyncProgress]: SyncProgressPayload;
}
