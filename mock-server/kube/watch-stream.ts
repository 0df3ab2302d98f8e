/**
 * `?watch=true`: a chunked stream of newline-delimited watch events. Starts after the requested
 * resourceVersion, or with the current state as ADDED events when none (or "0") is given.
 */
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { KubeObject, Status } from '../../mesh/kube-types';
import { requestApiVersion, type ApiContext, type ApiRequest } from './api-context';
import { encodeAs } from './codec';
import { ApiError, badRequest, statusFromUnknown } from './errors';
import type { ObjectFilter } from './object-filter';
import { parseIncludeObject, partialObjectMetadata, toTable } from './table';
import type { ChangeType } from './watch-hub';

type EventType = ChangeType | 'BOOKMARK';

/** A client this far behind is dropped; it reconnects and resumes from its last resourceVersion. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** Without timeoutSeconds the API server ends a watch after a random 30 to 60 minutes. */
const DEFAULT_MIN_TIMEOUT_SECONDS = 1800;

function eventEncoder(context: ApiContext, request: ApiRequest): (type: EventType, obj: KubeObject) => string {
  const apiVersion = requestApiVersion(request);
  const { format } = request;
  const includeObject = parseIncludeObject(request.query.string('includeObject'));
  return (type, obj) => {
    if (type === 'BOOKMARK' || (format.kind !== 'table' && format.kind !== 'metadata')) {
      return `{"type":"${type}","object":${encodeAs(obj, apiVersion)}}\n`;
    }
    const object =
      format.kind === 'table'
        ? toTable(request.target.info, [obj], {
            tableVersion: format.version,
            apiVersion,
            includeObject,
            listMeta: { resourceVersion: obj.metadata.resourceVersion },
            now: context.now(),
          })
        : partialObjectMetadata(obj, format.version);
    return `${JSON.stringify({ type, object })}\n`;
  };
}

/** undefined: start with the current state. */
function startingResourceVersion(request: ApiRequest): number | undefined {
  const value = request.query.string('resourceVersion');
  if (value === undefined || value === '' || value === '0' || request.query.flag('sendInitialEvents')) return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`resourceVersion: Invalid value: "${value}": must be a non-negative integer`);
  return Number(value);
}

function bookmark(request: ApiRequest, resourceVersion: number, initialEventsEnd: boolean): KubeObject {
  const metadata: KubeObject['metadata'] = { resourceVersion: String(resourceVersion) };
  if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return { apiVersion: requestApiVersion(request), kind: request.target.info.kind, metadata };
}

function timeoutMs(request: ApiRequest): number {
  const seconds = request.query.integer('timeoutSeconds');
  if (seconds !== undefined && seconds > 0) return seconds * 1000;
  return (DEFAULT_MIN_TIMEOUT_SECONDS + Math.random() * DEFAULT_MIN_TIMEOUT_SECONDS) * 1000;
}

class WatchStream {
  private stopWatching: () => void = () => undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private ended = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly encode: (type: EventType, obj: KubeObject) => string,
    private readonly registry: Set<{ close(): void }>,
  ) {
    registry.add(this);
    response.on('close', () => this.end());
  }

  send(type: EventType, obj: KubeObject): void {
    this.write(this.encode(type, obj));
  }

  /** Ends the stream with an ERROR event, as the API server reports a watch it cannot serve. */
  fail(status: Status): void {
    this.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    this.end();
  }

  private write(line: string): void {
    if (this.ended || this.response.destroyed) return;
    this.response.write(line);
    if (this.response.writableLength > MAX_BUFFERED_BYTES) this.end();
  }

  /** What to undo when the stream ends; undone at once if it already has (a client too slow for the initial state). */
  onEnd(stop: () => void): void {
    if (this.ended) stop();
    else this.stopWatching = stop;
  }

  every(ms: number, task: () => void): void {
    if (!this.ended) this.timers.push(setInterval(task, ms));
  }

  after(ms: number, task: () => void): void {
    if (!this.ended) this.timers.push(setTimeout(task, ms));
  }

  /** Ends the stream and drops its connection, so a closing server does not wait on the client. */
  close(): void {
    const { response } = this;
    response.once('finish', () => response.socket?.destroy());
    this.end();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.registry.delete(this);
    this.stopWatching();
    for (const timer of this.timers) clearTimeout(timer);
    if (!this.response.writableEnded) this.response.end();
  }
}

export function streamWatch(
  reply: FastifyReply,
  context: ApiContext,
  request: ApiRequest,
  filter: ObjectFilter | undefined,
): void {
  const since = startingResourceVersion(request);
  const timeout = timeoutMs(request);
  const bookmarks = request.query.flag('allowWatchBookmarks');
  const { store } = context;
  const { info, namespace } = request.target;

  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  response.flushHeaders();
  const stream = new WatchStream(response, eventEncoder(context, request), context.openWatches);
  const subscription = { namespace, filter, send: (type: EventType, obj: KubeObject) => stream.send(type, obj) };
  try {
    if (since === undefined) {
      const current = store.resourceVersion;
      for (const obj of store.list(info, { namespace, filter }).items) stream.send('ADDED', obj);
      if (request.query.flag('sendInitialEvents') && bookmarks) stream.send('BOOKMARK', bookmark(request, current, true));
      stream.onEnd(store.watch(info, subscription, current));
    } else {
      stream.onEnd(store.watch(info, subscription, since));
    }
  } catch (error) {
    stream.fail(statusFromUnknown(error));
    if (!(error instanceof ApiError)) throw error;
    return;
  }
  if (bookmarks) stream.every(context.bookmarkIntervalMs, () => stream.send('BOOKMARK', bookmark(request, store.resourceVersion, false)));
  stream.after(timeout, () => stream.end());
}
