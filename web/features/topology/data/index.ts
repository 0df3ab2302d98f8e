/** The topology screen's data: the graph of the selected namespaces and graph type over the time window. */
export { useTopologyGraph } from './use-topology-graph';
export type { TopologyGraphOptions, TopologyGraphResult } from './use-topology-graph';
