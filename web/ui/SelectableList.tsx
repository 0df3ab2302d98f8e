import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { ListEmpty } from './ListEmpty';
import { SplitView } from './Page';
import type { SortState } from './sort';
import { Table } from './Table';
import type { Column } from './Table';

/** The filter, sort and selection of a list screen, as the URL holds them. */
export interface ListState {
  readonly where: string;
  readonly text: string;
  readonly setText: (value: string) => void;
  readonly sort: SortState;
  readonly onSortChange: (sort: SortState) => void;
  readonly selectedKey: string;
  readonly select: (key: string) => void;
  readonly closePanel: () => void;
}

interface SelectableListProps<Row extends KeyedRow> {
  readonly label: string;
  /** Plural, for the empty states; the label in lower case unless given. */
  readonly noun?: string;
  readonly list: ListState;
  /** Every row: a selected row stays open when the filter hides it. */
  readonly rows: readonly Row[];
  readonly visibleRows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  readonly loading: boolean;
  readonly failed: boolean;
  readonly filterHint: string;
  readonly emptyHint: ReactNode;
  readonly panel: (row: Row, onClose: () => void) => ReactNode;
}

interface KeyedRow {
  readonly key: string;
}

const rowKey = (row: KeyedRow) => row.key;

/** A sortable, filterable table whose selected row opens a side panel beside it. */
export function SelectableList<Row extends KeyedRow>(props: SelectableListProps<Row>) {
  const { list } = props;
  const selection = props.rows.find((row) => row.key === list.selectedKey);
  const { select: selectKey } = list;
  const select = useCallback((row: Row) => selectKey(row.key), [selectKey]);
  return (
    <SplitView>
      <Table
        label={props.label}
        rows={props.visibleRows}
        columns={props.columns}
        rowKey={rowKey}
        sort={list.sort}
        onSortChange={list.onSortChange}
        selectedKey={selection?.key}
        onActivate={select}
        activateOnCursor={selection !== undefined}
        empty={
          <ListEmpty
            noun={props.noun ?? props.label.toLowerCase()}
            where={list.where}
            loading={props.loading}
            failed={props.failed}
            filter={list.text}
            onClearFilter={() => list.setText('')}
            filterHint={props.filterHint}
            emptyHint={props.emptyHint}
          />
        }
      />
      {selection === undefined ? null : props.panel(selection, list.closePanel)}
    </SplitView>
  );
}
