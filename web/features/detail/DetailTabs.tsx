import type { DetailKind, DetailTab } from '../../app/links';

const LABELS: Readonly<Record<DetailTab, string>> = {
  overview: 'Overview',
  inbound: 'Inbound metrics',
  outbound: 'Outbound metrics',
  traces: 'Traces',
  logs: 'Logs',
};

/** A service receives traffic; what it sends is its workloads' (as in Kiali), so it has no outbound tab. */
export function tabsOf(kind: DetailKind): readonly DetailTab[] {
  return kind === 'service' ? ['overview', 'inbound', 'traces', 'logs'] : ['overview', 'inbound', 'outbound', 'traces', 'logs'];
}

export function parseTab(kind: DetailKind, value: string): DetailTab {
  return tabsOf(kind).find((tab) => tab === value) ?? 'overview';
}

export function DetailTabs({ kind, current, onSelect }: { kind: DetailKind; current: DetailTab; onSelect: (tab: DetailTab) => void }) {
  const tabs = tabsOf(kind);
  return (
    <div className="detail-tabs" role="tablist" aria-label="Views">
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`detail-tab-${tab}`}
          aria-selected={tab === current}
          aria-controls="detail-tabpanel"
          tabIndex={tab === current ? 0 : -1}
          className={`detail-tab${tab === current ? ' is-current' : ''}`}
          onClick={() => onSelect(tab)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length]!;
            onSelect(next);
            document.getElementById(`detail-tab-${next}`)?.focus();
          }}
        >
          {LABELS[tab]}
        </button>
      ))}
    </div>
  );
}
