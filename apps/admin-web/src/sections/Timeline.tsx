import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call, messageOf } from '../api/client';
import { when } from '../format';
import { keys } from '../tenant-queries';

const PAGE = 20;

/** Who changed which setting and when (config_changes), newest first. Secrets show only "(changed)". */
export function Timeline({ tenantId }: { tenantId: string }) {
  const changes = useInfiniteQuery({
    queryKey: keys.changes(tenantId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/admin/tenants/{tenantId}/icims/changes', { params: { path: { tenantId }, query: { limit: String(PAGE), ...(pageParam ? { before: pageParam } : {}) } } })),
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].at : undefined),
  });
  if (changes.isPending) return <p role="status">Loading the settings timeline…</p>;
  if (changes.isError) return <p className="error" role="alert">{messageOf(changes.error)}</p>;
  const entries = changes.data.pages.flat();
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Settings timeline</h2>
      {entries.length === 0 && <p>No change yet.</p>}
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={`${entry.at}-${entry.action}`}>
            <p>
              <strong>{entry.action}</strong> by {entry.actor.displayName} · <time dateTime={entry.at}>{when(entry.at)}</time>
            </p>
            <p className="hint">
              {Object.entries(entry.changes)
                .map(([setting, value]) => `${setting}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
                .join('; ')}
            </p>
          </li>
        ))}
      </ol>
      {changes.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void changes.fetchNextPage()} disabled={changes.isFetchingNextPage}>
          Show older changes
        </button>
      )}
    </section>
  );
}
