/**
 * Sampled traces of the simulator's call graph: a few requests per root call per step are followed hop by
 * hop, each hop's outcome picked by the caller-supplied `pickOutcome` (the same plans that feed the metrics).
 */
import { EXTERNAL_ORIGIN, isRootCall, workloadKey, type LatencyProfile, type Scenario, type SimCall, type SimWorkload } from '../sim/model';
import { callerTraits, isProxyWorkload } from '../sim/traffic/caller';
import { sampleLatencyMs } from '../sim/traffic/latency';
import { mixSeed, seededRandom } from '../sim/traffic/random';
import { runNow } from '../sim/traffic/slices';
import { hashedPodIp, TraceBuilder, type PodAddress } from './trace-builder';
import type { Trace } from './types';

/** What happened to one sampled request on one edge of the call graph. */
export interface HopOutcome {
  /** The workload that received the request; undefined when the caller's proxy answered by itself. */
  readonly server: SimWorkload | undefined;
  readonly status: number;
  /** Envoy's response_flags, '-' for none. */
  readonly flags: string;
  /** The service the caller's proxy routed to, and its port: the span's operation. */
  readonly host: string;
  readonly port: number;
  /** The destination subset, for upstream_cluster; '' without one. */
  readonly subset: string;
  /** The client proxy's cluster, when the plan knows it; otherwise built from host, port and subset. */
  readonly cluster?: string;
  readonly latency: LatencyProfile;
  readonly delayMs: number;
}

export type PickOutcome = (caller: SimWorkload | undefined, call: SimCall, rand: () => number) => HopOutcome | undefined;

export interface TraceSamplerOptions {
  readonly scenario: Scenario;
  readonly pickOutcome: PickOutcome;
  readonly seed: number;
  /** Fraction of requests traced; every root call gets at least one trace per step. */
  readonly sampling?: number;
  /** Pod IPs; made-up stable ones by default. */
  readonly podIp?: PodAddress;
}

const DEFAULT_SAMPLING = 0.01;
const MAX_DEPTH = 12;
const MAX_SPANS = 400;
/** Network time between a client proxy and the server proxy, each way. */
const NETWORK_US = 150;

/** Where requests from outside the cluster appear to come from. */
export const OUTSIDE_IP = '192.168.49.1';

interface ServedRequest {
  readonly server: SimWorkload;
  readonly pod: string;
  /** The caller's address. */
  readonly peerIp: string;
  readonly call: SimCall;
  readonly outcome: HopOutcome;
}

interface WalkContext {
  readonly builder: TraceBuilder;
  readonly rand: () => number;
}

export class TraceSampler {
  private readonly byKey: Map<string, SimWorkload>;
  private readonly fanOut = new Map<string, SimCall[]>();
  private readonly roots: SimCall[];

  constructor(private readonly options: TraceSamplerOptions) {
    this.byKey = new Map(options.scenario.workloads.map((w) => [workloadKey(w.namespace, w.name), w]));
    this.roots = options.scenario.calls.filter(isRootCall);
    for (const call of options.scenario.calls) {
      if (isRootCall(call)) continue;
      const calls = this.fanOut.get(call.from) ?? [];
      calls.push(call);
      this.fanOut.set(call.from, calls);
    }
  }

  /** The traces of the step of `stepMs` ending at `endMs`. */
  sampleStep(endMs: number, stepMs: number): Trace[] {
    return runNow(this.sampleStepInSteps(endMs, stepMs));
  }

  /** `sampleStep`, pausing (yielding) after each trace, for a caller that spreads it over time. */
  *sampleStepInSteps(endMs: number, stepMs: number): Generator<void, Trace[], void> {
    const rand = seededRandom(mixSeed(this.options.seed, 0x7ace, Math.floor(endMs / stepMs)));
    const sampling = this.options.sampling ?? DEFAULT_SAMPLING;
    const traces: Trace[] = [];
    for (const call of this.roots) {
      const caller = call.from === EXTERNAL_ORIGIN ? undefined : this.byKey.get(call.from);
      const count = Math.max(1, Math.round((call.rps ?? 0) * (stepMs / 1000) * sampling));
      for (let i = 0; i < count; i++) {
        const builder = new TraceBuilder(rand, this.options.podIp);
        const startUs = (endMs - stepMs + rand() * stepMs) * 1000;
        this.hop({ builder, rand }, caller, call, undefined, startUs, 0);
        traces.push(...builder.build());
        yield;
      }
    }
    return traces;
  }

