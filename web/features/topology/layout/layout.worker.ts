/// <reference lib="webworker" />
// The layout worker: layouts and their merging run here, off the main thread; ELK in a worker of its own.
import ELK from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { DEFAULT_LAYOUT_ALGORITHM } from './algorithms';
import { elkLevelLayouter } from './elk-level';
import { LayoutCancelled, StableLayoutEngine } from './engine';
import { parseLayoutRequest } from './protocol';
import type { LayoutRequest, LayoutResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// ELK is 1.5 MB of compiled Java that takes one to two seconds to load and start on a busy machine.
// It runs in a worker of its own (ELK's own worker script, as shipped), so that its start never
// holds up a layout that needs no ELK (big levels get a quick placement): layouts that need it
// queue in ELK's worker until it is ready.
const elk = new ELK({ workerUrl: elkWorkerUrl });
const layoutLevel = elkLevelLayouter(elk);
const engine = new StableLayoutEngine(layoutLevel);
let latestSeq = -1;
/** Layouts queued or running: while there are any, the warm-up would only delay them. */
let inFlight = 0;
let queue: Promise<void> = Promise.resolve();
self.onmessage = onRequest;
// ELK's compiled code is slow on its first runs; warming it up while the page still fetches the
// graph takes that off the first layout that needs it.
void warmUp().catch(() => undefined);

function onRequest(event: MessageEvent<unknown>): void {
  let request: LayoutRequest;
  try {
    request = parseLayoutRequest(event.data);
  } catch (error) {
    const seq = typeof (event.data as { seq?: unknown } | null)?.seq === 'number' ? (event.data as { seq: number }).seq : -1;
    post({ type: 'error', seq, message: String(error instanceof Error ? error.message : error) });
    return;
  }
  latestSeq = request.seq;
  inFlight++;
  queue = queue.then(() => run(request)).finally(() => inFlight--);
}

async function run(request: LayoutRequest): Promise<void> {
  const isStale = () => request.seq !== latestSeq;
  if (isStale()) return;
  try {
    const result = await engine.layout(request, isStale);
    post({ type: 'result', seq: request.seq, nodes: result.nodes, boxes: result.boxes }, [result.nodes.buffer, result.boxes.buffer]);
  } catch (error) {
    if (error instanceof LayoutCancelled) return;
    post({ type: 'error', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
  }
}

function post(message: LayoutResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function warmUp(): Promise<void> {
  if (inFlight > 0) return;
  const items = Array.from({ length: 12 }, (_, i) => ({ key: `n:${i}`, width: 160, height: 72 }));
  const edges = items.slice(1).map((item, i) => [`n:${Math.floor(i / 2)}`, item.key] as const);
  await layoutLevel([{ items, edges }], DEFAULT_LAYOUT_ALGORITHM);
}
