/**
 * Serialization of stored objects. Stored objects are frozen and keep their JSON text, so a list
 * of thousands of objects is a string concatenation, not a re-encoding.
 */
import type { KubeObject } from '../../mesh/kube-types';

const jsonOf = new WeakMap<object, string>();

/** Puts apiVersion, kind and metadata first, as the API server does; apiVersion must lead for `encodeAs`. */
export function canonicalOrder(obj: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = obj;
  return { apiVersion, kind, metadata, ...rest };
}

export function encode(obj: KubeObject): string {
  let json = jsonOf.get(obj);
  if (json === undefined) {
    json = JSON.stringify(obj);
    if (Object.isFrozen(obj)) jsonOf.set(obj, json);
  }
  return json;
}

/** The JSON of `obj` as served under another version of the same kind. */
export function encodeAs(obj: KubeObject, apiVersion: string): string {
  const json = encode(obj);
  if (obj.apiVersion === apiVersion) return json;
  const head = `{"apiVersion":${JSON.stringify(obj.apiVersion)},`;
  if (json.startsWith(head)) return `{"apiVersion":${JSON.stringify(apiVersion)},${json.slice(head.length)}`;
  return JSON.stringify({ ...obj, apiVersion });
}

/** The object as served under `apiVersion`; a shallow copy, so nested parts stay shared and frozen. */
export function asVersion(obj: KubeObject, apiVersion: string): KubeObject {
  return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
}
