import { HrEmployeesClient, StoredEmployee } from '@icims-sync/hr-client';
import { mock } from '@icims-sync/testing';
import { IcimsIngestConfig } from '../config/app.config';
import { MassChangeGuard } from './mass-change-guard';

/** `linked` HR employees with iCIMS ids 1..linked, in pages of 500 as the HR API answers. */
function hrWith(linked: number, inactive = 0): HrEmployeesClient {
  const employees = Array.from({ length: linked }, (_, index) => ({ id: `e-${index + 1}`, icimsId: String(index + 1), userStatus: index < inactive ? 'inactive' : 'active' }) as StoredEmployee);
  const hr = mock<HrEmployeesClient>();
  hr.listLinked.mockImplementation(async (_tenantId, afterId) => {
    const start = afterId ? Number(afterId.slice(2)) : 0;
    const items = employees.slice(start, start + 500);
    return { items, nextAfterId: start + 500 < employees.length ? items.at(-1)!.id : undefined };
  });
  return hr;
}

const idsUpTo = (count: number) => new Set(Array.from({ length: count }, (_, index) => String(index + 1)));
const guardOf = (hr: HrEmployeesClient, maxPercent = 5, floor = 10) => new MassChangeGuard(hr, Object.assign(new IcimsIngestConfig(), { MASS_CHANGE_MAX_PERCENT: maxPercent, MASS_CHANGE_FLOOR: floor }));

describe(MassChangeGuard.name, () => {
  it('lets a run deactivate exactly the share allowed, over every HR page', async () => {
    expect(await guardOf(hrWith(1_200)).checkDeactivations('acme', idsUpTo(1_140))).toBeUndefined();
  });

  it('holds a run one over the share, with the numbers', async () => {
    expect(await guardOf(hrWith(1_200)).checkDeactivations('acme', idsUpTo(1_139))).toEqual({ code: 'MASS_DEACTIVATION', planned: 61, population: 1_200, maxPercent: 5, heldAt: expect.any(Date) });
  });

  it('counts neither the inactive nor the ones iCIMS still has', async () => {
    expect(await guardOf(hrWith(100, 90)).checkDeactivations('acme', new Set())).toBeUndefined();
    expect(await guardOf(hrWith(100, 89)).checkDeactivations('acme', idsUpTo(0))).toMatchObject({ planned: 11, population: 11 });
  });

  it('never holds a change of up to the floor, whatever its share', async () => {
    expect(await guardOf(hrWith(10)).checkDeactivations('acme', new Set())).toBeUndefined();
    expect(await guardOf(hrWith(11)).checkDeactivations('acme', new Set())).toMatchObject({ planned: 11, population: 11 });
  });
});
