/**
 * Access logs of the pods someone has asked for, in bounded rings. A pod's ring is filled on first request
 * with the recent steps (under the current config, as the metrics' backfill is), then grows as steps pass.
 * Each step's lines are the traced requests that crossed the pod, with their trace's x-request-id, plus a
 * sample of its other requests (all of them for a quiet pod, a bounded number for a busy one).
 */
import { istioServiceName } from '../jaeger/trace-builder';
import type { TraceStore } from '../jaeger/store';
import type { Trace } from '../jaeger/types';
import type { SimWorkload } from '../sim/model';
import type { TrafficPlanner } from '../sim/traffic/planner';
import { mixSeed, seededRandom } from '../sim/traffic/random';
import { hashText, type Addressing } from './entry-parts';
import { formatAccessLogLine, type AccessLogEntry } from '../../mesh/telemetry/access-log';
import { pickSample, podTraffic } from './pod-traffic';
import { sampledEntry, type PodRef } from './sampled-entry';
import { spanEntries } from './span-entry';

export interface LogLine {
  /** When the proxy wrote it: the end of the request. */
  readonly atMs: number;
  readonly text: string;
}

export interface AccessLogSource {
  readonly planner: TrafficPlanner;
  readonly traces: TraceStore;
  readonly addressing: Omit<Addressing, 'workloadOfPod'>;
  readonly seed: number;
  readonly stepMs: number;
  /** The end of the newest step with traces; lines are never written past it. */
  readonly lastStepMs: () => number;
  /** Where the simulated history begins; nothing is logged before it. */
  readonly historyStartMs: number;
}

export interface AccessLogLimits {
  /** Pods with a ring at once; the least recently read without followers goes first. */
  readonly maxPods: number;
  readonly linesPerPod: number;
  /** Sampled (untraced) requests logged per pod per step, inbound and outbound each. */
  readonly sampledPerStep: number;
  /** How far back a new ring is filled. */
  readonly backfillMs: number;
}

export const DEFAULT_LIMITS: AccessLogLimits = { maxPods: 48, linesPerPod: 1_000, sampledPerStep: 16, backfillMs: 30 * 60_000 };

type Listener = (lines: readonly LogLine[]) => void;

/** How far back lines older than a ring are written again on request. */
const MAX_REWRITE_MS = 60 * 60_000;
const MAX_TRACES = 10_000;

interface PodLog {
  readonly ref: PodRef;
  lines: readonly LogLine[];
  readonly listeners: Set<Listener>;
  /** The end of the newest step written. */
  lastStepMs: number;
}

export class AccessLogStore {
  private readonly logs = new Map<string, PodLog>();
  private readonly byPod = new Map<string, SimWorkload>();
  private readonly addressing: Addressing;

  constructor(
    private readonly source: AccessLogSource,
    private readonly limits: AccessLogLimits = DEFAULT_LIMITS,
  ) {
    for (const w of source.planner.scenario.workloads) for (const pod of w.podNames) this.byPod.set(`${w.namespace}/${pod}`, w);
    this.addressing = { ...source.addressing, workloadOfPod: (namespace, pod) => this.workloadOf(namespace, pod) };
  }

  /** The workload a pod belongs to in the traffic model; undefined for pods outside it. */
  workloadOf(namespace: string, pod: string): SimWorkload | undefined {
    return this.byPod.get(`${namespace}/${pod}`);
  }

  /**
   * The pod's istio-proxy log, oldest first. Asked for lines older than its ring holds (a trace's log lines,
   * say), the older steps are written again for the answer, as they were; the ring does not keep them.
   */
  lines(namespace: string, pod: string, sinceMs?: number): readonly LogLine[] {
    const log = this.podLog(namespace, pod);
    if (!log) return [];
    const oldest = log.lines[0];
    if (sinceMs === undefined || !oldest || sinceMs >= oldest.atMs) return log.lines;
    const { stepMs } = this.source;
    const partial = Math.ceil(oldest.atMs / stepMs) * stepMs;
    const from = Math.max(Math.floor(sinceMs / stepMs) * stepMs, this.source.historyStartMs, partial - MAX_REWRITE_MS);
    return [...this.generate(log.ref, from, partial, Infinity), ...log.lines.filter((l) => l.atMs > partial)];
  }

  /** Calls `listener` with each step's new lines; returns the unsubscribe function. */
  follow(namespace: string, pod: string, listener: Listener): () => void {
    const log = this.podLog(namespace, pod);
    if (!log) return () => undefined;
    log.listeners.add(listener);
    return () => log.listeners.delete(listener);
  }

