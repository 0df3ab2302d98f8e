/** The syntax tree of a find/hide expression. Positions are 0-based offsets into the text, `to` exclusive. */

export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~';

export interface Span {
  readonly from: number;
  readonly to: number;
}

/** A literal: numbers are already in the attribute's base unit (percent, ms, requests/s, bytes/s). */
export type FindValue =
  | (Span & { readonly kind: 'number'; readonly value: number; readonly text: string })
  | (Span & { readonly kind: 'string'; readonly value: string; readonly text: string });

export type FindExpr =
  | (Span & { readonly type: 'and' | 'or'; readonly left: FindExpr; readonly right: FindExpr })
  | (Span & { readonly type: 'not'; readonly operand: FindExpr })
  /** A bare boolean attribute or badge, e.g. `mtls`, `fi`. */
  | (Span & { readonly type: 'flag'; readonly attribute: string })
  | (Span & { readonly type: 'compare'; readonly attribute: string; readonly op: CompareOp; readonly value: FindValue });

export interface FindError extends Span {
  readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly expr: FindExpr } | { readonly ok: false; readonly error: FindError };
