/** A pod's istio-proxy log through the Kubernetes API (pods/log): read once, or followed as a stream of lines. */
import { ProtocolError } from './errors';
import type { KubeTransport, Query } from './http';
import { parseAccessLog } from '../../mesh/telemetry/access-log';
import type { AccessLogLine } from '../../mesh/telemetry/access-log';

export const PROXY_CONTAINER = 'istio-proxy';

export interface PodLogOptions {
  /** Default: istio-proxy, whose log is the access log. */
  container?: string;
  /** Only the last n lines. */
  tailLines?: number;
  /** Only lines written in the last n seconds. */
  sinceSeconds?: number;
  /** Prefix each line with the time the kubelet received it. */
  timestamps?: boolean;
  signal?: AbortSignal;
}

function podLogPath(namespace: string, pod: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`;
}

function positive(name: string, value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return String(value);
}

function logQuery(options: PodLogOptions, follow: boolean): Query {
  return {
    container: options.container ?? PROXY_CONTAINER,
    tailLines: positive('tailLines', options.tailLines),
    sinceSeconds: positive('sinceSeconds', options.sinceSeconds),
    timestamps: options.timestamps ? 'true' : undefined,
    follow: follow ? 'true' : undefined,
  };
}

/** The log as text. */
export async function fetchPodLog(transport: KubeTransport, namespace: string, pod: string, options: PodLogOptions = {}): Promise<string> {
  const response = await transport.send('GET', podLogPath(namespace, pod), { query: logQuery(options, false), signal: options.signal });
  return response.text();
}

/** The log parsed line by line; lines not in Istio's default format are kept raw. */
export async function readAccessLog(
  transport: KubeTransport,
  namespace: string,
  pod: string,
  options: PodLogOptions = {},
): Promise<AccessLogLine[]> {
  return parseAccessLog(await fetchPodLog(transport, namespace, pod, options), { timestamps: options.timestamps });
}

/**
 * Follows the log: what there is (within tailLines / sinceSeconds), then each new line as it is
 * written. Ends when the server closes; abort `options.signal` (or cancel the stream) to stop.
 */
export async function followPodLog(
  transport: KubeTransport,
  namespace: string,
  pod: string,
  options: PodLogOptions = {},
): Promise<ReadableStream<string>> {
  const path = podLogPath(namespace, pod);
  const response = await transport.send('GET', path, { query: logQuery(options, true), signal: options.signal });
  if (!response.body) throw new ProtocolError(`GET ${path} answered without a body to stream`, { method: 'GET', url: path });
  return response.body.pipeThrough(new TextDecoderStream()).pipeThrough(splitLines());
}

/** Re-chunks text into whole lines, without their line breaks; blank lines are dropped. */
export function splitLines(): TransformStream<string, string> {
  let buffered = '';
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') controller.enqueue(line.replace(/\r$/, ''));
    },
    flush(controller) {
      if (buffered.trim() !== '') controller.enqueue(buffered.replace(/\r$/, ''));
    },
  });
}
