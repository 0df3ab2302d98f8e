import { Suspense, lazy, useCallback, useMemo, useRef, useState } from 'react';
import { completionContext } from '../../../mesh/topology/find';
import { boxOfAggregate } from '../../../mesh/topology/ids';
import type { TopologyGraph } from '../../../mesh/topology/model';
import { useTimeWindow } from '../../app/time-window';
import type { TimeWindow } from '../../app/time-window';
import { durationMs, useNamespaces, useRefreshInterval } from '../../app/url-state';
import { EmptyState, ErrorBanner, Page, PageHeader, SplitView, Spinner, formatCount } from '../../ui';
import { loadCanvas } from './canvas/load-canvas';
import type { CanvasHandle, RevealRequest } from './canvas/ViewportControls';
import { usePinnedPositions } from './canvas/use-pinned';
import { useTopologyGraph } from './data';
import { useExportItems } from './export/use-export-items';
import { useStableLayout, warmLayoutWorker } from './layout';
import type { LayoutInput } from './layout';
import { TopologyPanel } from './panel/TopologyPanel';
import { parseFindText } from './toolbar/expression';
import { TopologyToolbar } from './toolbar/TopologyToolbar';
import { parseAt, trafficWindowOf } from './graph-request';
import { useTopologyViewState } from './view-state';
import { deriveGraph, findMatches } from './view/derive';
// React Flow's base styles first, so that the screen's own rules win over them; here rather than
// in the lazily loaded canvas, whose styles would otherwise come last.
import '@xyflow/react/dist/style.css';
import './topology.css';

const TopologyCanvas = lazy(() => loadCanvas().then((m) => ({ default: m.TopologyCanvas })));

