/**
 * The topology screen's URL state, so that a reload or a shared link shows the same graph: graph type,
 * find/hide, focus, selection, collapsed and expanded boxes, drawing options and the replay time.
 */
import { useCallback, useMemo } from 'react';
import { GRAPH_TYPES } from '../../../mesh/topology/model';
import type { GraphType } from '../../../mesh/topology/model';
import type { TimeWindow } from '../../app/time-window';
import { durationMs, useUrlList, useUrlParam } from '../../app/url-state';
import { DEFAULT_LAYOUT_ALGORITHM, LAYOUT_ALGORITHMS, isLayoutAlgorithm } from './layout';
import type { LayoutAlgorithm } from './layout';
import { EDGE_LABEL_MODES } from './view/format';
import type { EdgeLabelMode } from './view/format';

export const DEFAULT_GRAPH_TYPE: GraphType = 'versionedApp';
export const DEFAULT_LABEL_MODE: EdgeLabelMode = 'rps';
export const MAX_HOPS = 5;

export const GRAPH_TYPE_OPTIONS: readonly { value: GraphType; label: string }[] = [
  { value: 'versionedApp', label: 'Versioned app graph' },
  { value: 'app', label: 'App graph' },
  { value: 'workload', label: 'Workload graph' },
  { value: 'service', label: 'Service graph' },
];
/**
 * How much traffic each edge's figures average over, ending at the replay time (as Kiali's graph
 * duration): the last minute by default, so the graph shows what happens now and stays cheap to query
 * on a large mesh; "range" takes the whole global window.
 */
export const TRAFFIC_WINDOW_OPTIONS = [
  { value: '1m', label: 'Traffic: last 1m' },
  { value: '5m', label: 'Traffic: last 5m' },
  { value: '15m', label: 'Traffic: last 15m' },
  { value: '1h', label: 'Traffic: last 1h' },
  { value: 'range', label: 'Traffic: whole range' },
] as const;
export type TrafficWindow = (typeof TRAFFIC_WINDOW_OPTIONS)[number]['value'];
export const DEFAULT_TRAFFIC_WINDOW: TrafficWindow = '1m';

export const LAYOUT_OPTIONS: readonly { value: LayoutAlgorithm; label: string }[] = LAYOUT_ALGORITHMS.map((a) => ({ value: a.id, label: a.label }));

function oneOf<T extends string>(values: readonly T[], text: string, fallback: T): T {
  return values.find((v) => v === text) ?? fallback;
}

/** `at` is Unix seconds within the window; anything else means "the window's end". */
export function parseAt(text: string, start: Date, end: Date): Date | undefined {
  if (!/^\d{9,11}$/.test(text)) return undefined;
  const ms = Number(text) * 1000;
  return ms > start.getTime() && ms < end.getTime() ? new Date(ms) : undefined;
}

export function useTopologyViewState() {
  const [graphText, setGraphText] = useUrlParam('graph');
  const [labelsText, setLabelsText] = useUrlParam('edgeLabels');
  const [layoutText, setLayoutText] = useUrlParam('layout');
  const [badgesText, setBadgesText] = useUrlParam('badges');
  const [animateText, setAnimateText] = useUrlParam('animate');
  const [idleText, setIdleText] = useUrlParam('idle');
  const [find, setFind] = useUrlParam('find');
  const [hideText, setHide] = useUrlParam('hide');
  const [focus, setFocus] = useUrlParam('focus');
  const [hopsText, setHopsText] = useUrlParam('hops');
  const [selected, setSelected] = useUrlParam('sel');
  const [collapsed, setCollapsed] = useUrlList('collapse');
  const [expanded, setExpanded] = useUrlList('expand');
  const [atText, setAtText] = useUrlParam('at');
  const [trafficText, setTrafficText] = useUrlParam('traffic');

  const graphType = oneOf(GRAPH_TYPES, graphText, DEFAULT_GRAPH_TYPE);
  const labelMode = oneOf(
    EDGE_LABEL_MODES.map((m) => m.value),
    labelsText,
    DEFAULT_LABEL_MODE,
  );
  const trafficWindow = oneOf(
    TRAFFIC_WINDOW_OPTIONS.map((o) => o.value),
    trafficText,
    DEFAULT_TRAFFIC_WINDOW,
  );
  const layout = isLayoutAlgorithm(layoutText) ? layoutText : DEFAULT_LAYOUT_ALGORITHM;
  const hops = Math.min(MAX_HOPS, Math.max(1, Number(hopsText) || 1));

  const collapseBox = useCallback(
    (boxId: string) => {
      setCollapsed([...collapsed, boxId]);
      setExpanded(expanded.filter((id) => id !== boxId));
    },
    [collapsed, expanded, setCollapsed, setExpanded],
  );
  const expandBox = useCallback(
    (boxId: string) => {
      setCollapsed(collapsed.filter((id) => id !== boxId));
      setExpanded([...expanded, boxId]);
    },
    [collapsed, expanded, setCollapsed, setExpanded],
  );

  return useMemo(
    () => ({
      graphType,
      setGraphType: (next: GraphType) => setGraphText(next === DEFAULT_GRAPH_TYPE ? '' : next),
      labelMode,
      setLabelMode: (next: EdgeLabelMode) => setLabelsText(next === DEFAULT_LABEL_MODE ? '' : next, { replace: true }),
      layout,
      setLayout: (next: LayoutAlgorithm) => setLayoutText(next === DEFAULT_LAYOUT_ALGORITHM ? '' : next),
      showBadges: badgesText !== 'off',
      setShowBadges: (on: boolean) => setBadgesText(on ? '' : 'off', { replace: true }),
      animate: animateText === 'on',
      setAnimate: (on: boolean) => setAnimateText(on ? 'on' : '', { replace: true }),
      idleNodes: idleText === 'on',
      setIdleNodes: (on: boolean) => setIdleText(on ? 'on' : ''),
      find,
      setFind,
      hide: hideText,
      setHide,
      focus,
      hops,
      setFocus: (nodeId: string) => setFocus(nodeId),
      setHops: (next: number) => setHopsText(next === 1 ? '' : String(next), { replace: true }),
      selected,
      setSelected: (id: string) => setSelected(id, { replace: true }),
      collapsed,
      expanded,
      collapseBox,
      expandBox,
      trafficWindow,
      setTrafficWindow: (next: TrafficWindow) => setTrafficText(next === DEFAULT_TRAFFIC_WINDOW ? '' : next),
      atText,
      setAt: (at: Date | undefined) => setAtText(at ? String(Math.round(at.getTime() / 1000)) : '', { replace: true }),
    }),
    [graphType, labelMode, layout, badgesText, animateText, idleText, find, hideText, focus, hops, selected, collapsed, expanded, collapseBox, expandBox, trafficWindow, setTrafficText, atText, setGraphText, setLabelsText, setLayoutText, setBadgesText, setAnimateText, setIdleText, setFind, setHide, setFocus, setHopsText, setSelected, setAtText],
  );
}

export type TopologyViewState = ReturnType<typeof useTopologyViewState>;

/** The window the graph's rates are taken over: `traffic` long (at most the global window), ending at `at` or the window's end. */
export function trafficWindowOf(window: TimeWindow, at: Date | undefined, traffic: TrafficWindow): TimeWindow {
  const end = at ?? window.end;
  const whole = window.end.getTime() - window.start.getTime();
  const length = traffic === 'range' ? whole : Math.min(whole, durationMs(traffic) ?? whole);
  return { ...window, start: new Date(end.getTime() - length), end };
}
