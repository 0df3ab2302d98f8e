import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { LoadingPane } from './Spinner';

export interface ListEmptyProps {
  /** Plural noun: "workloads", "services". */
  readonly noun: string;
  /** Where we looked: "bookinfo", "any namespace". */
  readonly where: string;
  readonly loading: boolean;
  /** The list could not be loaded (the reason is shown above the table). */
  readonly failed: boolean;
  readonly filter: string;
  readonly onClearFilter: () => void;
  /** What the filter looks at, for the no-match message. */
  readonly filterHint: string;
  /** What would appear here, for the empty message. */
  readonly emptyHint: ReactNode;
}

/** What a list shows when it has no rows: loading, failed, filtered out, or really empty. */
export function ListEmpty({ noun, where, loading, failed, filter, onClearFilter, filterHint, emptyHint }: ListEmptyProps) {
  if (loading) return <LoadingPane label={`Loading ${noun}…`} />;
  if (failed) {
    return (
      <EmptyState title={`No ${noun} to show`}>
        <p>The list could not be loaded; the message above says why. It fills in by itself once the API answers.</p>
      </EmptyState>
    );
  }
  if (filter) {
    return (
      <EmptyState
        title={`No ${noun} match “${filter}”`}
        action={
          <button type="button" className="button" onClick={onClearFilter}>
            Clear filter
          </button>
        }
      >
        <p>{filterHint}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`No ${noun} in ${where}`}>
      <p>{emptyHint}</p>
    </EmptyState>
  );
}