export function TopologyPage() {
  // Before the first data query goes out, so that the worker's download does not queue behind it.
  useState(warmLayoutWorker);
  const [namespaces] = useNamespaces();
  const { window: globalWindow } = useTimeWindow();
  const [refresh] = useRefreshInterval();
  const view = useTopologyViewState();
  // "Refresh graph" on a live window moves its end to now (the global window only ticks with the refresh interval).
  const [refreshedAt, setRefreshedAt] = useState(0);
  const window = useMemo(() => movedTo(globalWindow, refreshedAt), [globalWindow, refreshedAt]);
  const at = parseAt(view.atText, window.start, window.end);
  // Latency waits for the first drawn graph (see useTopologyGraph's deferLatency).
  const [drawnOnce, setDrawnOnce] = useState(false);
  const trafficWindow = useMemo(() => trafficWindowOf(window, at, view.trafficWindow), [window, at, view.trafficWindow]);
  const result = useTopologyGraph({
    namespaces,
    graphType: view.graphType,
    window: trafficWindow,
    idleNodes: view.idleNodes,
    expandedBoxes: view.expanded,
    deferLatency: !drawnOnce,
    refetchIntervalMs: durationMs(refresh),
  });

  // A failed refresh keeps the last graph on screen, under a banner saying what failed.
  const [lastGraph, setLastGraph] = useState<TopologyGraph | undefined>(undefined);
  if (result.graph && result.graph !== lastGraph) setLastGraph(result.graph);
  const raw = result.graph ?? lastGraph;

  const hideParsed = useMemo(() => parseFindText(view.hide), [view.hide]);
  const findParsed = useMemo(() => parseFindText(view.find), [view.find]);
  const drawn = useMemo(
    () =>
      raw
        ? deriveGraph(raw, {
            hide: hideParsed.state === 'ok' ? hideParsed.expr : undefined,
            collapsed: view.collapsed,
            expanded: view.expanded,
            focus: view.focus || undefined,
            hops: view.hops,
          })
        : undefined,
    [raw, hideParsed, view.collapsed, view.expanded, view.focus, view.hops],
  );
  const graph = drawn?.graph;
  const matches = useMemo(() => (graph && findParsed.state === 'ok' ? findMatches(graph, findParsed.expr) : undefined), [graph, findParsed]);
  const completion = useMemo(() => (raw ? completionContext(raw) : {}), [raw]);

  const [pinned, pin] = usePinnedPositions();
  const layoutInput = useMemo<LayoutInput>(
    () => ({
      nodes: (graph?.nodes ?? []).map((n) => ({ id: n.id, box: n.box, kind: n.kind })),
      edges: (graph?.edges ?? []).map((e) => ({ id: e.id, source: e.source, target: e.target })),
      boxes: (graph?.boxes ?? []).map((b) => ({ id: b.id, parent: b.parent, label: b.label })),
    }),
    [graph],
  );
  const layoutOptions = useMemo(() => ({ algorithm: view.layout, pinned }), [view.layout, pinned]);
  const layout = useStableLayout(layoutInput, layoutOptions);
  if (!drawnOnce && !layout.pending && layout.nodes.size > 0) setDrawnOnce(true);

  const canvas = useRef<CanvasHandle | null>(null);
  const [fitSignal, setFitSignal] = useState(0);
  const [exportError, setExportError] = useState('');
  const exportView = useMemo(
    () => ({ namespaces, graphType: view.graphType, find: view.find, hide: view.hide, focus: view.focus, collapsed: drawn?.collapsed ?? [] }),
    [namespaces, view.graphType, view.find, view.hide, view.focus, drawn?.collapsed],
  );
  const exportItems = useExportItems({
    graph: graph ?? EMPTY_GRAPH,
    nodePositions: layout.nodes,
    boxRects: layout.boxes,
    labelMode: view.labelMode,
    canvas,
    view: exportView,
    onError: setExportError,
  });

  const { setSelected, collapseBox, expandBox, setFocus } = view;
  const [reveal, setReveal] = useState<RevealRequest>();
  const openBox = useCallback(
    (boxId: string) => {
      expandBox(boxId);
      setReveal((previous) => ({ boxId, seq: (previous?.seq ?? 0) + 1 }));
    },
    [expandBox],
  );
  const expandAggregate = useCallback((nodeId: string) => {
    const box = boxOfAggregate(nodeId);
    if (box) openBox(box);
  }, [openBox]);
  const toggleBox = useCallback((boxId: string) => collapseBox(boxId), [collapseBox]);
  const closePanel = useCallback(() => setSelected(''), [setSelected]);

  const where = namespaces.length === 0 ? 'all namespaces' : namespaces.join(', ');
  const hasNodes = graph !== undefined && graph.nodes.length > 0;
  const focusName = graph?.nodes.find((n) => n.id === view.focus)?.name;
  const error = result.error;

  return (
    <Page>
      <div className="topology-page">
        <PageHeader
          title="Topology"
          meta={graph ? `${formatCount(graph.nodes.length)} nodes · ${formatCount(graph.edges.length)} edges · ${where}${groupsNote(result.overview, drawn?.collapsed.length ?? 0)}` : undefined}
          actions={result.isFetching || layout.pending ? <Spinner /> : null}
        />
        <TopologyToolbar
          view={view}
          completion={completion}
          window={window}
          at={at}
          focusName={focusName}
          exportItems={exportItems}
          onFit={() => setFitSignal((n) => n + 1)}
          onRefresh={() => (window.live ? setRefreshedAt(Date.now()) : result.refetch())}
          refreshing={result.isFetching}
        />
        {error ? (
          <ErrorBanner
            tone={raw ? 'warn' : 'danger'}
            title={`Could not load the traffic graph from Prometheus${raw ? '; showing the last graph' : ''}`}
            detail={error.message}
            hint={`Meshdeck asks again on every refresh${refresh === 'off' ? ' (press Refresh graph, or turn on auto-refresh)' : ` (every ${refresh})`}; check that Prometheus is running in istio-system.`}
          />
        ) : null}
        {exportError ? <ErrorBanner title={exportError} action={<button type="button" className="button" onClick={() => setExportError('')}>Dismiss</button>} /> : null}
        {layout.error ? <ErrorBanner tone="warn" title="The layout failed; nodes keep their last positions" detail={layout.error.message} /> : null}
        <SplitView>
          <div className="topology-main">
            {/* Mounted before the first graph arrives, so that React Flow's own set-up is done while the data is on its way. */}
            <Suspense fallback={hasNodes ? <div className="topology-overlay"><Spinner /></div> : null}>
              <TopologyCanvas
                graph={graph ?? EMPTY_GRAPH}
                nodePositions={layout.nodes}
                boxRects={layout.boxes}
                labelMode={view.labelMode}
                selectedId={view.selected}
                matches={matches}
                showBadges={view.showBadges}
                animate={view.animate}
                onSelect={setSelected}
                onToggleBox={toggleBox}
                onExpandAggregate={expandAggregate}
                onPin={pin}
                fitSignal={fitSignal}
                reveal={reveal}
                handleRef={canvas}
              />
            </Suspense>
            {hasNodes ? null : (
              <div className="topology-overlay">
                {result.isLoading && !raw ? (
                  <Spinner />
                ) : raw ? (
                  <EmptyState title={raw.nodes.length === 0 ? 'No traffic in this window' : 'Everything is hidden'}>
                    {raw.nodes.length === 0
                      ? `No requests were recorded in ${where} over the selected time range. Pick a longer range, other namespaces, or turn on Idle nodes.`
                      : 'The hide expression or the focus leaves nothing to draw. Clear them to see the graph again.'}
                  </EmptyState>
                ) : null}
              </div>
            )}
          </div>
          {graph && view.selected ? (
            <TopologyPanel
              graph={graph}
              selectedId={view.selected}
              window={window}
              focus={view.focus}
              onFocus={setFocus}
              onExpand={openBox}
              onCollapse={collapseBox}
              onClose={closePanel}
            />
          ) : null}
        </SplitView>
      </div>
    </Page>
  );
}

/** What the header says about groups drawn as single nodes. */
function groupsNote(overview: boolean, collapsed: number): string {
  // The overview of a big mesh: every namespace not opened is one node (see data/detail-scope.ts).
  if (overview) return ' · namespaces as single nodes (double-click one to open it)';
  return collapsed > 0 ? ` · ${collapsed} groups collapsed` : '';
}

/** A live window moved to end at `endMs` when that is later than its own end. */
function movedTo(window: TimeWindow, endMs: number): TimeWindow {
  const end = Math.floor(endMs / 1000) * 1000;
  if (!window.live || end <= window.end.getTime()) return window;
  const length = window.end.getTime() - window.start.getTime();
  return { ...window, start: new Date(end - length), end: new Date(end) };
}

const EMPTY_GRAPH: TopologyGraph = { type: 'versionedApp', nodes: [], edges: [], boxes: [], timestamp: 0, windowSeconds: 0 };
