/**
 * Which of nodes and edges an expression can match. `and` between a node-only and an edge-only condition
 * can match nothing (node attributes match nodes, edge attributes match edges), so it is reported.
 */
import type { FindError, FindExpr } from './ast';
import { findAttribute } from './attributes';

interface Scope {
  readonly node: boolean;
  readonly edge: boolean;
}

function leafScope(attribute: string): Scope {
  const appliesTo = findAttribute(attribute)?.appliesTo ?? 'both';
  return { node: appliesTo !== 'edge', edge: appliesTo !== 'node' };
}

function scopeOf(expr: FindExpr, errors: FindError[]): Scope {
  switch (expr.type) {
    case 'flag':
    case 'compare':
      return leafScope(expr.attribute);
    case 'not':
      return scopeOf(expr.operand, errors);
    case 'or': {
      const left = scopeOf(expr.left, errors);
      const right = scopeOf(expr.right, errors);
      return { node: left.node || right.node, edge: left.edge || right.edge };
    }
    case 'and': {
      const left = scopeOf(expr.left, errors);
      const right = scopeOf(expr.right, errors);
      const scope = { node: left.node && right.node, edge: left.edge && right.edge };
      if (!scope.node && !scope.edge) {
        errors.push({
          message: `'and' joins a node condition and an edge condition (columns ${expr.from + 1}–${expr.to}), which nothing can satisfy: use 'or', or two searches`,
          from: expr.from,
          to: expr.to,
        });
      }
      return scope;
    }
  }
}

export function scopeError(expr: FindExpr): FindError | undefined {
  const errors: FindError[] = [];
  scopeOf(expr, errors);
  return errors[0];
}

/** Whether the expression can match nodes, edges, or both (to skip a pass). */
export function expressionScope(expr: FindExpr): Scope {
  return scopeOf(expr, []);
}
