/** Collects a scenario's objects, workloads and calls, and owns its seeded identity, time and addresses. */
import type { KubeObject, ObjectMeta } from '../../../../mesh/kube-types';
import type { Scenario, SimCall, SimWorkload } from '../../model';
import { ClusterIpAllocator, NodeScheduler } from './network';
import { Rng, hashString, mix32 } from './random';

/** The clock when none is given, so that output depends on nothing but the scenario and its seed. */
export const DEFAULT_NOW = new Date('2025-06-01T12:00:00Z');

export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Creation order: what others depend on first. Kinds not listed go last, in insertion order. */
const KIND_ORDER = [
  'Namespace',
  'GatewayClass',
  'ServiceAccount',
  'ConfigMap',
  'Service',
  'Deployment',
  'Pod',
  'ServiceEntry',
  'DestinationRule',
  'Gateway',
];

export interface MetaOptions {
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** How long before `now` the object was created. */
  ageSeconds: number;
}

export class ScenarioBuilder {
  readonly scheduler: NodeScheduler;
  private readonly clusterIps: ClusterIpAllocator;
  private readonly nowMs: number;
  private readonly objects: KubeObject[] = [];
  private readonly workloads: SimWorkload[] = [];
  private readonly calls: SimCall[] = [];
  private pods = 0;
  private readonly timestamps = new Map<number, string>();

  constructor(
    readonly name: string,
    readonly seed: number,
    opts: { now?: Date; nodes: number },
  ) {
    this.scheduler = new NodeScheduler(opts.nodes);
    this.clusterIps = new ClusterIpAllocator(seed);
    this.nowMs = (opts.now ?? DEFAULT_NOW).getTime();
  }

  add(...objects: KubeObject[]): void {
    for (const object of objects) {
      this.objects.push(object);
      if (object.kind === 'Pod') this.pods++;
    }
  }

  get podCount(): number {
    return this.pods;
  }

  addWorkload(workload: SimWorkload): void {
    this.workloads.push(workload);
  }

  addCalls(...calls: SimCall[]): void {
    for (const call of calls) this.calls.push(call);
  }

  /** A random stream that depends only on the seed and `key`, not on what was generated before. */
  rng(key: string): Rng {
    return new Rng(hashString(key, this.seed));
  }

  /** A stable UUID (v4 layout) for the object identified by `key`. */
  uid(key: string): string {
    let state = hashString(key, this.seed);
    let hex = '';
    for (let i = 0; i < 4; i++) {
      state = mix32(state + i);
      hex += state.toString(16).padStart(8, '0');
    }
    const variant = '89ab'[parseInt(hex.charAt(16), 16) & 3] ?? '8';
    const [a, b, c, d, e] = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(13, 16), hex.slice(17, 20), hex.slice(20)];
    return `${a}-${b}-4${c}-${variant}${d}-${e}`;
  }

  clusterIp(namespace: string, serviceName: string): string {
    return this.clusterIps.allocate(`${namespace}/${serviceName}`);
  }

  /** RFC 3339 timestamp, whole seconds, `secondsAgo` before now. */
  timestamp(secondsAgo: number): string {
    const seconds = Math.round(secondsAgo);
    let text = this.timestamps.get(seconds);
    if (text === undefined) {
      text = new Date(this.nowMs - seconds * 1000).toISOString().slice(0, 19) + 'Z';
      this.timestamps.set(seconds, text);
    }
    return text;
  }

  meta(kind: string, name: string, opts: MetaOptions): ObjectMeta {
    const key = `${kind}/${opts.namespace ?? ''}/${name}`;
    const meta: ObjectMeta = { name };
    if (opts.namespace !== undefined) meta.namespace = opts.namespace;
    meta.uid = this.uid(key);
    meta.creationTimestamp = this.timestamp(opts.ageSeconds);
    if (opts.labels) meta.labels = { ...opts.labels };
    if (opts.annotations) meta.annotations = { ...opts.annotations };
    return meta;
  }

  build(): Scenario {
    const rank = (kind: string): number => {
      const index = KIND_ORDER.indexOf(kind);
      return index < 0 ? KIND_ORDER.length : index;
    };
    // Array.prototype.sort is stable, so each kind keeps the order it was added in.
    const objects = [...this.objects].sort((a, b) => rank(a.kind) - rank(b.kind));
    return { name: this.name, objects, workloads: [...this.workloads], calls: [...this.calls] };
  }
}
