import { EventSource } from 'eventsource';
import { token } from './client';
import type { SyncRun } from './client';

export interface RunProgress {
  runId: string;
  status: SyncRun['status'];
  counters: SyncRun['counters'];
  errorCode?: string;
}

const FINISHED = new Set<SyncRun['status']>(['succeeded', 'failed', 'needs_confirmation']);

/**
 * Follows a run's server-sent events (the browser's own EventSource cannot send the bearer
 * token, so this one's fetch adds it). Ends itself after the final state; returns a stop.
 */
export function followRun(direction: 'import' | 'export', tenantId: string, runId: string, onProgress: (progress: RunProgress) => void, onLost: () => void): () => void {
  const url = `${window.location.origin}/admin/tenants/${encodeURIComponent(tenantId)}/${direction}s/${encodeURIComponent(runId)}/events`;
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...(token.get() ? { authorization: `Bearer ${token.get()}` } : {}) } }),
  });
  source.addEventListener('progress', (event) => {
    const progress = JSON.parse(event.data) as RunProgress;
    onProgress(progress);
    if (FINISHED.has(progress.status)) source.close();
  });
  source.addEventListener('error', (event) => {
    // 4xx will not get better by reconnecting; a dropped connection is retried by EventSource.
    if (event.code && event.code >= 400 && event.code < 500) {
      source.close();
      onLost();
    }
  });
  return () => source.close();
}
