import { Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { ImportRunRepository, MassChangeHold, RecordOutcome, RunProgressPublisher } from '@icims-sync/sync-ledger';
import { HrEmployeesClient, StoredEmployee } from '@icims-sync/hr-client';
import { IcimsNotFound } from '@icims-sync/icims-client';
import { IcimsClients } from '@icims-sync/vault-client';
import { ImportRun, pendingOf, unrecordedRequests } from './import-run';
import { MassChangeGuard } from './mass-change-guard';
import { RunInterrupted } from './run-interrupted';

const HR_PAGE_SIZE = 500;
const CONFIRM_CONCURRENCY = 8;
/** What a departure writes, for the record. */
const DEPARTURE_FIELDS = ['userStatus', 'separationDate'];

/**
 * The `deleted` counter: HR employees linked to an iCIMS person who no longer exists are
 * deactivated (inactive plus a departure date), never hard-deleted.
 */
@Injectable()
export class DeletionSweep {
  constructor(
    private readonly icims: IcimsClients,
    private readonly hr: HrEmployeesClient,
    private readonly runs: ImportRunRepository,
    private readonly progress: RunProgressPublisher,
    private readonly guard: MassChangeGuard,
  ) {}

  /** Deactivates the departed, or answers the hold when they are too many and nobody confirmed the run. */
  async sweep(job: ImportRun): Promise<MassChangeHold | undefined> {
    const { context, calls, run } = job;
    const { tenantId } = context.tenant;
    const client = this.icims.forHost(context.settings.apiBaseUrl);
    // Every id iCIMS has now: a thousand per request, so cheap against the budget.
    const existing = new Set<string>();
    for await (const personId of client.searchPeople(context.tenant, [], calls)) existing.add(personId);
    let afterId = run.checkpoint?.phase === 'deletions' ? run.checkpoint.afterEmployeeId : undefined;
    // A dry run plans the departures whatever their number: holding is for runs that write.
    if (!afterId && !run.confirmation && !run.dryRun) {
      const hold = await this.guard.checkDeactivations(tenantId, existing);
      if (hold) return hold;
    }
    const today = new Date().toISOString().slice(0, 10);
    do {
      if (job.signal.aborted) throw new RunInterrupted();
      const page = await this.hr.listLinked(tenantId, afterId, HR_PAGE_SIZE);
      const candidates = page.items.filter((employee) => employee.icimsId && !existing.has(employee.icimsId) && employee.userStatus !== 'inactive');
      const gone = await this.confirmGone(job, candidates);
      // Someone this run already recorded was in iCIMS when it looked; the next run decides.
      const seen = await this.runs.recorded(run._id, gone.map((employee) => employee.icimsId!));
      const departures: RecordOutcome[] = gone
        .filter((employee) => !seen.has(employee.icimsId!))
        .map((employee) => ({ icimsId: employee.icimsId, employeeId: employee.id, outcome: 'deleted', changedFields: DEPARTURE_FIELDS, reason: 'PERSON_DELETED' }));
      if (!run.dryRun) {
        await this.runs.savePending(job.fence, departures.map((record) => pendingOf({ ...record, icimsId: record.icimsId! })));
        const limit = pLimit(CONFIRM_CONCURRENCY);
        await Promise.all(departures.map((record) => limit(() => this.hr.deactivate(tenantId, record.employeeId!, today))));
      }
      afterId = page.nextAfterId;
      job.counters = await this.runs.recordOutcomes(job.fence, run.tenantId, departures, { phase: 'deletions', afterEmployeeId: afterId, pending: [] }, unrecordedRequests(job));
      await this.progress.publish(run.tenantId, run._id, 'running', job.counters);
    } while (afterId);
    return undefined;
  }

  /** A person missing from the id list may have been created since; a 404 is what proves it gone. */
  private async confirmGone(job: ImportRun, candidates: StoredEmployee[]): Promise<StoredEmployee[]> {
    const client = this.icims.forHost(job.context.settings.apiBaseUrl);
    const limit = pLimit(CONFIRM_CONCURRENCY);
    const gone = await Promise.all(
      candidates.map((employee) =>
        limit(async () => {
          try {
            await client.getPerson(job.context.tenant, employee.icimsId!, ['firstname'], job.calls);
            return false;
          } catch (error) {
            if (error instanceof IcimsNotFound) return true;
            throw error;
          }
        }),
      ),
    );
    return candidates.filter((_, index) => gone[index]);
  }
}
