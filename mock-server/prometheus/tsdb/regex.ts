import { compileRe2 } from '../../../mesh/re2';

export { RegexError } from '../../../mesh/re2';

/** Prometheus anchors every label matcher and label_replace() regex: `^(?:re)$`. */
export function compileAnchoredRegex(source: string): RegExp {
  return compileRe2(source);
}
