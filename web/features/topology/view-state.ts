/**
 * The topology screen's URL state, so that a reload or a shared link shows the same graph: graph type,
 * find/hide, focus, selection, collapsed and expanded boxes, drawing options and the replay time.
 */
import { useCallback, useMemo } from 'react';
import { useUrlList, useUrlParam } from '../../app/url-state';
import type { GraphType } from '../../../mesh/topology/model';
import { DEFAULT_GRAPH_TYPE, DEFAULT_TRAFFIC_WINDOW, oneOf, parseGraphType, parseTrafficWindow } from './graph-request';
import type { TrafficWindow } from './graph-request';
import { DEFAULT_LAYOUT_ALGORITHM, LAYOUT_ALGORITHMS, isLayoutAlgorithm } from './layout';
import type { LayoutAlgorithm } from './layout';
import { EDGE_LABEL_MODES } from './view/format';
import type { EdgeLabelMode } from './view/format';

export const DEFAULT_LABEL_MODE: EdgeLabelMode = 'rps';
export const MAX_HOPS = 5;

export const GRAPH_TYPE_OPTIONS: readonly { value: GraphType; label: string }[] = [
  { value: 'versionedApp', label: 'Versioned app graph' },
  { value: 'app', label: 'App graph' },
  { value: 'workload', label: 'Workload graph' },
  { value: 'service', label: 'Service graph' },
];

export const LAYOUT_OPTIONS: readonly { value: LayoutAlgorithm; label: string }[] = LAYOUT_ALGORITHMS.map((a) => ({ value: a.id, label: a.label }));

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

  const graphType = parseGraphType(graphText);
  const labelMode = oneOf(
    EDGE_LABEL_MODES.map((m) => m.value),
    labelsText,
    DEFAULT_LABEL_MODE,
  );
  const trafficWindow = parseTrafficWindow(trafficText);
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

