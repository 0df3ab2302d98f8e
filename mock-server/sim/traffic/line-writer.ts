/** Writes one report line's share of an edge's traffic into the standard Istio metric families. */
import {
  DURATION_BUCKETS_MS,
  ISTIO_REQUESTS_TOTAL,
  ISTIO_REQUEST_BYTES,
  ISTIO_REQUEST_DURATION_MILLISECONDS,
  ISTIO_REQUEST_MESSAGES_TOTAL,
  ISTIO_RESPONSE_BYTES,
  ISTIO_RESPONSE_MESSAGES_TOTAL,
  ISTIO_TCP_CONNECTIONS_CLOSED_TOTAL,
  ISTIO_TCP_CONNECTIONS_OPENED_TOTAL,
  ISTIO_TCP_RECEIVED_BYTES_TOTAL,
  ISTIO_TCP_SENT_BYTES_TOTAL,
} from '../../../mesh/telemetry';
import type { SimCall, SimWorkload } from '../model';
import { istioLabels } from './istio-labels';
import { latencyDistribution, pointDistribution } from './latency';
import { histogramShape, observe, type MetricSink } from './metric-sink';
import type { ReportLine } from './plan-types';

/** Adds `n` requests (connections, for TCP) to the line's series; `n` is the line's share already applied. */
export type LineWriter = (n: number) => void;

/** Typical sizes, in bytes, headers included as Istio counts them. */
const SIZES = {
  http: { request: 420, requestWithBody: 1_200, response: 3_500 },
  grpc: { request: 260, requestWithBody: 260, response: 900 },
  tcp: { request: 600, requestWithBody: 600, response: 2_400 },
};

/** What makes two lines write the same series the same way; the share is not part of it. */
export function lineWriterKey(edgeKey: string, line: ReportLine): string {
  return [
    edgeKey,
    line.reporter,
    line.destination ? `${line.destination.namespace}/${line.destination.name}` : '',
    line.service.host,
    line.service.name,
    line.service.namespace,
    line.responseCode,
    line.grpcStatus,
    line.responseFlags,
    line.security,
    line.peerAuthenticated,
    line.latency.p50Ms,
    line.latency.p99Ms,
    line.delayMs,
  ].join('|');
}

export function lineWriter(sink: MetricSink, caller: SimWorkload | undefined, call: SimCall, line: ReportLine): LineWriter {
  const labels = istioLabels(caller, call, line);
  const requestBytes = call.method === 'POST' || call.method === 'PUT' ? SIZES[call.protocol].requestWithBody : SIZES[call.protocol].request;
  const responseBytes = line.responseCode >= 400 ? 100 : SIZES[call.protocol].response;
  if (call.protocol === 'tcp') {
    const opened = sink.counter(ISTIO_TCP_CONNECTIONS_OPENED_TOTAL, labels);
    const closed = sink.counter(ISTIO_TCP_CONNECTIONS_CLOSED_TOTAL, labels);
    const sent = sink.counter(ISTIO_TCP_SENT_BYTES_TOTAL, labels);
    const received = sink.counter(ISTIO_TCP_RECEIVED_BYTES_TOTAL, labels);
    return (n) => {
      opened.add(n);
      closed.add(n);
      sent.add(n * responseBytes);
      received.add(n * requestBytes);
    };
  }
  const total = sink.counter(ISTIO_REQUESTS_TOTAL, labels);
  const duration = sink.histogram(ISTIO_REQUEST_DURATION_MILLISECONDS, labels, DURATION_BUCKETS_MS);
  // Sizes are a fixed value per call, so their buckets would say nothing _sum/_count do not; leaving them
  // out saves 40 series per line at scale.
  const requestSize = sink.histogram(ISTIO_REQUEST_BYTES, labels, []);
  const responseSize = sink.histogram(ISTIO_RESPONSE_BYTES, labels, []);
  const messages = call.protocol === 'grpc' ? [sink.counter(ISTIO_REQUEST_MESSAGES_TOTAL, labels), sink.counter(ISTIO_RESPONSE_MESSAGES_TOTAL, labels)] : [];
  const latency = histogramShape(duration, latencyDistribution(line.latency, line.delayMs));
  const requestSizes = histogramShape(requestSize, pointDistribution(requestBytes));
  const responseSizes = histogramShape(responseSize, pointDistribution(responseBytes));
  return (n) => {
    total.add(n);
    observe(duration, n, latency);
    observe(requestSize, n, requestSizes);
    observe(responseSize, n, responseSizes);
    for (const counter of messages) counter.add(n);
  };
}
