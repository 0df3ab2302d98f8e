/**
 * Deterministic addresses the way a kind-style cluster hands them out: Service clusterIPs at random
 * in 10.96.0.0/16, pods sequentially from each node's 10.244.<node>.0/24, nodes on 172.18.0.0/24.
 */
import { hashString } from './random';

const SERVICE_RANGE_SIZE = 1 << 16; // 10.96.0.0/16, plenty for the largest scenario
const MAX_NODES = 250;
const POD_ADDRESSES_PER_NODE = 253; // .2 to .254; .1 is the node's bridge

function ipv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** clusterIPs derived from each Service's identity, so adding a Service never moves another's address. */
export class ClusterIpAllocator {
  private readonly taken = new Set<number>();
  private static readonly BASE = (10 << 24) | (96 << 16);

  constructor(private readonly seed: number) {
    this.taken.add(0); // the network address
    this.taken.add(1); // the `kubernetes` Service
    this.taken.add(10); // kube-dns
  }

  allocate(key: string): string {
    let offset = hashString(key, this.seed) % SERVICE_RANGE_SIZE;
    while (this.taken.has(offset) || (offset & 255) === 0 || (offset & 255) === 255) {
      offset = (offset + 1) % SERVICE_RANGE_SIZE;
    }
    this.taken.add(offset);
    return ipv4(ClusterIpAllocator.BASE + offset);
  }
}

export interface PodPlacement {
  nodeName: string;
  hostIP: string;
  podIP: string;
}

/** Places pods round-robin over the nodes, each node handing out its next free address. */
export class NodeScheduler {
  private readonly nextHost: number[];
  private cursor = 0;

  constructor(readonly nodeCount: number) {
    if (nodeCount < 1 || nodeCount > MAX_NODES) {
      throw new RangeError(`node count must be between 1 and ${MAX_NODES}, got ${nodeCount}`);
    }
    this.nextHost = new Array<number>(nodeCount).fill(2);
  }

  nodeName(index: number): string {
    return `node-${index + 1}`;
  }

  hostIP(index: number): string {
    return `172.18.0.${index + 2}`;
  }

  /** Places a pod on the next node in turn, or on the given node (DaemonSet pods). */
  place(nodeIndex?: number): PodPlacement {
    const node = nodeIndex ?? this.cursor++ % this.nodeCount;
    const host = this.nextHost[node] ?? 2;
    if (host - 2 >= POD_ADDRESSES_PER_NODE) {
      throw new RangeError(`${this.nodeName(node)} has no pod addresses left`);
    }
    this.nextHost[node] = host + 1;
    return { nodeName: this.nodeName(node), hostIP: this.hostIP(node), podIP: `10.244.${node + 1}.${host}` };
  }
}
