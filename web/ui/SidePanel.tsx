import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { isTyping } from './keyboard';
import './SidePanel.css';

/** The detail pane beside a list; Escape closes it. */
export function SidePanel({
  title,
  subtitle,
  onClose,
  children,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
}) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !isTyping(event.target) && !document.querySelector('dialog[open]')) onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside className="side-panel" aria-label="Details">
      <header className="side-panel-header">
        <div className="side-panel-titles">
          <h2 className="side-panel-title">{title}</h2>
          {subtitle ? <div className="side-panel-subtitle">{subtitle}</div> : null}
        </div>
        {actions}
        <button type="button" className="icon-button" aria-label="Close details" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </aside>
  );
}

export function PanelSection({ title, children, count }: { title: string; children: ReactNode; count?: number }) {
  return (
    <section className="panel-section">
      <h3 className="panel-section-title">
        {title}
        {count !== undefined ? <span className="panel-section-count">{count}</span> : null}
      </h3>
      {children}
    </section>
  );
}

/** Term/definition pairs in two aligned columns. */
export function Facts({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts">
      {items.map(([term, value]) => (
        <div key={term} className="facts-row">
          <dt>{term}</dt>
          <dd>{value === '' || value === undefined || value === null ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
