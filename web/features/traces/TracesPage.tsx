import { Page, PageHeader } from '../../ui';
import { TraceSearchView } from './TraceSearchView';

/** Trace search over the Jaeger API: form, duration scatter and results. */
export function TracesPage() {
  return (
    <Page>
      <PageHeader title="Traces" meta="from Jaeger, over the time range in the top bar" />
      <TraceSearchView />
    </Page>
  );
}
