/** Walks the parts of a VirtualService the checks read, keeping each part's field path. */

import type { KubeObject } from '../kube-types';
import { type UnknownObject, asArray, asNumber, asObject, asStringArray } from '../routing/narrow';
import { MESH_GATEWAY } from '../routing/route-model';
import { resolveGatewayName } from '../routing/virtual-service';
import type { FieldPath } from './sink';

export const VS_SECTIONS = ['http', 'tcp', 'tls'] as const;

export interface RouteDestination {
  readonly destination: UnknownObject;
  readonly weight?: number;
  /** Path of the route entry (…, 'route', j). */
  readonly path: FieldPath;
}

export interface RouteList {
  readonly section: (typeof VS_SECTIONS)[number];
  readonly rule: UnknownObject;
  /** Path of the rule (spec, section, i). */
  readonly path: FieldPath;
  readonly destinations: readonly RouteDestination[];
}

export function routeLists(vs: KubeObject): RouteList[] {
  const out: RouteList[] = [];
  for (const section of VS_SECTIONS) {
    asArray(vs.spec?.[section]).forEach((raw, i) => {
      const rule = asObject(raw);
      if (!rule) return;
      const path = ['spec', section, i];
      const destinations: RouteDestination[] = [];
      asArray(rule.route).forEach((r, j) => {
        const entry = asObject(r);
        const destination = asObject(entry?.destination);
        if (destination) destinations.push({ destination, weight: asNumber(entry?.weight), path: [...path, 'route', j] });
      });
      out.push({ section, rule, path, destinations });
    });
  }
  return out;
}

/** The gateways a VirtualService is bound to, resolved to "namespace/name" or "mesh". */
export function vsGateways(vs: KubeObject): string[] {
  const namespace = vs.metadata.namespace ?? 'default';
  const gateways = asStringArray(vs.spec?.gateways);
  return gateways.length > 0 ? gateways.map((g) => resolveGatewayName(g, namespace)) : [MESH_GATEWAY];
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The candidate closest to `value` when it is a plausible typo (at most two edits), else undefined. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = distance(value, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
