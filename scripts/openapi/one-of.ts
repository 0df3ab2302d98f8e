import type { OpenApiSchema } from '../../mock-server/kube/openapi/schema-types';

/**
 * Rebuilds the "at most one of these fields" constraints that Istio's CRDs express with oneOf.
 *
 * The TypeScript models encode each such group as a union of object types that differ only in
 * which field is required, and the checker multiplies several groups into one union. Given the
 * required-field set of every union member, this recovers the groups (fields that never appear
 * together) and returns the schema keywords the CRD uses: a oneOf per group, with a "none of
 * them" branch when a member requires none of the group's fields.
 */
export function oneOfConstraints(memberRequired: readonly (readonly string[])[]): Pick<OpenApiSchema, 'oneOf' | 'allOf'> {
  const common = intersect(memberRequired);
  const extras = uniqueSets(memberRequired.map((set) => set.filter((p) => !common.has(p))));
  const fields = [...new Set(extras.flat())].sort();
  if (fields.length === 0) return {};

  const together = (a: string, b: string) => extras.some((set) => set.includes(a) && set.includes(b));
  const groups: string[][] = [];
  for (const field of fields) {
    const group = groups.find((g) => g.every((other) => !together(field, other)));
    if (group) group.push(field);
    else groups.push([field]);
  }

  const oneOfs = groups.map((group) => {
    const branches: OpenApiSchema[] = group.map((field) => ({ required: [field] }));
    const noneAllowed = extras.some((set) => !set.some((field) => group.includes(field)));
    return noneAllowed ? [{ not: { anyOf: branches } }, ...branches] : branches;
  });
  if (oneOfs.length === 1) return { oneOf: oneOfs[0] };
  return { allOf: oneOfs.map((oneOf) => ({ oneOf })) };
}

/** The fields every member requires. */
export function intersect(sets: readonly (readonly string[])[]): Set<string> {
  const [first, ...rest] = sets;
  return new Set((first ?? []).filter((p) => rest.every((set) => set.includes(p))));
}

function uniqueSets(sets: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const set of sets) {
    const sorted = [...set].sort();
    seen.set(sorted.join('\0'), sorted);
  }
  return [...seen.values()];
}
