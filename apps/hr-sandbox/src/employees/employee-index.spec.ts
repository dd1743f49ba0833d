import { EmployeeIndex } from './employee-index';
import { EmployeeDocument } from './employee.schema';

const employee = (tenantId: string, id: string, icimsId?: string): EmployeeDocument =>
  ({ _id: id, tenantId, firstName: 'A', lastName: id, ...(icimsId ? { icimsId, icimsLink: `${tenantId}:${icimsId}` } : {}) }) as EmployeeDocument;

describe('EmployeeIndex', () => {
  it('pages one tenant in id order after a given id, whatever the insert order', () => {
    const index = new EmployeeIndex();
    index.load(['c', 'a', 'e', 'b', 'd'].map((id) => employee('t1', id)));
    index.put(employee('t2', 'aa'));
    expect(index.page('t1', { limit: 2 }).map((e) => e._id)).toEqual(['a', 'b']);
    expect(index.page('t1', { afterId: 'b', limit: 10 }).map((e) => e._id)).toEqual(['c', 'd', 'e']);
    expect(index.page('t1', { afterId: 'bb', limit: 1 }).map((e) => e._id)).toEqual(['c']);
    index.put(employee('t1', 'ab'));
    expect(index.page('t1', { afterId: 'a', limit: 2 }).map((e) => e._id)).toEqual(['ab', 'b']);
    expect(index.page('t3', { limit: 10 })).toEqual([]);
  });

  it('keeps only linked employees when asked, and follows a changed link', () => {
    const index = new EmployeeIndex();
    index.load([employee('t1', 'a', '10'), employee('t1', 'b'), employee('t1', 'c', '30')]);
    expect(index.page('t1', { limit: 10, linkedOnly: true }).map((e) => e._id)).toEqual(['a', 'c']);
    index.put(employee('t1', 'a', '11'));
    expect(index.byIcimsLink('t1:10')).toBeUndefined();
    expect(index.byIcimsLink('t1:11')?._id).toBe('a');
    index.put(employee('t1', 'c'));
    expect(index.byIcimsLink('t1:30')).toBeUndefined();
    expect(index.page('t1', { limit: 10, linkedOnly: true }).map((e) => e._id)).toEqual(['a']);
  });

  it('answers an id only within its own tenant', () => {
    const index = new EmployeeIndex();
    index.put(employee('t1', 'a'));
    expect(index.get('t1', 'a')?._id).toBe('a');
    expect(index.get('t2', 'a')).toBeUndefined();
  });
});
