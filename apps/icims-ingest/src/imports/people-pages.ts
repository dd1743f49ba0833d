import { Injectable } from '@nestjs/common';
import { Counters, ImportRunRepository, RecordOutcome, SyncStateRepository } from '@icims-sync/audit';
import { HrEmployeesClient } from '@icims-sync/hr-client';
import { SearchFilter } from '@icims-sync/icims-client';
import { IcimsClients } from '../hires/icims-clients';
import { PersonPlan, PersonSyncService } from '../people/person-sync.service';
import { RunProgressPublisher } from './run-progress.publisher';
import type { ImportRun } from './run-import.usecase';
import { RunInterrupted } from './run-interrupted';

/** People planned, written and recorded together; also the checkpoint and progress granularity. */
export const IMPORT_PAGE_SIZE = 100;

/** The people phase of an import: search pages → plan → record → write → settle → checkpoint. */
@Injectable()
export class PeoplePages {
  constructor(
    private readonly icims: IcimsClients,
    private readonly people: PersonSyncService,
    private readonly hr: HrEmployeesClient,
    private readonly runs: ImportRunRepository,
    private readonly state: SyncStateRepository,
    private readonly progress: RunProgressPublisher,
  ) {}

  async importAll(job: ImportRun, filters: SearchFilter[]): Promise<void> {
    const { context, priority } = job;
    const client = this.icims.forHost(context.settings.apiBaseUrl);
    // After a restart the page at the checkpoint may be partly recorded already.
    let resumed = job.run.checkpoint?.lastId !== undefined;
    let page: string[] = [];
    for await (const personId of client.searchPeople(context.tenant, filters, { priority, startAfter: job.run.checkpoint?.lastId })) {
      page.push(personId);
      if (page.length < IMPORT_PAGE_SIZE) continue;
      await this.importPage(job, page, resumed);
      resumed = false;
      page = [];
    }
    if (page.length > 0) await this.importPage(job, page, resumed);
  }

  /** Records written before a crash whose HR write may not have happened: write them again (idempotent). */
  async reapplyPending(job: ImportRun): Promise<void> {
    const pending = await this.runs.unapplied(job.run._id);
    if (pending.length === 0) return;
    const { tenantId } = job.context.tenant;
    const departures = pending.filter((record) => record.outcome === 'deleted');
    for (const record of departures) await this.hr.deactivate(tenantId, record.employeeId!, new Date().toISOString().slice(0, 10));
    const people = pending.filter((record) => record.outcome !== 'deleted' && record.icimsId);
    const plans = await this.people.plan(job.context, people.map((record) => record.icimsId!), job.priority);
    const refused = await this.people.apply(job.context, plans);
    const settled = plans.map((plan, index) => {
      const first = people[index];
      const refusal = refused.find((candidate) => candidate.record.icimsId === plan.record.icimsId);
      if (refusal) return refusal.record;
      // The write may have happened before the crash: then it plans as unchanged, and the first outcome stands.
      const sameEffect = plan.record.outcome === first.outcome || (plan.record.outcome === 'skipped' && plan.record.reason === 'UNCHANGED');
      return sameEffect ? { ...plan.record, outcome: first.outcome, changedFields: first.changedFields, reason: first.reason, details: first.details } : plan.record;
    });
    await this.runs.settle(job.run._id, [...departures, ...settled]);
    await this.recordState(job, plans, refused);
  }

  private async importPage(job: ImportRun, personIds: string[], resumed: boolean): Promise<void> {
    if (job.signal.aborted) throw new RunInterrupted();
    const { run, context } = job;
    const done = resumed ? await this.runs.recorded(run._id, personIds) : new Set<string>();
    const plans = await this.people.plan(context, personIds.filter((id) => !done.has(id)), job.priority);
    await this.runs.plan(run._id, run.tenantId, plans.map((plan) => ({ record: plan.record, pending: !!plan.write })));
    const refused = await this.people.apply(context, plans);
    const refusedIds = new Set(refused.map((plan) => plan.record.icimsId));
    const written = plans.filter((plan) => plan.write && !refusedIds.has(plan.record.icimsId));
    await this.runs.settle(run._id, [...written.map((plan) => plan.record), ...refused.map((plan) => plan.record)]);
    await this.recordState(job, plans, refused);
    const outcomes: RecordOutcome[] = [...plans.filter((plan) => !refusedIds.has(plan.record.icimsId)).map((plan) => plan.record), ...refused.map((plan) => plan.record)];
    await this.advance(job, outcomes, { phase: 'people', lastId: personIds[personIds.length - 1] });
  }

  private async recordState(job: ImportRun, plans: PersonPlan[], refused: PersonPlan[]): Promise<void> {
    const refusedIds = new Set(refused.map((plan) => plan.record.icimsId));
    const entries = plans
      .filter((plan) => plan.hash && plan.record.employeeId && !refusedIds.has(plan.record.icimsId))
      .map((plan) => ({ icimsId: plan.record.icimsId, employeeId: plan.record.employeeId!, hash: plan.hash! }));
    await this.state.recordImported(job.run.tenantId, job.run._id, entries);
  }

  /** Counts the page, stores the checkpoint and tells the admin's window. */
  async advance(job: ImportRun, outcomes: RecordOutcome[], checkpoint: NonNullable<ImportRun['run']['checkpoint']>): Promise<void> {
    addOutcomes(job.counters, outcomes);
    job.run.checkpoint = checkpoint;
    await this.runs.saveProgress(job.run._id, job.counters, checkpoint);
    await this.progress.publish(job.run.tenantId, job.run._id, 'running', job.counters);
  }
}

function addOutcomes(counters: Counters, outcomes: RecordOutcome[]): void {
  for (const { outcome } of outcomes) {
    counters[outcome] += 1;
    counters.total += 1;
  }
}
