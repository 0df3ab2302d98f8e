import type { ReactNode } from 'react';
import './Badge.css';

export type Tone = 'neutral' | 'ok' | 'warn' | 'danger' | 'info' | 'accent';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge tone-${tone}`} title={title}>
      {children}
    </span>
  );
}

/** A small coloured dot with a label, for states in dense rows. */
export function StatusDot({ tone, children, title }: { tone: Tone; children?: ReactNode; title?: string }) {
  return (
    <span className={`status-dot tone-${tone}`} title={title}>
      <span className="status-dot-mark" aria-hidden />
      {children === undefined ? null : <span className="status-dot-label">{children}</span>}
    </span>
  );
}
