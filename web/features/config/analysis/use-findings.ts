/** Mesh analysis of one object against the live mesh, the object possibly being a draft of a live one. */
import { useEffect, useMemo, useState } from 'react';
import { analyzeMesh, refOf } from '../../../../mesh/analysis';
import type { Finding } from '../../../../mesh/analysis';
import type { KubeObject } from '../../../api';
import { findingsByObject, objectKey, relevantNamespaces } from './findings';
import { useMeshSnapshot } from './use-mesh-snapshot';

export interface FindingsResult {
  readonly findings: readonly Finding[];
  /** The object the findings are about (analysis trails the typing a little). */
  readonly analyzed: KubeObject | undefined;
  readonly isLoading: boolean;
}

/** Findings about `object`; when it is a draft, it stands in for `replacing` in the mesh. */
export function useFindingsFor(object: KubeObject | undefined, replacing?: KubeObject): FindingsResult {
  const analyzed = useSettled(object, SETTLE_MS);
  const namespaceKey = relevantNamespaces(analyzed ?? replacing ?? EMPTY).join(',');
  const namespaces = useMemo(() => namespaceKey.split(',').filter(Boolean), [namespaceKey]);
  const { snapshot, isLoading } = useMeshSnapshot(namespaces, Boolean(object));
  const findings = useMemo(() => {
    if (!analyzed || isLoading) return [];
    const replaced = objectKey(refOf(replacing ?? analyzed));
    const objects = [...snapshot.objects.filter((other) => objectKey(refOf(other)) !== replaced), analyzed];
    return analyzeMesh({ objects }, { only: [refOf(analyzed)] });
  }, [analyzed, isLoading, replacing, snapshot]);
  return { findings, analyzed, isLoading };
}

const SETTLE_MS = 250;

/** The value once it stopped changing for `delay` ms (the first value at once). */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

const EMPTY: KubeObject = { apiVersion: 'v1', kind: '', metadata: {} };

/** Findings about every object, by object key (see objectKey), for lists. `namespaces` is a stable array. */
export function useFindingsByObject(namespaces: readonly string[]): ReadonlyMap<string, Finding[]> | undefined {
  const { snapshot, isLoading } = useMeshSnapshot(namespaces);
  const settled = useSettled(snapshot, SETTLE_MS);
  return useMemo(() => (isLoading ? undefined : findingsByObject(analyzeMesh(settled))), [isLoading, settled]);
}
