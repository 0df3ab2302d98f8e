import { Badge } from '../../ui';
import type { ConfigReference } from '../../../mesh/references';

/** Short kind tags ("VS", "DR", "AP") for the config that points at a service, with counts. */
export function abbreviation(reference: ConfigReference): string {
  return reference.kind.shortNames[0]?.toUpperCase() ?? reference.kind.kind;
}

export function ReferenceBadges({ references }: { references: readonly ConfigReference[] }) {
  if (references.length === 0) return <span className="subtle">—</span>;
  const counts = new Map<string, number>();
  for (const reference of references) counts.set(abbreviation(reference), (counts.get(abbreviation(reference)) ?? 0) + 1);
  const title = references.map((r) => `${r.kind.kind} ${r.namespace}/${r.name} (${r.via})`).join('\n');
  return (
    <span className="service-refs" title={title}>
      {[...counts].map(([label, count]) => (
        <Badge key={label} tone="accent">
          {label}
          {count > 1 ? ` ×${count}` : ''}
        </Badge>
      ))}
    </span>
  );
}
