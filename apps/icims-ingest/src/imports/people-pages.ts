import { Injectable, Logger } from '@nestjs/common';
import { ImportRunRepository, RecordOutcome, RunProgressPublisher, SyncStateRepository } from '@icims-sync/sync-ledger';
import { HrEmployeesClient } from '@icims-sync/hr-client';
import { IcimsPerson, SearchFilter } from '@icims-sync/icims-client';
import { IcimsClients } from '@icims-sync/vault-client';
import { PersonPlan, PersonSyncService } from '../people/person-sync.service';
import { ImportRun, pendingOf, unrecordedRequests } from './import-run';
import { RunInterrupted } from './run-interrupted';

/** People planned, written and recorded together; also the checkpoint and progress granularity. */
export const IMPORT_PAGE_SIZE = 100;

/** A page's people as iCIMS holds them, fetched ahead of the page's turn. */
interface FetchedPage {
  /** The whole page, in search order; its last id is the checkpoint. */
  personIds: string[];
  /** Those not recorded yet (after a resume, some may be), each with `people[i]`. */
  toImport: string[];
  people: (IcimsPerson | undefined)[];
}

/**
 * The people phase of an import: search pages → fetch → plan → note pending → write to HR →
 * state → records, counters and checkpoint together. The next page is fetched from iCIMS while this one is written to HR.
 */
@Injectable()
export class PeoplePages {
  private readonly logger = new Logger(PeoplePages.name);

  constructor(
    private readonly icims: IcimsClients,
    private readonly people: PersonSyncService,
    private readonly hr: HrEmployeesClient,
    private readonly runs: ImportRunRepository,
    private readonly state: SyncStateRepository,
    private readonly progress: RunProgressPublisher,
  ) {}

  async importAll(job: ImportRun, filters: SearchFilter[]): Promise<void> {
    const { context, calls } = job;
    const client = this.icims.forHost(context.settings.apiBaseUrl);
    // After a restart the page at the checkpoint may be partly recorded already.
    let resumed = job.run.checkpoint?.lastId !== undefined;
    let ahead: Promise<FetchedPage> | undefined;
    for await (const personIds of pagesOf(client.searchPeople(context.tenant, filters, { ...calls, startAfter: job.run.checkpoint?.lastId }))) {
      const next = this.fetchPage(job, personIds, resumed);
      // Awaited on its turn; a failure before then must not count as unhandled.
      next.catch(() => undefined);
      resumed = false;
      if (ahead) await this.importPage(job, await ahead);
      ahead = next;
    }
    if (ahead) await this.importPage(job, await ahead);
  }

  /**
   * Outcomes decided before a crash whose records were not stored: their HR writes may or
   * may not have happened, so they are written again (idempotently) and keep their outcome.
   */
  async resumePending(job: ImportRun): Promise<void> {
    const stored = job.run.checkpoint?.pending ?? [];
    const recorded = await this.runs.recorded(job.run._id, stored.map((outcome) => outcome.icimsId));
    const pending = stored.filter((outcome) => !recorded.has(outcome.icimsId));
    if (pending.length === 0) return;
    const { tenantId } = job.context.tenant;
    const departures = pending.filter((outcome) => outcome.outcome === 'deleted');
    for (const departure of departures) await this.hr.deactivate(tenantId, departure.employeeId!, new Date().toISOString().slice(0, 10));
    const people = pending.filter((outcome) => outcome.outcome !== 'deleted');
    const plans = await this.people.plan(job.context, people.map((outcome) => outcome.icimsId), job.calls);
    const refused = await this.people.apply(job.context, plans);
    const outcomes = plans.map((plan, index) => {
      const first = people[index];
      const refusal = refused.find((candidate) => candidate.record.icimsId === plan.record.icimsId);
      if (refusal) return refusal.record;
      // A write that happened before the crash now plans as unchanged: the first outcome stands.
      const sameEffect = plan.record.outcome === first.outcome || (plan.record.outcome === 'skipped' && plan.record.reason === 'UNCHANGED');
      return sameEffect ? { ...first, employeeId: plan.record.employeeId ?? first.employeeId } : plan.record;
    });
    await this.recordState(job, plans, refused);
    job.counters = await this.runs.recordOutcomes(job.fence, tenantId, [...departures, ...outcomes], undefined, unrecordedRequests(job));
  }

