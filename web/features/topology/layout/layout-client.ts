import type { LayoutRequest, LayoutResponse } from './protocol';

/** The name of the performance measure around each layout round trip (read by the bench). */
export const LAYOUT_MEASURE = 'meshdeck:topology-layout';

export interface LayoutRoundTrip {
  readonly nodes: Float64Array;
  readonly boxes: Float64Array;
  readonly ms: number;
}

interface Waiting {
  readonly seq: number;
  readonly startMark: string;
  resolve(result: LayoutRoundTrip | undefined): void;
  reject(error: Error): void;
}

/**
 * The main thread's side of the layout worker: one worker per page, created on first use (so its
 * chunk and ELK load only with the topology), kept across screens so positions stay stable.
 * Only the newest request is answered; an older one resolves to undefined.
 */
class LayoutClient {
  private worker: Worker | undefined;
  private waiting: Waiting | undefined;
  private nextSeq = 1;

  layout(request: Omit<LayoutRequest, 'seq'>): Promise<LayoutRoundTrip | undefined> {
    const seq = this.nextSeq++;
    this.waiting?.resolve(undefined);
    const startMark = `${LAYOUT_MEASURE}:start:${seq}`;
    performance.mark(startMark);
    return new Promise((resolve, reject) => {
      this.waiting = { seq, startMark, resolve, reject };
      this.ensureWorker().postMessage({ ...request, seq });
    });
  }

  /**
   * Starts the worker (and ELK's download) now. The page calls it before its data queries go out:
   * slow Prometheus queries would otherwise hold the browser's few connections to the server while
   * the worker script waits in line behind them.
   */
  warm(): void {
    this.ensureWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'topology-layout' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => this.answer(event.data);
    worker.onerror = (event) => {
      this.waiting?.reject(new Error(`The layout worker failed: ${event.message || 'it could not start'}. Reload the page to try again.`));
      this.waiting = undefined;
      worker.terminate();
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }

  private answer(response: LayoutResponse): void {
    const waiting = this.waiting;
    if (!waiting || waiting.seq !== response.seq) return;
    this.waiting = undefined;
    const measure = performance.measure(LAYOUT_MEASURE, { start: waiting.startMark });
    performance.clearMarks(waiting.startMark);
    if (response.type === 'error') waiting.reject(new Error(`Layout failed: ${response.message}`));
    else waiting.resolve({ nodes: response.nodes, boxes: response.boxes, ms: measure.duration });
  }
}

let shared: LayoutClient | undefined;

export function layoutClient(): LayoutClient {
  return (shared ??= new LayoutClient());
}
