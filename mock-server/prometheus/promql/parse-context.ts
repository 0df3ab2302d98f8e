import type { SyntaxNode } from '@lezer/common';
import { ParseError } from './errors';

/** The query text plus helpers shared by the tree-to-AST builders. */
export class ParseContext {
  readonly query: string;

  constructor(query: string) {
    this.query = query;
  }

  text(node: SyntaxNode): string {
    return this.query.slice(node.from, node.to);
  }

  /** Prometheus-style "line:column" of an offset (both 1-based). */
  position(offset: number): string {
    const before = this.query.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return `${line}:${column}`;
  }

  error(node: SyntaxNode | number, message: string): ParseError {
    const offset = typeof node === 'number' ? node : node.from;
    return new ParseError(`${this.position(offset)}: parse error: ${message}`);
  }
}

/** The children of a node that are expressions (the grammar's `Expr` group). */
export function exprChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.type.is('Expr')) out.push(child);
  }
  return out;
}

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) out.push(child);
  return out;
}
