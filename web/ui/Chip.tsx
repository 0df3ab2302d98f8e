import type { ReactNode } from 'react';
import './Chip.css';
import { formatCount } from './format';

/** A toggle in a row of filters, with an optional count. */
export function ToggleChip({
  pressed,
  onToggle,
  children,
  count,
  title,
  muted,
}: {
  pressed: boolean;
  onToggle: () => void;
  children: ReactNode;
  count?: number;
  title?: string;
  muted?: boolean;
}) {
  return (
    <button
      type="button"
      className={`chip${pressed ? ' is-pressed' : ''}${muted ? ' is-muted' : ''}`}
      aria-pressed={pressed}
      title={title}
      onClick={onToggle}
    >
      <span>{children}</span>
      {count !== undefined ? <span className="chip-count">{formatCount(count)}</span> : null}
    </button>
  );
}

/** Labels or annotations as compact key=value tags. */
export function LabelList({ labels, max }: { labels: Readonly<Record<string, string>>; max?: number }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  const shown = max === undefined ? entries : entries.slice(0, max);
  return (
    <span className="label-list">
      {shown.map(([key, value]) => (
        <span key={key} className="label-tag" title={`${key}=${value}`}>
          <span className="label-key">{key}</span>
          {value ? <span className="label-value">{value}</span> : null}
        </span>
      ))}
      {shown.length < entries.length ? <span className="label-more">+{entries.length - shown.length}</span> : null}
    </span>
  );
}
