import type { ReactNode } from 'react';
import { FilterInput } from './FilterInput';
import { formatCount } from './format';
import { Page, PageHeader, Toolbar } from './Page';

interface ListPageProps {
  readonly title: string;
  readonly meta?: string;
  readonly filter: string;
  readonly onFilterChange: (value: string) => void;
  readonly filterPlaceholder: string;
  /** More toolbar controls after the filter. */
  readonly tools?: ReactNode;
  /** Buttons at the right of the header, e.g. Create. */
  readonly actions?: ReactNode;
  /** Error banners, between the toolbar and the list. */
  readonly banners?: ReactNode;
  readonly children: ReactNode;
}

/** A list screen: header with counts, a toolbar led by the filter, banners, then the list. */
export function ListPage({ title, meta, filter, onFilterChange, filterPlaceholder, tools, actions, banners, children }: ListPageProps) {
  return (
    <Page>
      <PageHeader title={title} meta={meta} actions={actions} />
      <Toolbar>
        <FilterInput value={filter} onChange={onFilterChange} placeholder={filterPlaceholder} />
        {tools}
      </Toolbar>
      {banners}
      {children}
    </Page>
  );
}

/** "12 services", or "3 of 12 services" while a filter is on. */
export function formatListCount(visible: number, total: number, noun: string, filtered: boolean): string {
  return `${filtered ? `${formatCount(visible)} of ` : ''}${formatCount(total)} ${noun}`;
}
