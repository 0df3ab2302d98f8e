/** `spec.http[0].route`: a field path as people read it (and as the API server writes it). */
export function formatFieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}
