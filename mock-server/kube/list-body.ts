/**
 * The body of a JSON list, streamed from the stored objects' cached bytes in fixed-size chunks:
 * a list of 10,000 pods is megabytes, and one contiguous copy of it costs more than the listing.
 */
import { Readable } from 'node:stream';
import type { KubeObject } from '../../mesh/kube-types';
import { encodeSegmentsAs } from './codec';

const CHUNK_BYTES = 256 * 1024;
const COMMA = Buffer.from(',');

export interface EncodedBody {
  readonly stream: Readable;
  /** Total bytes, for Content-Length. */
  readonly length: number;
}

/** `head` + the items as `apiVersion`, comma-separated + `tail`. */
export function listBody(head: string, items: readonly KubeObject[], apiVersion: string, tail: string): EncodedBody {
  const segments: Buffer[] = [Buffer.from(head, 'utf8')];
  items.forEach((obj, index) => {
    if (index > 0) segments.push(COMMA);
    segments.push(...encodeSegmentsAs(obj, apiVersion));
  });
  segments.push(Buffer.from(tail, 'utf8'));
  const length = segments.reduce((sum, segment) => sum + segment.length, 0);
  let segmentIndex = 0;
  let segmentOffset = 0;
  let remaining = length;
  const stream = new Readable({
    read() {
      if (remaining === 0) {
        this.push(null);
        return;
      }
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, remaining));
      let filled = 0;
      while (filled < chunk.length) {
        const segment = segments[segmentIndex];
        if (!segment) break;
        const copied = segment.copy(chunk, filled, segmentOffset);
        filled += copied;
        segmentOffset += copied;
        if (segmentOffset >= segment.length) {
          segmentIndex += 1;
          segmentOffset = 0;
        }
      }
      remaining -= filled;
      this.push(chunk);
    },
  });
  return { stream, length };
}
