import type { ReactNode } from 'react';
import './Page.css';

/** A screen: a header with title and count, an optional toolbar, and the content filling the rest. */
export function Page({ children }: { children: ReactNode }) {
  return <div className="page">{children}</div>;
}

export function PageHeader({ title, meta, actions }: { title: ReactNode; meta?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <h1 className="page-title">{title}</h1>
      {meta ? <div className="page-meta">{meta}</div> : null}
      <div className="page-actions">{actions}</div>
    </header>
  );
}

export function Toolbar({ children }: { children: ReactNode }) {
  return <div className="toolbar">{children}</div>;
}

/** The list and, beside it, its detail panel. */
export function SplitView({ children }: { children: ReactNode }) {
  return <div className="split-view">{children}</div>;
}
