/** The ELK algorithms a user can choose from; 'layered' draws traffic left to right like Kiali's dagre. */
export const LAYOUT_ALGORITHMS = [
  { id: 'layered', label: 'Layered (left → right)' },
  { id: 'mrtree', label: 'Tree' },
  { id: 'force', label: 'Force' },
  { id: 'stress', label: 'Stress' },
  { id: 'radial', label: 'Radial' },
] as const;

export type LayoutAlgorithm = (typeof LAYOUT_ALGORITHMS)[number]['id'];

export const DEFAULT_LAYOUT_ALGORITHM: LayoutAlgorithm = 'layered';

export function isLayoutAlgorithm(value: unknown): value is LayoutAlgorithm {
  return LAYOUT_ALGORITHMS.some((a) => a.id === value);
}
