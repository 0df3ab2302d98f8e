/** Paths of screens that other screens link to; the route table in routes.tsx serves them. */
import { kindId } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';

/** An Istio or Gateway API object's detail page; cluster-scoped kinds have no namespace segment. */
export function configPath(kind: KindInfo, namespace: string | undefined, name: string): string {
  const id = encodeURIComponent(kindId(kind));
  return kind.namespaced && namespace
    ? `/config/${id}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`
    : `/config/${id}/${encodeURIComponent(name)}`;
}
