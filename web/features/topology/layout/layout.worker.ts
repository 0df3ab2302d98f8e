/// <reference lib="webworker" />
// The layout worker: all ELK work and merging happens here, off the main thread.
import ELK from 'elkjs/lib/elk.bundled.js';
import { DEFAULT_LAYOUT_ALGORITHM } from './algorithms';
import { elkLevelLayouter } from './elk-level';
import { LayoutCancelled, StableLayoutEngine } from './engine';
import { parseLayoutRequest } from './protocol';
import type { LayoutRequest, LayoutResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const layoutLevel = elkLevelLayouter(new ELK());
const engine = new StableLayoutEngine(layoutLevel);
let latestSeq = -1;
// ELK's compiled code is slow on its first runs; warming it up while the page still fetches the
// graph takes that off the first layout the user waits for.
let queue: Promise<void> = warmUp().catch(() => undefined);

// elk.bundled.js claims the worker's onmessage when it loads inside a worker; this takes it back.
self.onmessage = (event: MessageEvent<unknown>) => {
  let request: LayoutRequest;
  try {
    request = parseLayoutRequest(event.data);
  } catch (error) {
    const seq = typeof (event.data as { seq?: unknown } | null)?.seq === 'number' ? (event.data as { seq: number }).seq : -1;
    post({ type: 'error', seq, message: String(error instanceof Error ? error.message : error) });
    return;
  }
  latestSeq = request.seq;
  queue = queue.then(() => run(request));
};

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
  const items = Array.from({ length: 12 }, (_, i) => ({ key: `n:${i}`, width: 160, height: 72 }));
  const edges = items.slice(1).map((item, i) => [`n:${Math.floor(i / 2)}`, item.key] as const);
  await layoutLevel([{ items, edges }], DEFAULT_LAYOUT_ALGORITHM);
}
