import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { JaegerError, useTrace } from '../../api/telemetry-clients';
import { tracesPath } from '../../app/links';
import { useUrlParam } from '../../app/url-state';
import { EmptyState, ErrorBanner, LoadingPane, Page, PageHeader, SplitView } from '../../ui';
import { criticalPath, sectionsBySpan } from './critical-path';
import { formatMicros } from './duration';
import { explainJaegerError } from './jaeger-error';
import { useRecoveryPoll } from './recovery-poll';
import { ServiceChips } from './ServiceChips';
import { SpanDetails } from './SpanDetails';
import { buildSpanTree, servicesOf } from './span-tree';
import type { SpanTree } from './span-tree';
import { Waterfall } from './Waterfall';
import './traces.css';

/** One trace: its summary, the span waterfall, and the selected span's details (`?span=`). */
export function TracePage() {
  const { traceId = '' } = useParams();
  const [selectedId, setSelectedId] = useUrlParam('span');
  const trace = useTrace(traceId);
  const notFound = trace.error instanceof JaegerError && trace.error.isNotFound;
  useRecoveryPoll(trace.isError && !notFound, () => void trace.refetch());
  const tree = useMemo(() => (trace.data ? buildSpanTree(trace.data) : undefined), [trace.data]);
  const critical = useMemo(() => (tree ? sectionsBySpan(criticalPath(tree)) : new Map()), [tree]);
  const select = useCallback((spanId: string) => setSelectedId(spanId, { replace: true }), [setSelectedId]);
  const selected = selectedId ? tree?.byId.get(selectedId) : undefined;
  const root = tree?.roots[0];

  return (
    <Page>
      <PageHeader
        title={root ? `${root.service}: ${root.span.operationName}` : 'Trace'}
        meta={<span className="mono">{traceId}</span>}
        actions={
          root ? (
            <Link className="button" to={tracesPath({ service: root.service })}>
              Search {root.service}
            </Link>
          ) : null
        }
      />
      {notFound ? (
        <EmptyState title="Trace not found">
          Jaeger has no trace <code>{traceId}</code>. It may have aged out of Jaeger&apos;s storage, or the link is wrong.
        </EmptyState>
      ) : trace.error && !trace.data ? (
        <ErrorBanner {...explainJaegerError(trace.error, `load trace ${traceId}`)} />
      ) : !trace.data || !tree ? (
        <LoadingPane label="Loading trace…" />
      ) : (
        <>
          <TraceFacts tree={tree} />
          <SplitView>
            <Waterfall traceId={traceId} tree={tree} critical={critical} selectedId={selected?.span.spanID} onSelect={select} />
            {selected ? <SpanDetails trace={trace.data} node={selected} traceStart={tree.start} onClose={() => setSelectedId('', { replace: true })} /> : null}
          </SplitView>
        </>
      )}
    </Page>
  );
}

function TraceFacts({ tree }: { tree: SpanTree }) {
  const services = servicesOf(tree);
  let errors = 0;
  for (const node of tree.byId.values()) if (node.error) errors++;
  const start = new Date(tree.start / 1000);
  return (
    <dl className="trace-facts">
      <div>
        <dt>Start</dt>
        <dd>{`${start.toLocaleDateString('en-CA')} ${start.toLocaleTimeString('en-GB', { hour12: false })}`}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatMicros(tree.end - tree.start)}</dd>
      </div>
      <div>
        <dt>Services</dt>
        <dd>
          <ServiceChips services={services} max={10} />
        </dd>
      </div>
      <div>
        <dt>Depth</dt>
        <dd>{tree.depth}</dd>
      </div>
      <div>
        <dt>Spans</dt>
        <dd>{tree.byId.size}</dd>
      </div>
      <div>
        <dt>Errors</dt>
        <dd className={errors ? 'trace-error-text' : undefined}>{errors}</dd>
      </div>
      <div className="trace-facts-legend">
        <span className="waterfall-legend-critical" aria-hidden /> critical path
      </div>
    </dl>
  );
}
