import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import type { Aggregate, AggregateOp, Binary, BinaryOp, Expr, VectorMatching } from './ast';
import { checkExpr } from './check';
import { UnsupportedError } from './errors';
import { parseNumberLiteral } from './literals';
import { children, exprChildren, ParseContext } from './parse-context';
import { reportSyntaxError } from './parse-errors';
import {
  applyAt,
  applyOffset,
  atModifier,
  buildVectorSelector,
  offsetMs,
  positiveDurationMs,
  stringValue,
} from './parse-selectors';

/** Parses and type-checks a PromQL expression. Throws ParseError / UnsupportedError. */
export function parseQuery(query: string): Expr {
  const ctx = new ParseContext(query);
  if (query.replace(/#[^\n]*/g, '').trim() === '') throw ctx.error(0, 'no expression found in input');
  const tree = parser.parse(query);
  reportSyntaxError(ctx, tree);
  const top = exprChildren(tree.topNode)[0];
  if (top === undefined) throw ctx.error(0, 'no expression found in input');
  const expr = buildExpr(ctx, top);
  checkExpr(expr, (message) => ctx.error(top, message));
  return expr;
}

const BINARY_OPS: Record<string, BinaryOp> = {
  Pow: '^',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Atan2: 'atan2',
  Add: '+',
  Sub: '-',
  Eql: '==',
  Neq: '!=',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
  And: 'and',
  Or: 'or',
  Unless: 'unless',
};

function buildExpr(ctx: ParseContext, node: SyntaxNode): Expr {
  switch (node.name) {
    case 'NumberDurationLiteral':
      return { kind: 'number', value: numberValue(ctx, node) };
    case 'StringLiteral':
      return { kind: 'string', value: stringValue(ctx, node) };
    case 'VectorSelector':
      return buildVectorSelector(ctx, node);
    case 'ParenExpr':
      return { kind: 'paren', expr: buildExpr(ctx, onlyExpr(ctx, node)) };
    case 'UnaryExpr': {
      const op = ctx.text(node.getChild('UnaryOp') as SyntaxNode) === '-' ? '-' : '+';
      const inner = buildExpr(ctx, onlyExpr(ctx, node));
      if (inner.kind === 'number') return { kind: 'number', value: op === '-' ? -inner.value : inner.value };
      return { kind: 'unary', op, expr: inner };
    }
    case 'MatrixSelector':
      return buildMatrixSelector(ctx, node);
    case 'SubqueryExpr':
      return buildSubquery(ctx, node);
    case 'OffsetExpr':
      return applyOffset(ctx, node, buildExpr(ctx, onlyExpr(ctx, node)), offsetMs(ctx, node.getChild('OffsetDurationExpr') as SyntaxNode));
    case 'StepInvariantExpr':
      return applyAt(ctx, node, buildExpr(ctx, onlyExpr(ctx, node)), atModifier(ctx, node));
    case 'FunctionCall':
      return buildCall(ctx, node);
    case 'AggregateExpr':
      return buildAggregate(ctx, node);
    case 'BinaryExpr':
      return buildBinary(ctx, node);
    case 'AnchoredExpr':
    case 'SmoothedExpr':
      throw new UnsupportedError(`"${node.name === 'AnchoredExpr' ? 'anchored' : 'smoothed'}" range modifier`);
    default:
      throw ctx.error(node, `unexpected ${node.name}`);
  }
}

function onlyExpr(ctx: ParseContext, node: SyntaxNode): SyntaxNode {
  const inner = exprChildren(node)[0];
  if (inner === undefined) throw ctx.error(node, 'unexpected end of input');
  return inner;
}

function numberValue(ctx: ParseContext, node: SyntaxNode): number {
  const value = parseNumberLiteral(ctx.text(node));
  if (value === null) throw ctx.error(node, `bad number or duration syntax: "${ctx.text(node)}"`);
  return value;
}

function buildMatrixSelector(ctx: ParseContext, node: SyntaxNode): Expr {
  const inner = buildExpr(ctx, onlyExpr(ctx, node));
  if (inner.kind !== 'vectorSelector') throw ctx.error(node, 'ranges only allowed for vector selectors');
  if (inner.offsetMs !== 0) throw ctx.error(node, 'no offset modifiers allowed before range');
  if (inner.at !== null) throw ctx.error(node, 'no @ modifiers allowed before range');
  return { kind: 'matrixSelector', selector: inner, rangeMs: positiveDurationMs(ctx, node.getChild('DurationExpr') as SyntaxNode) };
}

function buildSubquery(ctx: ParseContext, node: SyntaxNode): Expr {
  const durations = node.getChildren('DurationExpr');
  const expr = buildExpr(ctx, onlyExpr(ctx, node));
  const rangeMs = positiveDurationMs(ctx, durations[0] as SyntaxNode);
  const stepMs = durations[1] === undefined ? null : positiveDurationMs(ctx, durations[1]);
  return { kind: 'subquery', expr, rangeMs, stepMs, offsetMs: 0, at: null };
}

function buildCall(ctx: ParseContext, node: SyntaxNode): Expr {
  const name = ctx.text(node.getChild('FunctionIdentifier') as SyntaxNode);
  const body = node.getChild('FunctionCallBody') as SyntaxNode;
  return { kind: 'call', name, args: exprChildren(body).map((arg) => buildExpr(ctx, arg)) };
}

function buildAggregate(ctx: ParseContext, node: SyntaxNode): Aggregate {
  const op = ctx.text(node.getChild('AggregateOp') as SyntaxNode).toLowerCase();
  if (op === 'limitk' || op === 'limit_ratio') throw new UnsupportedError(`aggregation "${op}"`);
  const modifier = node.getChild('AggregateModifier');
  const args = exprChildren(node.getChild('FunctionCallBody') as SyntaxNode).map((arg) => buildExpr(ctx, arg));
  const parameterised = op === 'topk' || op === 'bottomk' || op === 'quantile' || op === 'count_values';
  if (args.length === 0) throw ctx.error(node, 'no arguments for aggregate expression provided');
  const expected = parameterised ? 2 : 1;
  if (args.length !== expected) {
    throw ctx.error(node, `wrong number of arguments for aggregate expression provided, expected ${expected}, got ${args.length}`);
  }
  return {
    kind: 'aggregate',
    op: op as AggregateOp,
    expr: args[args.length - 1] as Expr,
    param: parameterised ? (args[0] as Expr) : null,
    grouping: modifier === null ? [] : groupingLabels(ctx, modifier.getChild('GroupingLabels')),
    without: modifier !== null && modifier.getChild('Without') !== null,
  };
}

function groupingLabels(ctx: ParseContext, node: SyntaxNode | null): string[] {
  if (node === null) return [];
  return children(node)
    .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
    .map((c) => (c.name === 'LabelName' ? ctx.text(c) : stringValue(ctx, c.firstChild ?? c)));
}

function buildBinary(ctx: ParseContext, node: SyntaxNode): Expr {
  const [lhsNode, rhsNode] = exprChildren(node);
  const opNode = children(node).find((c) => c.name in BINARY_OPS || c.name === 'TrimUpper' || c.name === 'TrimLower');
  if (lhsNode === undefined || rhsNode === undefined || opNode === undefined) throw ctx.error(node, 'unexpected end of input');
  if (opNode.name === 'TrimUpper' || opNode.name === 'TrimLower') throw new UnsupportedError(`operator "${ctx.text(opNode)}"`);
  if (node.getChild('FillModifier') !== null) throw new UnsupportedError('fill modifiers');
  const op = BINARY_OPS[opNode.name] as BinaryOp;
  const lhsText = ctx.text(lhsNode);
  // The grammar folds the sign into `-2 ^ 2`, but in PromQL `^` binds tighter: -(2 ^ 2).
  if (op === '^' && lhsNode.name === 'NumberDurationLiteral' && /^[-+]/.test(lhsText)) {
    const magnitude: Expr = { kind: 'number', value: Math.abs(numberValue(ctx, lhsNode)) };
    const power: Binary = { kind: 'binary', op, lhs: magnitude, rhs: buildExpr(ctx, rhsNode), returnBool: false, matching: null };
    return lhsText.startsWith('-') ? { kind: 'unary', op: '-', expr: power } : power;
  }
  return {
    kind: 'binary',
    op,
    lhs: buildExpr(ctx, lhsNode),
    rhs: buildExpr(ctx, rhsNode),
    returnBool: node.getChild('BoolModifier') !== null,
    matching: buildMatching(ctx, node.getChild('MatchingModifierClause')),
  };
}

/** The explicit matching clause; cardinality defaults are settled by the type checker. */
function buildMatching(ctx: ParseContext, clause: SyntaxNode | null): VectorMatching | null {
  if (clause === null) return null;
  const lists = clause.getChildren('GroupingLabels');
  const groupLeft = clause.getChild('GroupLeft') !== null;
  const groupRight = clause.getChild('GroupRight') !== null;
  return {
    card: groupLeft ? 'many-to-one' : groupRight ? 'one-to-many' : 'one-to-one',
    on: clause.getChild('On') !== null,
    labels: groupingLabels(ctx, lists[0] ?? null),
    include: groupingLabels(ctx, lists[1] ?? null),
  };
}
