import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** The WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs. */
export function Tabs<T extends string>({ tabs, selected, onSelect, label, children }: { tabs: readonly T[]; selected: T; onSelect: (tab: T) => void; label: string; children: ReactNode }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const idOf = (tab: string) => `tab-${tab.toLowerCase().replace(/\W+/g, '-')}`;

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.indexOf(selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + tabs.length) % tabs.length;
    onSelect(tabs[target]);
    buttons.current[target]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <button
            key={tab}
            ref={(element) => void (buttons.current[index] = element)}
            type="button"
            role="tab"
            id={idOf(tab)}
            aria-selected={tab === selected}
            aria-controls={`${idOf(tab)}-panel`}
            tabIndex={tab === selected ? 0 : -1}
            onClick={() => onSelect(tab)}
          >
            {tab}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idOf(selected)}-panel`} aria-labelledby={idOf(selected)} className="panel" tabIndex={0}>
        {children}
      </div>
    </>
  );
}
