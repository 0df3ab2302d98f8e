import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { findKind } from '../../mesh/kinds';
import { explainError, useKubeList } from '../api';
import type { KubeObject } from '../api';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import { Spinner } from '../ui/Spinner';
import { useShortcut } from '../ui/keyboard';
import { useNamespaces } from './url-state';
import './NamespaceSelector.css';

const NAMESPACE = findKind('', 'Namespace')!;

interface Option {
  readonly name: string;
  readonly mesh?: 'sidecar' | 'ambient';
}

function meshMode(namespace: KubeObject): Option['mesh'] {
  const labels = namespace.metadata.labels ?? {};
  if (labels['istio.io/dataplane-mode'] === 'ambient') return 'ambient';
  if (labels['istio-injection'] === 'enabled' || labels['istio.io/rev']) return 'sidecar';
  return undefined;
}

export function selectionLabel(selected: readonly string[]): string {
  if (selected.length === 0) return 'All namespaces';
  if (selected.length <= 2) return selected.join(', ');
  return `${selected.length} namespaces`;
}

/**
 * Picks the namespaces every screen shows. Clicking a name shows only that namespace; the check
 * box (or Space) adds it to the selection. "n" opens it from anywhere.
 */
export function NamespaceSelector() {
  const [selected, setSelected] = useNamespaces();
  const namespaces = useKubeList(NAMESPACE, undefined, { priority: 0 });
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [cursor, setCursor] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  const options = useMemo<Option[]>(
    () =>
      namespaces.items
        .map((ns) => ({ name: ns.metadata.name ?? '', mesh: meshMode(ns) }))
        .filter((option) => option.name)
        // Namespace names are lowercase DNS labels: code-point order is alphabetical, no collator needed.
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    [namespaces.items],
  );
  const needle = filter.trim().toLowerCase();
  const visible = needle ? options.filter((option) => option.name.includes(needle)) : options;
  // Someone who may not list namespaces can still name the one they work in.
  const typed = needle && !options.some((option) => option.name === needle) ? needle : undefined;
  const rows: (Option | 'all')[] = [...(needle ? [] : ['all' as const]), ...visible, ...(typed ? [{ name: typed }] : [])];

  useShortcut('n', (event) => {
    event.preventDefault();
    setOpen(true);
  });

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close() {
    setOpen(false);
    setFilter('');
    setCursor(0);
  }

  function chooseOnly(row: Option | 'all') {
    setSelected(row === 'all' ? [] : [row.name]);
    close();
  }

  function toggle(row: Option | 'all') {
    if (row === 'all') return chooseOnly(row);
    setSelected(selected.includes(row.name) ? selected.filter((name) => name !== row.name) : [...selected, row.name]);
  }

  function onKeyDown(event: KeyboardEvent) {
    const current = rows[Math.min(cursor, rows.length - 1)];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setCursor((index) => Math.max(0, Math.min(rows.length - 1, index + step)));
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      chooseOnly(current);
    } else if (event.key === ' ' && current && (event.ctrlKey || !filter)) {
      event.preventDefault();
      toggle(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  const isChecked = (row: Option | 'all') => (row === 'all' ? selected.length === 0 : selected.includes(row.name));

  return (
    <div className="ns-selector" ref={rootRef}>
      <button
        type="button"
        className="ns-selector-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={`Namespace: ${selectionLabel(selected)}`}
        title="Namespaces shown (n)"
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Icon name="namespace" size={14} />
        <span className="ns-selector-value">{selectionLabel(selected)}</span>
        <span className="ns-selector-chevron" aria-hidden>
          ▾
        </span>
      </button>
      {open ? (
        <div className="ns-popover" onKeyDown={onKeyDown}>
          <input
            className="ns-popover-filter"
            autoFocus
            aria-label="Find a namespace"
            aria-controls={listId}
            placeholder="Find a namespace…"
            value={filter}
            spellCheck={false}
            onChange={(event) => {
              setFilter(event.target.value);
              setCursor(0);
            }}
          />
          <div className="ns-popover-list" role="listbox" id={listId} aria-label="Namespaces" aria-multiselectable>
            {rows.map((row, index) => {
              const name = row === 'all' ? 'All namespaces' : row.name;
              return (
                <div
                  key={row === 'all' ? '' : `ns:${row.name}`}
                  role="option"
                  aria-selected={isChecked(row)}
                  className={`ns-option${index === cursor ? ' is-cursor' : ''}`}
                  onMouseEnter={() => setCursor(index)}
                  onClick={() => chooseOnly(row)}
                >
                  <span
                    aria-hidden
                    className={`ns-check${isChecked(row) ? ' is-checked' : ''}`}
                    title={row === 'all' ? undefined : 'Add to the selection'}
                    onClick={(event) => {
                      event.stopPropagation();
                      toggle(row);
                    }}
                  />
                  <span className="ns-option-name">{name}</span>
                  {row !== 'all' && row === rows.at(-1) && typed === row.name ? <span className="subtle">use this name</span> : null}
                  {row !== 'all' && row.mesh ? <Badge tone={row.mesh === 'ambient' ? 'info' : 'accent'}>{row.mesh}</Badge> : null}
                </div>
              );
            })}
            {namespaces.isLoading ? (
              <div className="ns-popover-note">
                <Spinner size={10} /> Loading namespaces…
              </div>
            ) : null}
            {namespaces.error ? (
              <div className="ns-popover-note">{explainError(namespaces.error, { action: 'list namespaces' }).title}. Type a namespace name.</div>
            ) : null}
          </div>
          <div className="ns-popover-help">
            <kbd>↵</kbd> show only · <kbd>Space</kbd> add · click the box to add
          </div>
        </div>
      ) : null}
    </div>
  );
}
