import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CriticalSection } from './critical-path';
import { formatMicros } from './duration';
import { niceScale } from './scatter-scale';
import { serviceColor } from './service-color';
import { visibleRows } from './span-tree';
import type { SpanNode, SpanTree } from './span-tree';

const ROW_HEIGHT = 26;
const INDENT_PX = 12;
/** Beyond this depth rows stop moving right, so that deep traces keep their names readable. */
const MAX_INDENT_LEVELS = 24;

export interface WaterfallProps {
  readonly traceId: string;
  readonly tree: SpanTree;
  readonly critical: ReadonlyMap<string, readonly CriticalSection[]>;
  readonly selectedId: string | undefined;
  readonly onSelect: (spanId: string) => void;
}

/** The spans as a collapsible tree beside their timing bars; only the rows in view are in the DOM. */
export function Waterfall({ traceId, tree, critical, selectedId, onSelect }: WaterfallProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const scroller = useRef<HTMLDivElement>(null);
  // Same as the shared Table: the virtualizer is read during render, which is what it is for.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const span = Math.max(1, tree.end - tree.start);
  const axis = niceScale(0, span, 5).ticks.filter((tick) => tick < span * 0.98);
  const percent = (micros: number) => `${((micros - tree.start) / span) * 100}%`;

  useTraceDrawnMark(traceId, rows.length > 0);
  useScrollToSelected(rows, selectedId, (index) => virtualizer.scrollToIndex(index, { align: 'center' }));

  const toggle = (spanId: string, open?: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      const shouldOpen = open ?? next.has(spanId);
      if (shouldOpen) next.delete(spanId);
      else next.add(spanId);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent) => {
    const index = rows.findIndex((node) => node.span.spanID === selectedId);
    const node = rows[index];
    const move = (to: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (target) onSelect(target.span.spanID);
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index < 0 ? 0 : index - 1);
    else if (event.key === 'ArrowLeft' && node) {
      if (node.children.length && !collapsed.has(node.span.spanID)) toggle(node.span.spanID, false);
      else if (node.parent) onSelect(node.parent.span.spanID);
    } else if (event.key === 'ArrowRight' && node?.children.length) toggle(node.span.spanID, true);
    else return;
    event.preventDefault();
  };

  return (
    <div className="waterfall">
      <div className="waterfall-header" aria-hidden>
        <div className="waterfall-name-head">Service and operation</div>
        <div className="waterfall-axis">
          {axis.map((tick) => (
            <span key={tick} className="waterfall-tick" style={{ left: `${(tick / span) * 100}%` }}>
              {formatMicros(tick)}
            </span>
          ))}
        </div>
      </div>
      <div className="waterfall-body" ref={scroller} role="tree" aria-label="Spans" tabIndex={0} onKeyDown={onKeyDown}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const node = rows[item.index];
            if (!node) return null;
            return (
              <SpanRow
                key={node.span.spanID}
                node={node}
                top={item.start}
                selected={node.span.spanID === selectedId}
                collapsed={collapsed.has(node.span.spanID)}
                critical={critical.get(node.span.spanID) ?? []}
                percent={percent}
                onSelect={onSelect}
                onToggle={toggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function SpanRow({
  node,
  top,
  selected,
  collapsed,
  critical,
  percent,
  onSelect,
  onToggle,
}: {
  node: SpanNode;
  top: number;
  selected: boolean;
  collapsed: boolean;
  critical: readonly CriticalSection[];
  percent: (micros: number) => string;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}) {
  const { span } = node;
  const color = serviceColor(node.service);
  const end = span.startTime + span.duration;
  const hasChildren = node.children.length > 0;
  const classes = ['waterfall-row', selected ? 'is-selected' : '', node.error ? 'is-error' : '', critical.length ? 'is-critical' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-selected={selected}
      aria-label={`${node.service} ${span.operationName} ${formatMicros(span.duration)}${node.error ? ' error' : ''}`}
      data-span-id={span.spanID}
      onClick={() => onSelect(span.spanID)}
    >
      <div className="waterfall-name" style={{ paddingLeft: 4 + Math.min(node.depth, MAX_INDENT_LEVELS) * INDENT_PX }}>
        {hasChildren ? (
          <button
            type="button"
            className="waterfall-toggle"
            aria-label={collapsed ? 'Expand' : 'Collapse'}
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(span.spanID);
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="waterfall-toggle" aria-hidden />
        )}
        <span className="waterfall-swatch" style={{ background: color }} aria-hidden />
        <span className="waterfall-service">{node.service}</span>
        <span className="waterfall-operation">{span.operationName}</span>
        {node.error ? (
          <span className="waterfall-error" title="Error">
            !
          </span>
        ) : null}
        {collapsed ? <span className="waterfall-hidden-count">+{countDescendants(node)}</span> : null}
      </div>
      <div className="waterfall-timeline">
        <div className="waterfall-bar" style={{ left: percent(span.startTime), width: `max(1px, calc(${percent(end)} - ${percent(span.startTime)}))`, background: color }} />
        {critical.map((section) => (
          <div
            key={section.start}
            className="waterfall-critical"
            title="On the critical path"
            style={{ left: percent(section.start), width: `max(1px, calc(${percent(section.end)} - ${percent(section.start)}))` }}
          />
        ))}
        {/* The timeline keeps a margin on its right for these labels. */}
        <span className="waterfall-duration" style={{ left: percent(end) }}>
          {formatMicros(span.duration)}
        </span>
      </div>
    </div>
  );
}

function countDescendants(node: SpanNode): number {
  let count = 0;
  const stack = [...node.children];
  for (let next = stack.pop(); next; next = stack.pop()) {
    count++;
    stack.push(...next.children);
  }
  return count;
}

/** Marks the moment the first rows of a trace are in the DOM, for the render benchmark. */
function useTraceDrawnMark(traceId: string, drawn: boolean): void {
  const marked = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!drawn || marked.current === traceId) return;
    marked.current = traceId;
    performance.mark('meshdeck:trace-drawn', { detail: { traceId } });
  }, [traceId, drawn]);
}

/** Brings the selected span into view when the page opens on it (a shared `?span=` link). */
function useScrollToSelected(rows: readonly SpanNode[], selectedId: string | undefined, scrollTo: (index: number) => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !selectedId || rows.length === 0) return;
    done.current = true;
    const index = rows.findIndex((node) => node.span.spanID === selectedId);
    if (index > 0) scrollTo(index);
  }, [rows, selectedId, scrollTo]);
}
