import { useEffect, useId, useRef, useState } from 'react';

export interface MenuItem {
  readonly label: string;
  readonly detail?: string;
  readonly onSelect: () => void;
}

/** A button that opens a short list of actions; closes on pick, Escape or a click elsewhere. */
export function Menu({ label, items }: { label: string; items: readonly MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();
  useEffect(() => {
    if (!open) return;
    const onMouseDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onMouseDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('mousedown', onMouseDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);
  return (
    <div ref={root} className="topology-menu">
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {label} <span aria-hidden>▾</span>
      </button>
      {open ? (
        <div id={listId} className="topology-menu-list" role="menu" aria-label={label}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className="topology-menu-item"
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              <span>{item.label}</span>
              {item.detail ? <span className="topology-menu-detail">{item.detail}</span> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
