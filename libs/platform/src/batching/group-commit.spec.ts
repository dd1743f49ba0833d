import { deferred } from '@icims-sync/testing';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('commits the items of one turn together, then everything that arrived meanwhile together, each caller getting its own result', async () => {
    const commits: number[][] = [];
    const gate = deferred<void>();
    const sut = new GroupCommit<number, string>(async (items) => {
      commits.push(items);
      if (commits.length === 1) await gate.promise;
      return items.map((item) => `r${item}`);
    });

    const first = [sut.submit(1), Promise.resolve().then(() => sut.submit(2))];
    await new Promise(setImmediate);
    const later = [sut.submit(3), sut.submit(4)];
    gate.resolve();

    expect(await Promise.all([...first, ...later])).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(commits).toEqual([[1, 2], [3, 4]]);
  });

  it('splits a backlog at maxItems', async () => {
    const commits: number[][] = [];
    const gate = deferred<void>();
    const sut = new GroupCommit<number, number>(async (items) => {
      commits.push(items);
      if (commits.length === 1) await gate.promise;
      return items;
    }, 2);

    const results = [1, 2, 3, 4, 5].map((item) => sut.submit(item));
    gate.resolve();

    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
    expect(commits).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('commits an item submitted by a caller as soon as its own commit resolves', async () => {
    const sut = new GroupCommit<number, number>(async (items) => items);

    const chained = await sut.submit(1).then(() => sut.submit(2));

    expect(chained).toBe(2);
  });

  it('rejects every caller of a failed commit and goes on with the next', async () => {
    let calls = 0;
    const sut = new GroupCommit<number, number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('store down');
      return items;
    });

    const failed = sut.submit(1);
    await expect(failed).rejects.toThrow('store down');
    expect(await sut.submit(2)).toBe(2);
  });
});
