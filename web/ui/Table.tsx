/**
 * The one data table: virtualized (only the visible rows are in the DOM, so 10,000 rows scroll
 * smoothly), sortable, with a keyboard cursor (↑/↓, j/k, PgUp/PgDn, Home/End, Enter).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { sortRows } from './sort';
import type { SortState, SortValue } from './sort';
import './Table.css';

export interface Column<Row> {
  readonly id: string;
  readonly header: string;
  /** Minimum width in px. */
  readonly width: number;
  /** Share of the spare width this column takes (0: fixed width). */
  readonly grow?: number;
  readonly align?: 'start' | 'end';
  readonly mono?: boolean;
  readonly sortValue?: (row: Row) => SortValue;
  readonly render: (row: Row) => ReactNode;
}

export interface TableProps<Row> {
  readonly label: string;
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  readonly rowKey: (row: Row) => string;
  readonly sort?: SortState;
  readonly onSortChange?: (sort: SortState) => void;
  readonly selectedKey?: string;
  readonly onActivate?: (row: Row) => void;
  /** Moving the keyboard cursor activates the row too, so a detail panel follows it. */
  readonly activateOnCursor?: boolean;
  readonly empty?: ReactNode;
  readonly rowHeight?: number;
}

const HEADER_HEIGHT = 30;

export function Table<Row>(props: TableProps<Row>) {
  const { rows, columns, rowKey, sort, onSortChange, selectedKey, onActivate, activateOnCursor, empty, label } = props;
  const rowHeight = props.rowHeight ?? 30;
  const scrollRef = useRef<HTMLDivElement>(null);
  const domId = useId();

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.id === sort.column);
    return sortRows(rows, column?.sortValue, sort?.descending ?? false, rowKey);
  }, [rows, columns, sort, rowKey]);

  const indexByKey = useMemo(() => new Map(sorted.map((row, index) => [rowKey(row), index])), [sorted, rowKey]);
  const [cursorKey, setCursorKey] = useState<string | undefined>(selectedKey);
  const [followedSelection, setFollowedSelection] = useState(selectedKey);
  if (selectedKey !== followedSelection) {
    setFollowedSelection(selectedKey);
    if (selectedKey !== undefined) setCursorKey(selectedKey);
  }
  const cursorIndex = cursorKey === undefined ? -1 : (indexByKey.get(cursorKey) ?? -1);

  // The virtualizer re-renders this component on scroll by itself; there is no compiler memoization to protect.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  const selectedIndex = selectedKey === undefined ? -1 : (indexByKey.get(selectedKey) ?? -1);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the selection itself changes, not on every list update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey]);

  const template = columns.map((c) => (c.grow ? `minmax(${c.width}px, ${c.grow}fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.width, 0);

  function moveCursor(index: number) {
    const clamped = Math.max(0, Math.min(sorted.length - 1, index));
    const row = sorted[clamped];
    if (!row) return;
    setCursorKey(rowKey(row));
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    if (activateOnCursor) onActivate?.(row);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: cursorIndex + 1,
      j: cursorIndex + 1,
      ArrowUp: cursorIndex - 1,
      k: cursorIndex - 1,
      PageDown: cursorIndex + page,
      PageUp: cursorIndex - page,
      Home: 0,
      End: sorted.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveCursor(cursorIndex < 0 && event.key !== 'End' ? 0 : target);
    } else if (event.key === 'Enter' && cursorIndex >= 0) {
      const row = sorted[cursorIndex];
      if (row) onActivate?.(row);
    }
  }

  const onRowClick = useCallback(
    (event: MouseEvent, row: Row) => {
      setCursorKey(rowKey(row));
      // A link inside the row navigates on its own.
      if (event.target instanceof Element && event.target.closest('a')) return;
      onActivate?.(row);
    },
    [rowKey, onActivate],
  );

  function toggleSort(column: Column<Row>) {
    if (!column.sortValue || !onSortChange) return;
    const descending = sort?.column === column.id ? !sort.descending : false;
    onSortChange({ column: column.id, descending });
  }

  const rowId = (index: number) => `${domId}-row-${index}`;

  return (
    <div
      ref={scrollRef}
      className="table"
      role="grid"
      aria-label={label}
      aria-rowcount={sorted.length + 1}
      aria-activedescendant={cursorIndex >= 0 ? rowId(cursorIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="table-canvas" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        <div className="table-header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
          {columns.map((column) => {
            const sorted = sort?.column === column.id;
            const ariaSort = sorted ? (sort.descending ? 'descending' : 'ascending') : 'none';
            return (
              <div key={column.id} role="columnheader" aria-sort={column.sortValue ? ariaSort : undefined} className={`table-cell align-${column.align ?? 'start'}`}>
                {column.sortValue && onSortChange ? (
                  <button type="button" className="table-sort" tabIndex={-1} onClick={() => toggleSort(column)}>
                    {column.header}
                    <span className={`table-sort-mark${sorted ? ' is-active' : ''}`} aria-hidden>
                      {sorted && sort.descending ? '▾' : '▴'}
                    </span>
                  </button>
                ) : (
                  column.header
                )}
              </div>
            );
          })}
        </div>
        {sorted.length === 0 && empty ? <div className="table-empty">{empty}</div> : null}
        {virtualizer.getVirtualItems().map((item) => {
          const row = sorted[item.index];
          if (row === undefined) return null;
          const key = rowKey(row);
          return (
            <TableRow
              key={key}
              id={rowId(item.index)}
              row={row}
              index={item.index}
              columns={columns}
              template={template}
              start={item.start}
              height={item.size}
              selected={key === selectedKey}
              cursor={item.index === cursorIndex}
              onClick={onRowClick}
            />
          );
        })}
      </div>
    </div>
  );
}

interface TableRowProps<Row> {
  readonly id: string;
  readonly row: Row;
  readonly index: number;
  readonly columns: readonly Column<Row>[];
  readonly template: string;
  readonly start: number;
  readonly height: number;
  readonly selected: boolean;
  readonly cursor: boolean;
  readonly onClick: (event: MouseEvent, row: Row) => void;
}

/** One row; memoized so that scrolling re-renders only the rows that come into view. */
const TableRow = memo(function TableRow<Row>(props: TableRowProps<Row>) {
  const { id, row, index, columns, template, start, height, selected, cursor, onClick } = props;
  const classes = ['table-row'];
  if (selected) classes.push('is-selected');
  if (cursor) classes.push('is-cursor');
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.join(' ')}
      style={{ gridTemplateColumns: template, height, transform: `translateY(${start}px)` }}
      onClick={(event) => onClick(event, row)}
    >
      {columns.map((column) => {
        const content = column.render(row);
        return (
          <div
            key={column.id}
            role="gridcell"
            className={`table-cell align-${column.align ?? 'start'}${column.mono ? ' is-mono' : ''}`}
            title={typeof content === 'string' ? content : undefined}
          >
            {content}
          </div>
        );
      })}
    </div>
  );
}) as <Row>(props: TableRowProps<Row>) => ReactNode;
