/** A scriptable stand-in for `fetch`, for unit tests of the adapter. */

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export type FakeHandler = (request: RecordedRequest, signal?: AbortSignal) => Response | Promise<Response>;

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly requests: RecordedRequest[];
}

export function fakeFetch(handler: FakeHandler): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://console.test');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method: init.method ?? 'GET', url, headers, body };
    requests.push(request);
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return handler(request, init.signal ?? undefined);
  };
  return { fetch: fetchImpl, requests };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function statusResponse(code: number, reason: string, message: string, causes?: unknown[]): Response {
  return jsonResponse(
    { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message, details: causes && { causes } },
    code,
  );
}

/** A watch response whose events the test pushes one by one; aborting the request errors the stream. */
export interface ControlledStream {
  readonly response: Response;
  push(event: unknown): void;
  end(): void;
  fail(error: Error): void;
}

export function controlledStream(signal?: AbortSignal): ControlledStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  signal?.addEventListener('abort', () => {
    try {
      controller.error(new DOMException('aborted', 'AbortError'));
    } catch {
      // Already closed.
    }
  });
  return {
    response: new Response(body, { status: 200 }),
    push: (event) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`)),
    end: () => controller.close(),
    fail: (error) => controller.error(error),
  };
}

/** Resolves once `condition` holds, polling on the event loop; fails after a while instead of hanging. */
export async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
