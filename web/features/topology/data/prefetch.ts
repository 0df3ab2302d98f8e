import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { prefetchKubeLists, useKubeApi } from '../../../api';
import { useTelemetryClients } from '../../../api/telemetry-clients';
import { useTimeWindow } from '../../../app/time-window';
import { useNamespaces, useUrlParam } from '../../../app/url-state';
import { parseAt, parseGraphType, parseTrafficWindow, trafficWindowOf } from '../graph-request';
import { CLUSTER_KINDS, useClusterLists } from './mesh-sources';
import { graphQueryScope, normalizeSelection, overviewQueryOptions } from './overview-query';

/**
 * Asks for the first graph's data as the route renders, while the screen's code is still loading:
 * the namespace-level overview (under the very key the screen will use, so the screen joins the
 * request in flight or finds its answer) and the cluster-wide lists. Later graphs are the screen's own.
 */
export function useTopologyPrefetch(): void {
  const [namespaces] = useNamespaces();
  const { window } = useTimeWindow();
  const [graphText] = useUrlParam('graph');
  const [trafficText] = useUrlParam('traffic');
  const [atText] = useUrlParam('at');
  const { prometheus } = useTelemetryClients();
  const queryClient = useQueryClient();
  const api = useKubeApi();
  // Asked for while rendering, not from an effect: effects wait for the commit and for whatever the
  // main thread does next (compiling the screen's code). Asking twice for the same key is harmless.
  useState(() => {
    // The lists first: they are quick to answer, and requests are answered about in the order they are
    // made (six connections per host), so they are in by the time Prometheus has evaluated the overview.
    const traffic = trafficWindowOf(window, parseAt(atText, window.start, window.end), parseTrafficWindow(trafficText));
    prefetchKubeLists(queryClient, api, CLUSTER_KINDS);
    void queryClient.prefetchQuery(overviewQueryOptions(prometheus, graphQueryScope(normalizeSelection(namespaces), parseGraphType(graphText), traffic)));
  });
  // Keeps the lists' watches from the start (the screen retains the same ones once it mounts).
  useClusterLists();
}
