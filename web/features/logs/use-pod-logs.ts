/**
 * The istio-proxy logs of a set of pods, read once or followed, merged into one time-ordered buffer.
 * Each pod succeeds or fails on its own: a pod that is gone shows its error beside the others' lines.
 */
import { useEffect, useState } from 'react';
import { useKubeApi } from '../../api';
import { followPodLog, parseAccessLogLine, readAccessLog } from '../../api/telemetry-clients';
import type { AccessLogLine } from '../../api/telemetry-clients';
import { LogBuffer, MAX_LOG_ROWS } from './log-rows';
import type { LogRow } from './log-rows';

export type PodLogStatus = 'loading' | 'loaded' | 'following' | 'ended' | 'failed';

export interface PodLogState {
  readonly status: PodLogStatus;
  readonly error?: Error;
}

export interface PodLogsOptions {
  /** How far back to read: the last `lastMs` (a live window), or since `sinceMs` (a fixed one). */
  readonly lastMs?: number;
  readonly sinceMs?: number;
  /** Keep streaming new lines. */
  readonly follow: boolean;
  /** Change it to read everything again. */
  readonly reloadKey: number;
}

export interface PodLogsResult {
  readonly rows: readonly LogRow[];
  /** Oldest lines dropped to stay within the cap. */
  readonly dropped: number;
  readonly cap: number;
  readonly states: ReadonlyMap<string, PodLogState>;
}

interface Snapshot {
  readonly session: string;
  readonly rows: readonly LogRow[];
  readonly dropped: number;
  readonly states: ReadonlyMap<string, PodLogState>;
}

const EMPTY: Snapshot = { session: '', rows: [], dropped: 0, states: new Map() };
const LOADING: PodLogState = { status: 'loading' };

/** Streamed lines are applied at most this often, so that a busy stream costs a few renders a second. */
const FLUSH_MS = 250;

export function usePodLogs(namespace: string, pods: readonly string[], options: PodLogsOptions): PodLogsResult {
  const { client } = useKubeApi();
  const transport = client.transport;
  const [buffer] = useState(() => new LogBuffer(MAX_LOG_ROWS));
  const podsKey = pods.join('\n');
  const { lastMs, sinceMs, follow, reloadKey } = options;
  // What was read belongs to one set of options; until the new read reports, the old result is not shown.
  const session = `${namespace}|${podsKey}|${lastMs}|${sinceMs}|${follow}|${reloadKey}`;
  const [snapshot, setSnapshot] = useState<Snapshot>(EMPTY);

  useEffect(() => {
    const names = podsKey ? podsKey.split('\n') : [];
    const controller = new AbortController();
    const { signal } = controller;
    const pending: { pod: string; lines: AccessLogLine[] }[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    buffer.clear();
    let states: ReadonlyMap<string, PodLogState> = new Map();

    const publish = () => {
      if (!signal.aborted) setSnapshot({ session, rows: buffer.rows, dropped: buffer.dropped, states });
    };
    const flush = () => {
      timer = undefined;
      if (signal.aborted) return;
      for (const { pod, lines } of pending.splice(0)) buffer.add(pod, lines);
      publish();
    };
    const setState = (pod: string, state: PodLogState) => {
      states = new Map(states).set(pod, state);
      publish();
    };
    const fail = (pod: string, error: unknown) => {
      if (signal.aborted) return;
      setState(pod, { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    };
    const sinceSeconds = Math.max(1, Math.ceil((lastMs ?? Date.now() - (sinceMs ?? Date.now() - 3_600_000)) / 1000));
    const logOptions = { sinceSeconds, tailLines: MAX_LOG_ROWS, timestamps: true, signal };

    for (const pod of names) {
      if (follow) {
        void (async () => {
          try {
            const stream = await followPodLog(transport, namespace, pod, logOptions);
            setState(pod, { status: 'following' });
            const reader = stream.getReader();
            signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
            let batch: { pod: string; lines: AccessLogLine[] } | undefined;
            for (;;) {
              const { done, value } = await reader.read();
              if (done || signal.aborted) break;
              if (!batch || !pending.includes(batch)) {
                batch = { pod, lines: [] };
                pending.push(batch);
              }
              batch.lines.push(parseAccessLogLine(value, { timestamps: true }));
              timer ??= setTimeout(flush, FLUSH_MS);
            }
            setState(pod, { status: 'ended' });
          } catch (error) {
            fail(pod, error);
          }
        })();
      } else {
        readAccessLog(transport, namespace, pod, logOptions).then(
          (lines) => {
            if (signal.aborted) return;
            buffer.add(pod, lines);
            setState(pod, { status: 'loaded' });
          },
          (error: unknown) => fail(pod, error),
        );
      }
    }
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [buffer, transport, namespace, podsKey, lastMs, sinceMs, follow, reloadKey, session]);

  if (snapshot.session !== session) return { rows: EMPTY.rows, dropped: 0, cap: MAX_LOG_ROWS, states: new Map(pods.map((pod) => [pod, LOADING])) };
  const states = new Map(pods.map((pod) => [pod, snapshot.states.get(pod) ?? LOADING]));
  return { rows: snapshot.rows, dropped: snapshot.dropped, cap: MAX_LOG_ROWS, states };
}
