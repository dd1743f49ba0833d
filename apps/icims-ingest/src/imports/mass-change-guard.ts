import { Inject, Injectable } from '@nestjs/common';
import { HrEmployeesClient } from '@icims-sync/hr-client';
import { MassChangeHold } from '@icims-sync/sync-ledger';
import { IcimsIngestConfig } from '../config/app.config';

const HR_PAGE_SIZE = 500;

/**
 * Stops a run before it deactivates a large share of a tenant: a customer-id mix-up or an
 * iCIMS search gone wrong would otherwise end every employee. Counted before any write, from
 * the HR side (cheap) against iCIMS's id list, so the number is an upper bound.
 */
@Injectable()
export class MassChangeGuard {
  constructor(
    private readonly hr: HrEmployeesClient,
    @Inject(IcimsIngestConfig) private readonly config: IcimsIngestConfig,
  ) {}

  /** The hold, when deactivating the linked active employees missing from `existing` would be too many. */
  async checkDeactivations(tenantId: string, existing: ReadonlySet<string>): Promise<MassChangeHold | undefined> {
    let population = 0;
    let planned = 0;
    let afterId: string | undefined;
    do {
      const page = await this.hr.listLinked(tenantId, afterId, HR_PAGE_SIZE);
      for (const employee of page.items) {
        if (!employee.icimsId || employee.userStatus === 'inactive') continue;
        population += 1;
        if (!existing.has(employee.icimsId)) planned += 1;
      }
      afterId = page.nextAfterId;
    } while (afterId);
    const maxPercent = this.config.MASS_CHANGE_MAX_PERCENT;
    if (planned <= this.config.MASS_CHANGE_FLOOR || planned * 100 <= population * maxPercent) return undefined;
    return { code: 'MASS_DEACTIVATION', planned, population, maxPercent, heldAt: new Date() };
  }
}
