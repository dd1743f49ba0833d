import { EmployeeDocument } from './employee.schema';

export interface TenantPage {
  afterId?: string;
  limit: number;
  linkedOnly?: boolean;
}

/**
 * Every employee of the sandbox in memory, by id and by iCIMS link, kept exact by writing
 * through it; the store keeps them across restarts. The sandbox stands in for an HR API and
 * runs as one process, so memory is the whole truth once loaded, and its reads cost the
 * benchmarks nothing that a real HR system would not charge elsewhere.
 */
export class EmployeeIndex {
  private readonly byId = new Map<string, EmployeeDocument>();
  private readonly idByLink = new Map<string, string>();
  private readonly idsByTenant = new Map<string, Set<string>>();
  /** Each tenant's ids in order, sorted again only after an insert. */
  private readonly sortedIds = new Map<string, string[]>();

  load(documents: EmployeeDocument[]): void {
    for (const document of documents) this.put(document);
  }

  put(document: EmployeeDocument): void {
    const previous = this.byId.get(document._id);
    if (previous?.icimsLink && previous.icimsLink !== document.icimsLink) this.idByLink.delete(previous.icimsLink);
    if (document.icimsLink) this.idByLink.set(document.icimsLink, document._id);
    this.byId.set(document._id, document);
    if (!previous) {
      const ids = this.idsByTenant.get(document.tenantId) ?? new Set<string>();
      this.idsByTenant.set(document.tenantId, ids.add(document._id));
      this.sortedIds.delete(document.tenantId);
    }
  }

  get(tenantId: string, id: string): EmployeeDocument | undefined {
    const document = this.byId.get(id);
    return document?.tenantId === tenantId ? document : undefined;
  }

  byIcimsLink(icimsLink: string): EmployeeDocument | undefined {
    const id = this.idByLink.get(icimsLink);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** A tenant's employees in id order, after `afterId`. */
  page(tenantId: string, { afterId, limit, linkedOnly }: TenantPage): EmployeeDocument[] {
    const ids = this.sortedIdsOf(tenantId);
    const items: EmployeeDocument[] = [];
    for (let i = afterId === undefined ? 0 : firstAfter(ids, afterId); i < ids.length && items.length < limit; i++) {
      const document = this.byId.get(ids[i])!;
      if (!linkedOnly || document.icimsLink) items.push(document);
    }
    return items;
  }

  private sortedIdsOf(tenantId: string): string[] {
    let ids = this.sortedIds.get(tenantId);
    if (!ids) {
      ids = [...(this.idsByTenant.get(tenantId) ?? [])].sort();
      this.sortedIds.set(tenantId, ids);
    }
    return ids;
  }
}

/** Binary search: the index of the first id greater than `afterId`. */
function firstAfter(ids: string[], afterId: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ids[middle] <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}
