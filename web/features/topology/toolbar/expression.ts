/** A find/hide expression from the URL, parsed once, with an error message that names the column. */
import { parseExpression } from '../../../../mesh/topology/find';
import type { FindExpr } from '../../../../mesh/topology/find';

export type ParsedExpression =
  | { readonly state: 'empty' }
  | { readonly state: 'ok'; readonly expr: FindExpr }
  | { readonly state: 'error'; readonly message: string; readonly from: number; readonly to: number };

export function parseFindText(text: string): ParsedExpression {
  if (!text.trim()) return { state: 'empty' };
  const result = parseExpression(text);
  if (result.ok) return { state: 'ok', expr: result.expr };
  const { from, to, message } = result.error;
  return { state: 'error', message: `Column ${from + 1}: ${message}`, from, to };
}
