/**
 * A long-running watch in the manner of client-go's reflector: list once, then stream changes from
 * that resourceVersion; reconnect from the last one seen; list again when the server says it is
 * too old (410 Gone); back off while the server cannot be reached; stop when aborted.
 */
import type { KindInfo } from '../../mesh/kinds';
import { resourcePath } from '../../mesh/kinds';
import type { KubeList, KubeObject, WatchEvent } from '../../mesh/kube-types';
import { KubeApiError, ProtocolError, isAbortError } from './errors';
import { parseWatchEvent } from './guards';
import type { KubeTransport } from './http';
import { readJsonLines } from './ndjson';
import { sleep } from './sleep';

export interface WatchScope {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WatchOptions extends WatchScope {
  signal: AbortSignal;
  /** Where to resume from; without it the watch lists first. */
  resourceVersion?: string;
  /** A complete, fresh list: the first one, and each one after the server expired our resourceVersion. */
  onSync(list: KubeList): void;
  onEvent(event: WatchEvent<KubeObject>): void;
  /** The stream is open: the server accepted the watch. */
  onOpen?(): void;
  onError?(error: Error, retryInMs: number): void;
}

export type ListFn = (info: KindInfo, scope: WatchScope & { signal?: AbortSignal }) => Promise<KubeList>;

/** Exponential backoff from half a second up to 30 s, with jitter so that many tabs do not retry in step. */
export function defaultRetryDelay(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** A stream that ends sooner than this without events counts as a failure, so a bad proxy cannot make us spin. */
const MIN_HEALTHY_STREAM_MS = 1_000;

export async function runWatch(
  transport: KubeTransport,
  list: ListFn,
  info: KindInfo,
  options: WatchOptions,
  retryDelay: (attempt: number) => number = defaultRetryDelay,
): Promise<void> {
  const { signal, namespace, labelSelector, fieldSelector } = options;
  const scope = { namespace, labelSelector, fieldSelector };
  let resourceVersion = options.resourceVersion;
  let failures = 0;
  let expiredInARow = 0;

  while (!signal.aborted) {
    try {
      if (resourceVersion === undefined) {
        const fresh = await list(info, { ...scope, signal });
        resourceVersion = fresh.metadata.resourceVersion ?? '';
        options.onSync(fresh);
      }
      const openedAt = Date.now();
      const response = await transport.send('GET', resourcePath(info, { namespace }), {
        query: { watch: '1', resourceVersion, allowWatchBookmarks: 'true', labelSelector, fieldSelector },
        signal,
      });
      if (!response.body) throw new ProtocolError('The watch response has no body', { method: 'GET', url: response.url });
      options.onOpen?.();
      expiredInARow = 0;
      let received = 0;
      for await (const raw of readJsonLines(response.body)) {
        const event = parseWatchEvent(raw, info);
        if (!event) continue;
        received += 1;
        if (event.type === 'ERROR') {
          throw new KubeApiError(event.object, { method: 'GET', url: response.url });
        }
        resourceVersion = event.object.metadata.resourceVersion ?? resourceVersion;
        if (event.type !== 'BOOKMARK') options.onEvent(event);
        failures = 0;
      }
      if (received === 0 && Date.now() - openedAt < MIN_HEALTHY_STREAM_MS) {
        throw new ProtocolError('The watch stream closed at once', { method: 'GET', url: response.url });
      }
      // The server ended the stream (its watch timeout): resume from where we are.
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      if (error instanceof KubeApiError && error.isGone) {
        resourceVersion = undefined;
        expiredInARow += 1;
        // A fresh list that is already too old again points at a server problem: do not spin on it.
        if (expiredInARow < 2) continue;
      }
      failures += 1;
      const delay = retryDelay(failures);
      options.onError?.(error instanceof Error ? error : new Error(String(error)), delay);
      await sleep(delay, signal);
    }
  }
}
