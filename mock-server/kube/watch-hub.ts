/**
 * Watch fan-out per kind, with a bounded history of recent events so a watch can resume from an
 * older resourceVersion; anything older than the history is answered with 410 Expired.
 */
import type { KubeObject } from '../../mesh/kube-types';
import { expired } from './errors';
import type { ObjectFilter } from './object-filter';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ChangeEvent {
  readonly type: ChangeType;
  readonly object: KubeObject;
  /** The object before a MODIFIED change; lets selector watches see objects enter and leave. */
  readonly previous?: KubeObject;
  readonly resourceVersion: number;
}

export interface WatchSubscription {
  /** Only objects in this namespace. */
  readonly namespace?: string;
  readonly filter?: ObjectFilter;
  readonly send: (type: ChangeType, object: KubeObject) => void;
}

export const DEFAULT_HISTORY = 10_000;

/** The events one subscriber sees for a change, given its namespace and selector. */
function viewOf(sub: WatchSubscription, event: ChangeEvent): ChangeType | undefined {
  if (sub.namespace !== undefined && event.object.metadata.namespace !== sub.namespace) return undefined;
  if (!sub.filter) return event.type;
  const matchesNow = sub.filter(event.object);
  if (event.type !== 'MODIFIED' || !event.previous) return matchesNow ? event.type : undefined;
  const matchedBefore = sub.filter(event.previous);
  if (matchesNow) return matchedBefore ? 'MODIFIED' : 'ADDED';
  return matchedBefore ? 'DELETED' : undefined;
}

function deliver(sub: WatchSubscription, event: ChangeEvent): void {
  const type = viewOf(sub, event);
  if (type) sub.send(type, event.object);
}

export class KindChannel {
  private readonly ring: (ChangeEvent | undefined)[];
  private next = 0;
  private count = 0;
  private readonly subscribers = new Set<WatchSubscription>();

  /** Every event of this kind with a resourceVersion above the horizon is in the ring. */
  private horizon: number;

  constructor(startResourceVersion: number, capacity = DEFAULT_HISTORY) {
    this.ring = new Array<ChangeEvent | undefined>(Math.max(1, capacity));
    this.horizon = startResourceVersion;
  }

  publish(event: ChangeEvent): void {
    const evicted = this.ring[this.next];
    if (evicted && this.count === this.ring.length) this.horizon = evicted.resourceVersion;
    this.ring[this.next] = event;
    this.next = (this.next + 1) % this.ring.length;
    this.count = Math.min(this.count + 1, this.ring.length);
    for (const sub of this.subscribers) deliver(sub, event);
  }

  /**
   * Replays the recorded events after `sinceResourceVersion`, then delivers live ones.
   * Throws 410 Expired when events after that version are no longer recorded.
   */
  subscribe(sub: WatchSubscription, sinceResourceVersion: number): () => void {
    if (sinceResourceVersion < this.horizon) throw expired(sinceResourceVersion, this.horizon);
    for (const event of this.recorded()) {
      if (event.resourceVersion > sinceResourceVersion) deliver(sub, event);
    }
    this.subscribers.add(sub);
    return () => {
      this.subscribers.delete(sub);
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private *recorded(): Generator<ChangeEvent> {
    const start = (this.next - this.count + this.ring.length) % this.ring.length;
    for (let i = 0; i < this.count; i++) {
      const event = this.ring[(start + i) % this.ring.length];
      if (event) yield event;
    }
  }
}