  /** The page's people not recorded yet, from iCIMS. */
  private async fetchPage(job: ImportRun, personIds: string[], resumed: boolean): Promise<FetchedPage> {
    const done = resumed ? await this.runs.recorded(job.run._id, personIds) : new Set<string>();
    const toImport = personIds.filter((id) => !done.has(id));
    return { personIds, toImport, people: await this.people.fetch(job.context, toImport, job.calls) };
  }

  private async importPage(job: ImportRun, { personIds, toImport, people }: FetchedPage): Promise<void> {
    if (job.signal.aborted) throw new RunInterrupted();
    const { run, context } = job;
    const timer = new StepTimer();
    // After the previous page is written, so a manager it created is found.
    const plans = await this.people.planFetched(context, toImport, people);
    timer.lap('plan');
    const checkpoint = { phase: 'people' as const, lastId: personIds[personIds.length - 1], pending: [] };
    if (run.dryRun) {
      // The plan is the outcome: nothing goes to HR or to the sync state.
      job.counters = await this.runs.recordOutcomes(job.fence, run.tenantId, plans.map((plan) => plan.record), checkpoint, unrecordedRequests(job));
      await this.progress.publish(run.tenantId, run._id, 'running', job.counters);
      return;
    }
    const writes = plans.filter((plan) => plan.write);
    await this.runs.savePending(job.fence, writes.map((plan) => pendingOf(plan.record)));
    timer.lap('pending');
    const refused = await this.people.apply(context, writes);
    timer.lap('write');
    const refusedIds = new Set(refused.map((plan) => plan.record.icimsId));
    const outcomes: RecordOutcome[] = [...plans.filter((plan) => !refusedIds.has(plan.record.icimsId)).map((plan) => plan.record), ...refused.map((plan) => plan.record)];
    // State first: it is idempotent, and a crash before the records are stored redoes the page.
    await this.recordState(job, plans, refused);
    timer.lap('state');
    job.counters = await this.runs.recordOutcomes(job.fence, run.tenantId, outcomes, checkpoint, unrecordedRequests(job));
    timer.lap('record');
    await this.progress.publish(run.tenantId, run._id, 'running', job.counters);
    this.logger.debug({ runId: run._id, people: plans.length, ms: timer.laps }, 'page imported');
  }

  private async recordState(job: ImportRun, plans: PersonPlan[], refused: PersonPlan[]): Promise<void> {
    const refusedIds = new Set(refused.map((plan) => plan.record.icimsId));
    const entries = plans
      .filter((plan) => plan.write && plan.hash && plan.record.employeeId && !refusedIds.has(plan.record.icimsId))
      .map((plan) => ({ icimsId: plan.record.icimsId, employeeId: plan.record.employeeId!, hash: plan.hash!, created: plan.write!.kind === 'create' }));
    await this.state.recordImported(job.run.tenantId, job.run._id, entries);
  }
}

async function* pagesOf(personIds: AsyncIterable<string>): AsyncGenerator<string[]> {
  let page: string[] = [];
  for await (const personId of personIds) {
    page.push(personId);
    if (page.length < IMPORT_PAGE_SIZE) continue;
    yield page;
    page = [];
  }
  if (page.length > 0) yield page;
}

/** Where a page's time went, for the debug log. */
class StepTimer {
  readonly laps: Record<string, number> = {};
  private last = performance.now();

  lap(step: string): void {
    const now = performance.now();
    this.laps[step] = Math.round(now - this.last);
    this.last = now;
  }
}