  /** Follows one request over one edge; returns how long the caller waited, in microseconds. */
  private hop(ctx: WalkContext, caller: SimWorkload | undefined, call: SimCall, parentID: string | undefined, startUs: number, depth: number): number {
    const outcome = this.options.pickOutcome(caller, call, ctx.rand);
    if (!outcome) return 0;
    const { server } = outcome;
    const clientSide = callerTraits(caller).reportsSource;
    const clientID = clientSide ? ctx.builder.newSpanId() : undefined;
    const callerPod = caller ? pickPod(caller, ctx.rand) : undefined;
    const serverPod = server ? pickPod(server, ctx.rand) : undefined;
    const delayUs = outcome.delayMs * 1000;
    const serverStartUs = startUs + delayUs + NETWORK_US;
    const ipOf = this.options.podIp ?? hashedPodIp;
    const serverIp = server && serverPod ? ipOf(server.namespace, serverPod) : '';
    const peerIp = caller && callerPod ? ipOf(caller.namespace, callerPod) : OUTSIDE_IP;
    const serverUs =
      server === undefined || refusedConnection(outcome) || depth >= MAX_DEPTH || ctx.builder.spanCount >= MAX_SPANS
        ? sampleLatencyMs(outcome.latency, ctx.rand) * 1000
        : isProxyWorkload(server)
          ? this.hop(ctx, server, call, clientID ?? parentID, serverStartUs, depth + 1)
          : this.serve(ctx, { server, pod: serverPod ?? '', peerIp, call, outcome }, clientID ?? parentID, serverStartUs, depth);
    const durationUs = delayUs + serverUs + 2 * NETWORK_US;
    if (caller && clientID) {
      ctx.builder.add({
        kind: 'client',
        workload: caller,
        pod: callerPod ?? '',
        call,
        host: outcome.host,
        port: outcome.port,
        spanID: clientID,
        parentID,
        startUs,
        durationUs,
        status: outcome.status,
        flags: outcome.flags,
        upstreamCluster: outcome.cluster ?? `outbound|${outcome.port}|${outcome.subset}|${outcome.host}`,
        peerIp: serverIp,
        upstreamAddress: server && serverIp ? `${serverIp}:${server.port ?? outcome.port}` : undefined,
      });
    }
    return durationUs;
  }

  /** The server's own span, with its fan-out calls made one after another. */
  private serve(ctx: WalkContext, served: ServedRequest, parentID: string | undefined, startUs: number, depth: number): number {
    const { server, call, outcome } = served;
    const spanID = server.sidecar === 'injected' ? ctx.builder.newSpanId() : undefined;
    let elapsedUs = sampleLatencyMs(outcome.latency, ctx.rand) * 1000;
    const calls = deniedByPolicy(outcome) ? [] : (this.fanOut.get(workloadKey(server.namespace, server.name)) ?? []);
    for (const next of calls) {
      const times = Math.floor(next.fanOut ?? 0) + (ctx.rand() < (next.fanOut ?? 0) % 1 ? 1 : 0);
      for (let i = 0; i < times; i++) elapsedUs += this.hop(ctx, server, next, spanID ?? parentID, startUs + elapsedUs, depth + 1);
    }
    if (spanID) {
      ctx.builder.add({
        kind: 'server',
        workload: server,
        pod: served.pod,
        call,
        host: outcome.host,
        port: outcome.port,
        spanID,
        parentID,
        startUs,
        durationUs: elapsedUs,
        status: outcome.status,
        // The server's proxy flags its own rate-limit replies; the simulator answers 429 for nothing else.
        flags: outcome.status === 429 ? 'RL' : '-',
        upstreamCluster: `inbound|${server.port ?? call.port}||`,
        peerIp: served.peerIp,
      });
    }
    return elapsedUs;
  }
}

/** The server's proxy refused the connection (STRICT mTLS against plaintext): it saw no request. */
function refusedConnection(outcome: HopOutcome): boolean {
  return outcome.flags.includes('UF');
}

/** The server's proxy answered by itself (403 for an AuthorizationPolicy, 429 for its rate limit): the app never ran. */
function deniedByPolicy(outcome: HopOutcome): boolean {
  return outcome.status === 403 || outcome.status === 429;
}

function pickPod(workload: SimWorkload, rand: () => number): string {
  const pods = workload.podNames;
  return pods[Math.floor(rand() * pods.length)] ?? `${workload.name}-0`;
}
