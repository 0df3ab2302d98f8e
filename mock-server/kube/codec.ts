/**
 * Serialization of stored objects. Stored objects are frozen and keep their JSON bytes, so a list of
 * thousands of objects is written from those bytes, not re-encoded.
 */
import type { KubeObject } from '../../mesh/kube-types';

const bytesOf = new WeakMap<object, Buffer>();
const headBytes = new Map<string, Buffer>();

/** Puts apiVersion, kind and metadata first, as the API server does; apiVersion must lead for `encodeAs`. */
export function canonicalOrder(obj: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = obj;
  return { apiVersion, kind, metadata, ...rest };
}

/** The JSON bytes of an object; cached for frozen (stored) objects. */
export function encodeBytes(obj: KubeObject): Buffer {
  let bytes = bytesOf.get(obj);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(obj), 'utf8');
    if (Object.isFrozen(obj)) bytesOf.set(obj, bytes);
  }
  return bytes;
}

export function encode(obj: KubeObject): string {
  return Object.isFrozen(obj) ? encodeBytes(obj).toString('utf8') : JSON.stringify(obj);
}

/** `{"apiVersion":"…",` as bytes: what every canonically ordered object starts with. */
function head(apiVersion: string): Buffer {
  let bytes = headBytes.get(apiVersion);
  if (bytes === undefined) {
    bytes = Buffer.from(`{"apiVersion":${JSON.stringify(apiVersion)},`, 'utf8');
    headBytes.set(apiVersion, bytes);
  }
  return bytes;
}

/**
 * The JSON of `obj` served under another version of the same kind, as byte segments to write in
 * order; the stored bytes are shared, not copied.
 */
export function encodeSegmentsAs(obj: KubeObject, apiVersion: string): Buffer[] {
  const bytes = encodeBytes(obj);
  if (obj.apiVersion === apiVersion) return [bytes];
  const stored = head(obj.apiVersion);
  if (bytes.subarray(0, stored.length).equals(stored)) return [head(apiVersion), bytes.subarray(stored.length)];
  return [Buffer.from(JSON.stringify({ ...obj, apiVersion }), 'utf8')];
}

export function encodeAs(obj: KubeObject, apiVersion: string): string {
  const segments = encodeSegmentsAs(obj, apiVersion);
  return segments.length === 1 ? (segments[0]?.toString('utf8') ?? '') : Buffer.concat(segments).toString('utf8');
}

/** The object as served under `apiVersion`; a shallow copy, so nested parts stay shared and frozen. */
export function asVersion(obj: KubeObject, apiVersion: string): KubeObject {
  return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
}
