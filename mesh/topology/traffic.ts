/** Node traffic summed from the edges around it, and the node health that follows from it. */
import { trafficHealth, worstHealth } from './health';
import type { Health, NodeTraffic, TopologyEdge } from './model';

export const NO_TRAFFIC: NodeTraffic = { inRps: 0, outRps: 0, inErrorRatio: 0, outErrorRatio: 0, inTcpBps: 0, outTcpBps: 0 };

interface Sums {
  inRps: number;
  outRps: number;
  inErrors: number;
  outErrors: number;
  inClientErrors: number;
  outClientErrors: number;
  inTcpBps: number;
  outTcpBps: number;
}

function emptySums(): Sums {
  return { inRps: 0, outRps: 0, inErrors: 0, outErrors: 0, inClientErrors: 0, outClientErrors: 0, inTcpBps: 0, outTcpBps: 0 };
}

export interface NodeTrafficHealth {
  readonly traffic: NodeTraffic;
  readonly health: Health;
}

/**
 * Traffic in and out of every node that has edges, and its health: the worse of inbound and outbound
 * health under Kiali's tolerances, "idle" without traffic. Nodes without edges are absent from the map.
 */
export function trafficByNode(edges: readonly TopologyEdge[]): Map<string, NodeTrafficHealth> {
  const sums = new Map<string, Sums>();
  const get = (id: string): Sums => {
    let s = sums.get(id);
    if (!s) {
      s = emptySums();
      sums.set(id, s);
    }
    return s;
  };
  for (const edge of edges) {
    const source = get(edge.source);
    const target = get(edge.target);
    if (edge.protocol === 'tcp') {
      source.outTcpBps += edge.throughputBps;
      target.inTcpBps += edge.throughputBps;
      continue;
    }
    const errors = edge.rps * edge.errorRatio;
    const clientErrors = edge.rps * edge.clientErrorRatio;
    source.outRps += edge.rps;
    source.outErrors += errors;
    source.outClientErrors += clientErrors;
    target.inRps += edge.rps;
    target.inErrors += errors;
    target.inClientErrors += clientErrors;
  }
  const out = new Map<string, NodeTrafficHealth>();
  for (const [id, s] of sums) {
    const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
    const traffic: NodeTraffic = {
      inRps: s.inRps,
      outRps: s.outRps,
      inErrorRatio: ratio(s.inErrors, s.inRps),
      outErrorRatio: ratio(s.outErrors, s.outRps),
      inTcpBps: s.inTcpBps,
      outTcpBps: s.outTcpBps,
    };
    const inbound = trafficHealth(s.inRps, traffic.inErrorRatio, ratio(s.inClientErrors, s.inRps), s.inTcpBps);
    const outbound = trafficHealth(s.outRps, traffic.outErrorRatio, ratio(s.outClientErrors, s.outRps), s.outTcpBps);
    out.set(id, { traffic, health: worstHealth(inbound, outbound) });
  }
  return out;
}
