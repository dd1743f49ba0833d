import { Subject, firstValueFrom, toArray } from 'rxjs';
import { SyncProgressPayload, SyncRunView } from '@icims-sync/contracts';
import { runEvents } from './run-events';

const counters = (total: number) => ({ added: total, updated: 0, deleted: 0, skipped: 0, errored: 0, total });

describe(runEvents.name, () => {
  it('gives every progress event its own id, rising, even when the total has not moved (queued, then running)', async () => {
    const live = new Subject<SyncProgressPayload>();
    const stored = { runId: 'r-1', status: 'queued', counters: counters(0) } as SyncRunView;
    const events = firstValueFrom(runEvents(async () => stored, live).pipe(toArray()));
    await new Promise(setImmediate);

    live.next({ runId: 'r-1', direction: 'import', status: 'running', counters: counters(0) });
    live.next({ runId: 'r-1', direction: 'import', status: 'running', counters: counters(100) });
    live.next({ runId: 'r-1', direction: 'import', status: 'succeeded', counters: counters(100) });

    const progress = (await events).filter((event) => event.type === 'progress');
    expect(progress.map((event) => (event.data as { status: string }).status)).toEqual(['queued', 'running', 'running', 'succeeded']);
    expect(progress.map((event) => event.id)).toEqual(['1', '2', '3', '4']);
  });
});
