import { describe, expect, it } from 'vitest';
import { fetchPodLog, followPodLog, readAccessLog } from './access-log';
import { fakeFetch, statusResponse } from './fake-fetch';
import type { FakeHandler } from './fake-fetch';
import { KubeApiError } from './errors';
import { KubeClient } from './kube';

const OUTBOUND =
  '[2026-01-01T12:00:03.409Z] "GET /reviews/0 HTTP/1.1" 200 - via_upstream - "-" 0 358 9 8 "-" "curl/8.5.0" ' +
  '"8b3d4f6a-6c4b-4a8e-9d7e-0c8f6f3b2a11" "reviews:9080" "10.244.1.15:9080" outbound|9080|v1|reviews.bookinfo.svc.cluster.local ' +
  '10.244.2.19:60236 10.96.81.152:9080 10.244.2.19:55058 - default';
const TCP = '[1970-01-01T00:00:00.000Z] "- - -" 0 UF,URX - - "-" 0 0 1 - "-" "-" "-" "-" "-" - - - - - -';

function setup(handler: FakeHandler) {
  const fake = fakeFetch(handler);
  return { transport: new KubeClient({ fetch: fake.fetch }).transport, requests: fake.requests };
}

describe('pod log reads', () => {
  it('asks for the istio-proxy container with tailLines, sinceSeconds and timestamps, and parses the lines', async () => {
    const { transport, requests } = setup(() => new Response(`2026-01-01T12:00:03.41Z ${OUTBOUND}\n2026-01-01T12:00:04Z ${TCP}\n`, { headers: { 'Content-Type': 'text/plain' } }));
    const lines = await readAccessLog(transport, 'bookinfo', 'reviews-v1-abc', { tailLines: 100, sinceSeconds: 600, timestamps: true });
    const request = requests[0];
    expect(request?.url.pathname).toBe('/k8s/api/v1/namespaces/bookinfo/pods/reviews-v1-abc/log');
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({ container: 'istio-proxy', tailLines: '100', sinceSeconds: '600', timestamps: 'true' });
    expect(lines.map((l) => [l.logTime, l.entry?.code])).toEqual([['2026-01-01T12:00:03.41Z', 200], ['2026-01-01T12:00:04Z', 0]]);
    await expect(fetchPodLog(transport, 'bookinfo', 'p', { tailLines: 0 })).rejects.toBeInstanceOf(RangeError);
  });

  it('reports a missing pod as the API server does', async () => {
    const { transport } = setup(() => statusResponse(404, 'NotFound', 'pods "gone" not found'));
    await expect(fetchPodLog(transport, 'bookinfo', 'gone')).rejects.toBeInstanceOf(KubeApiError);
  });

  it('follows the log as whole lines across chunk boundaries, until aborted', async () => {
    let push: ((text: string) => void) | undefined;
    const { transport, requests } = setup((_request, signal) => {
      const raw = new TransformStream<Uint8Array, Uint8Array>();
      const writer = raw.writable.getWriter();
      const encoder = new TextEncoder();
      push = (text) => void writer.write(encoder.encode(text));
      signal?.addEventListener('abort', () => void writer.abort(new DOMException('aborted', 'AbortError')).catch(() => undefined));
      return new Response(raw.readable);
    });
    const abort = new AbortController();
    const lines = await followPodLog(transport, 'bookinfo', 'p', { signal: abort.signal });
    expect(requests[0]?.url.searchParams.get('follow')).toBe('true');
    const reader = lines.getReader();
    push?.(`${OUTBOUND.slice(0, 40)}`);
    push?.(`${OUTBOUND.slice(40)}\n${TCP}\n`);
    expect((await reader.read()).value).toBe(OUTBOUND);
    expect((await reader.read()).value).toBe(TCP);
    abort.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });
});
