import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatCount } from '../../ui';
import type { LogRow } from './log-rows';
import { LogRowView } from './LogRowView';

export const LOG_ROW_HEIGHT = 22;
const HEADER = ['Time', 'Pod', 'Dir', 'Method', 'Path · authority', 'Status', 'Flags', 'Duration', 'Upstream', 'Request ID'];

export interface LogListProps {
  readonly rows: readonly LogRow[];
  readonly podLabel: (pod: string) => string;
  readonly empty: string;
}

/**
 * The lines, oldest first, virtualized. While the view is at the bottom it stays there as lines arrive
 * (tail -f); once the user scrolls up it stays put and says how many lines came in below.
 */
export function LogList({ rows, podLabel, empty }: LogListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const seenLast = useRef<number | undefined>(undefined);
  const [unseen, setUnseen] = useState(0);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: 20,
  });

  const last = rows[rows.length - 1]?.seq;
  useLayoutEffect(() => {
    if (last === seenLast.current) return;
    seenLast.current = last;
    if (atBottom.current && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [last, rows.length, virtualizer]);

  // Counts the lines that arrived below while the user reads higher up.
  const previousCount = useRef(rows.length);
  useEffect(() => {
    const added = rows.length - previousCount.current;
    previousCount.current = rows.length;
    if (!atBottom.current && added > 0) setUnseen((n) => n + added);
  }, [rows.length, last]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < LOG_ROW_HEIGHT * 2;
    if (atBottom.current && unseen) setUnseen(0);
  };
  const toBottom = () => {
    atBottom.current = true;
    setUnseen(0);
    virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  };

  return (
    <div className="log-list" role="grid" aria-label="Access log" aria-rowcount={rows.length + 1}>
      <div className="log-row log-header" role="row" aria-rowindex={1}>
        {HEADER.map((label) => (
          <span key={label} role="columnheader">
            {label}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="log-scroll" onScroll={onScroll} tabIndex={0}>
        {rows.length === 0 ? (
          <div className="log-empty subtle">{empty}</div>
        ) : (
          <div className="log-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return row ? <LogRowView key={row.seq} row={row} podLabel={podLabel(row.pod)} top={item.start} index={item.index} /> : null;
            })}
          </div>
        )}
      </div>
      {unseen > 0 ? (
        <button type="button" className="button is-primary log-new-lines" onClick={toBottom}>
          {formatCount(unseen)} new {unseen === 1 ? 'line' : 'lines'} ↓
        </button>
      ) : null}
    </div>
  );
}