  /** Appends the step ending at `endMs` (whose traces are `traces`) to every ring in use. */
  addStep(endMs: number, traces: readonly Trace[]): void {
    for (const log of this.logs.values()) {
      if (endMs <= log.lastStepMs) continue;
      log.lastStepMs = endMs;
      const lines = this.stepLines(log.ref, endMs, traces);
      if (lines.length === 0) continue;
      this.append(log, lines);
      for (const listener of log.listeners) listener(lines);
    }
  }

  private podLog(namespace: string, pod: string): PodLog | undefined {
    const key = `${namespace}/${pod}`;
    const found = this.logs.get(key);
    if (found) {
      this.logs.delete(key);
      this.logs.set(key, found);
      return found;
    }
    const workload = this.byPod.get(key);
    if (!workload) return undefined;
    const log: PodLog = { ref: { workload, pod }, lines: [], listeners: new Set(), lastStepMs: this.source.lastStepMs() };
    this.backfill(log);
    this.logs.set(key, log);
    this.evict();
    return log;
  }

  private evict(): void {
    for (const [key, log] of this.logs) {
      if (this.logs.size <= this.limits.maxPods) return;
      if (log.listeners.size === 0) this.logs.delete(key);
    }
  }

  private backfill(log: PodLog): void {
    const last = this.source.lastStepMs();
    const first = Math.max(last - this.limits.backfillMs, this.source.historyStartMs);
    this.append(log, this.generate(log.ref, first, last, this.limits.linesPerPod));
  }

  /** The steps ending in (afterMs, throughMs], newest first until there are `maxLines`; returned oldest first. */
  private generate(ref: PodRef, afterMs: number, throughMs: number, maxLines: number): LogLine[] {
    const { stepMs } = this.source;
    const traced = this.source.traces.find({
      service: istioServiceName(ref.workload),
      tags: { hostname: ref.pod },
      startMin: (afterMs - stepMs) * 1000,
      startMax: throughMs * 1000,
      limit: MAX_TRACES,
    });
    const tracesByStep = new Map<number, Trace[]>();
    for (const trace of traced) {
      const start = Math.min(...trace.spans.map((s) => s.startTime)) / 1000;
      const stepEnd = Math.ceil(start / stepMs) * stepMs;
      tracesByStep.set(stepEnd, [...(tracesByStep.get(stepEnd) ?? []), trace]);
    }
    const steps: LogLine[][] = [];
    let count = 0;
    for (let end = throughMs; end > afterMs && count < maxLines; end -= stepMs) {
      const lines = this.stepLines(ref, end, tracesByStep.get(end) ?? []);
      steps.push(lines);
      count += lines.length;
    }
    return steps.reverse().flat();
  }

  /** Replaces the ring rather than changing it, so what `lines` handed out stays as it was. */
  private append(log: PodLog, lines: readonly LogLine[]): void {
    const all = [...log.lines, ...lines];
    log.lines = all.length > this.limits.linesPerPod ? all.slice(all.length - this.limits.linesPerPod) : all;
  }

  /** The lines `self` wrote during the step ending at `endMs`, in the order written. */
  private stepLines(self: PodRef, endMs: number, traces: readonly Trace[]): LogLine[] {
    const { stepMs } = this.source;
    const { addressing } = this;
    const rand = seededRandom(mixSeed(this.source.seed, 0xacce55, hashText(`${self.workload.namespace}/${self.pod}`), Math.floor(endMs / stepMs)));
    const entries: AccessLogEntry[] = [];
    for (const trace of traces) entries.push(...spanEntries(addressing, self, trace, rand));
    // Each direction has its own quota, so a busy client's calls do not crowd out what it serves.
    for (const traffic of podTraffic(this.source.planner, self.workload)) {
      const expected = (traffic.rps * stepMs) / 1000;
      const count = Math.min(Math.floor(expected) + (rand() < expected % 1 ? 1 : 0), this.limits.sampledPerStep);
      for (let i = 0; i < count; i++) {
        const sample = pickSample(traffic, rand());
        if (sample) entries.push(sampledEntry(addressing, self, sample, endMs - stepMs + rand() * stepMs, rand));
      }
    }
    return entries
      .map((entry) => ({ atMs: Math.min(entry.startMs + (entry.durationMs ?? 0), endMs), text: formatAccessLogLine(entry) }))
      .sort((a, b) => a.atMs - b.atMs);
  }
}
