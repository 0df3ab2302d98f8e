import { useMemo } from 'react';
import { useTimeWindow } from '../../app/time-window';
import { EmptyState, ErrorBanner, LoadingPane } from '../../ui';
import { useTraceSearch } from '../../api/telemetry-clients';
import { DurationScatter } from './DurationScatter';
import { explainJaegerError } from './jaeger-error';
import { useRecoveryPoll } from './recovery-poll';
import { useJaegerServices } from './jaeger-hooks';
import { useTraceSearchParams, useTraceSort } from './search-params';
import type { TraceSearchParams } from './search-params';
import { TraceResults } from './TraceResults';
import { TraceSearchForm } from './TraceSearchForm';
import { sortSummaries, summarizeTrace } from './trace-summary';
import './traces.css';

/** Search form, scatter and result list; `fixedService` pins the service (a detail page's traces tab). */
export function TraceSearchView({ fixedService }: { fixedService?: string }) {
  const { params, setParams } = useTraceSearchParams();
  const [sort, setSort] = useTraceSort();
  const { window } = useTimeWindow();
  const service = fixedService ?? params.service;
  const services = useJaegerServices();
  const search = useTraceSearch(
    {
      service,
      operation: params.operation || undefined,
      tags: params.tags,
      minDuration: params.minDuration || undefined,
      maxDuration: params.maxDuration || undefined,
      limit: params.limit,
      start: window.start,
      end: window.end,
    },
    { enabled: Boolean(service) },
  );
  const failing = search.isError || (services.isError && !fixedService);
  useRecoveryPoll(failing, () => {
    if (search.isError) void search.refetch();
    if (services.isError) void services.refetch();
  });
  const summaries = useMemo(() => sortSummaries((search.data ?? []).map(summarizeTrace), sort), [search.data, sort]);
  const error = search.error ?? (fixedService ? null : services.error);
  const banner = error ? explainJaegerError(error, search.error ? 'search traces' : 'list the services that reported traces') : undefined;
  const formKey = JSON.stringify([fixedService, params]);
  // A pinned service is the page's, not the search's: it stays out of the address bar.
  const onSearch = (next: TraceSearchParams) => setParams(fixedService ? { ...next, service: '' } : next);

  return (
    <div className="trace-search">
      <TraceSearchForm key={formKey} initial={params} services={services.data ?? []} fixedService={fixedService} onSearch={onSearch} />
      {banner ? <ErrorBanner {...banner} tone={search.data ? 'warn' : 'danger'} /> : null}
      {!service ? (
        <EmptyState title="Pick a service to search its traces">
          Istio names services <code>&lt;canonical service&gt;.&lt;namespace&gt;</code>, e.g. <code>productpage.bookinfo</code>. The search covers
          the time range in the top bar.
        </EmptyState>
      ) : search.isPending && !search.isError ? (
        <LoadingPane label="Searching traces…" />
      ) : search.data && summaries.length > 0 ? (
        <>
          <DurationScatter summaries={summaries} />
          <TraceResults summaries={summaries} sort={sort} onSortChange={setSort} />
        </>
      ) : search.data ? (
        <EmptyState title="No traces match">
          No trace of <code>{service}</code> in this time range matches the search. Widen the time range, lower the minimum duration or remove tags.
        </EmptyState>
      ) : null}
    </div>
  );
}
