import { MessageEvent } from '@nestjs/common';
import { Observable, defer, filter, from, interval, map, merge, takeWhile } from 'rxjs';
import { SyncRunView, SyncProgressPayload } from '@icims-sync/contracts';

/** Proxies close idle connections; a comment-like heartbeat keeps the stream open while a run is queued. */
const HEARTBEAT_MS = 15_000;
/** A run held for confirmation ends its stream too: confirming starts the run's next stream. */
const FINISHED = new Set(['succeeded', 'failed', 'needs_confirmation']);

export interface ProgressEvent {
  runId: string;
  status: SyncRunView['status'];
  counters: SyncRunView['counters'];
  errorCode?: string;
}

/**
 * The SSE stream of one run: its stored state first (late joiners see where it is), then
 * live `sync.progress`, never going backwards, ending after the final state.
 */
export function runEvents(current: () => Promise<SyncRunView>, live: Observable<SyncProgressPayload>): Observable<MessageEvent> {
  let lastTotal = -1;
  let finished = false;
  /** Each progress event's id, one more than the last: two events at the same total (queued, then running) are two ids. */
  let sequence = 0;
  const progress = merge(
    // Live events are listened to before the stored state is read, so none falls in between;
    // whichever is older is dropped.
    merge(defer(() => from(current().then(toProgress))), live.pipe(map(toProgress))).pipe(
      filter((event) => {
        if (finished) return false;
        if (event.counters.total < lastTotal && !FINISHED.has(event.status)) return false;
        lastTotal = Math.max(lastTotal, event.counters.total);
        finished = FINISHED.has(event.status);
        return true;
      }),
      map((event): MessageEvent => ({ type: 'progress', id: String((sequence += 1)), data: event })),
    ),
    // Same id as the last progress event: Last-Event-ID keeps pointing at real progress.
    interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', id: String(sequence), data: {} }))),
  );
  return progress.pipe(takeWhile((event) => !(event.type === 'progress' && FINISHED.has((event.data as ProgressEvent).status)), true));
}

function toProgress(run: Pick<SyncRunView, 'runId' | 'status' | 'counters'> & { errorCode?: string; error?: { code: string } }): ProgressEvent {
  return { runId: run.runId, status: run.status, counters: run.counters, ...(run.errorCode || run.error ? { errorCode: run.errorCode ?? run.error?.code } : {}) };
}
