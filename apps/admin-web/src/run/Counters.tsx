import type { SyncRun } from '../api/client';

const NAMES = ['added', 'updated', 'deleted', 'skipped', 'errored', 'total'] as const;

export function Counters({ counters }: { counters: SyncRun['counters'] }) {
  return (
    <dl className="counters">
      {NAMES.map((name) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd data-testid={`counter-${name}`}>{counters[name]}</dd>
        </div>
      ))}
    </dl>
  );
}
