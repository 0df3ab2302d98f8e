import type { SyntaxNode } from '@lezer/common';
import { METRIC_NAME } from '../labels';
import { LabelMatcher, type MatchType } from '../tsdb/matcher';
import { RegexError } from '../tsdb/regex';
import type { AtModifier, Expr, VectorSelector } from './ast';
import { UnsupportedError } from './errors';
import { parseDurationMs, parseNumberLiteral, unquoteString } from './literals';
import { children, type ParseContext } from './parse-context';

export function buildVectorSelector(ctx: ParseContext, node: SyntaxNode): VectorSelector {
  const identifier = node.getChild('Identifier');
  const name = identifier === null ? null : ctx.text(identifier);
  const matchers: LabelMatcher[] = [];
  const braces = node.getChild('LabelMatchers');
  if (braces !== null) {
    for (const child of children(braces)) {
      if (child.name === 'QuotedLabelName') {
        matchers.push(makeMatcher(ctx, child, '=', METRIC_NAME, stringValue(ctx, child.firstChild ?? child)));
      } else if (child.name === 'UnquotedLabelMatcher' || child.name === 'QuotedLabelMatcher') {
        matchers.push(buildMatcher(ctx, child));
      }
    }
  }
  if (name !== null) {
    for (const m of matchers) {
      if (m.name === METRIC_NAME) throw ctx.error(node, `metric name must not be set twice: "${name}" or "${m.value}"`);
    }
    matchers.push(new LabelMatcher('=', METRIC_NAME, name));
  }
  if (!matchers.some((m) => !m.matches(''))) {
    throw ctx.error(node, 'vector selector must contain at least one non-empty matcher');
  }
  return { kind: 'vectorSelector', name, matchers, offsetMs: 0, at: null };
}

function buildMatcher(ctx: ParseContext, node: SyntaxNode): LabelMatcher {
  const nameNode = node.firstChild as SyntaxNode;
  const name = nameNode.name === 'LabelName' ? ctx.text(nameNode) : stringValue(ctx, nameNode.firstChild ?? nameNode);
  const op = node.getChild('MatchOp');
  const value = node.getChild('StringLiteral');
  if (op === null || value === null) throw ctx.error(node, 'unexpected end of label matcher');
  return makeMatcher(ctx, node, ctx.text(op) as MatchType, name, stringValue(ctx, value));
}

function makeMatcher(ctx: ParseContext, node: SyntaxNode, type: MatchType, name: string, value: string): LabelMatcher {
  try {
    return new LabelMatcher(type, name, value);
  } catch (err) {
    if (err instanceof RegexError) {
      if (err.message.includes('not supported by this server')) throw new UnsupportedError(err.message);
      throw ctx.error(node, err.message);
    }
    throw err;
  }
}

export function stringValue(ctx: ParseContext, node: SyntaxNode): string {
  try {
    return unquoteString(ctx.text(node));
  } catch (err) {
    throw ctx.error(node, `${(err as Error).message} in string literal`);
  }
}

/** A plain duration inside `[...]`; duration arithmetic is a newer feature not served here. */
export function durationMs(ctx: ParseContext, node: SyntaxNode): number {
  const literal = node.name === 'NumberDurationLiteralInDurationContext' ? node : node.firstChild;
  if (literal === null || literal.nextSibling !== null || literal.name !== 'NumberDurationLiteralInDurationContext') {
    throw new UnsupportedError(`duration expression "${ctx.text(node)}"`);
  }
  const text = ctx.text(literal);
  const ms = parseDurationMs(text);
  if (ms === null) {
    // Prometheus 2.x wants a unit; later versions read a bare number as seconds.
    if (parseNumberLiteral(text) !== null) throw ctx.error(literal, 'missing unit character in duration');
    throw ctx.error(literal, `bad duration syntax: "${text}"`);
  }
  return ms;
}

/** A range or subquery step, which must be positive. */
export function positiveDurationMs(ctx: ParseContext, node: SyntaxNode): number {
  const ms = durationMs(ctx, node);
  if (ms <= 0) throw ctx.error(node, 'duration must be greater than 0');
  return ms;
}

/** An `offset` duration, which may carry a sign. */
export function offsetMs(ctx: ParseContext, node: SyntaxNode): number {
  const op = node.getChild('UnaryOp');
  if (op !== null) {
    const inner = node.getChild('OffsetDurationExpr');
    if (inner === null) throw ctx.error(node, 'unexpected offset');
    const ms = offsetMs(ctx, inner);
    return ctx.text(op) === '-' ? -ms : ms;
  }
  return durationMs(ctx, node);
}

export function atModifier(ctx: ParseContext, node: SyntaxNode): AtModifier {
  const pre = node.getChild('AtModifierPreprocessors');
  if (pre !== null) return { kind: ctx.text(pre) === 'start' ? 'start' : 'end' };
  const literal = node.getChild('NumberDurationLiteral');
  const seconds = literal === null ? null : parseNumberLiteral(ctx.text(literal));
  if (literal === null || seconds === null) throw ctx.error(node, 'unexpected @ modifier');
  if (!Number.isFinite(seconds)) throw ctx.error(literal, `timestamp out of bounds for @ modifier: ${seconds}`);
  return { kind: 'time', ms: Math.round(seconds * 1000) };
}

const MODIFIER_TARGET = 'must be preceded by an instant vector selector or range vector selector or a subquery';

/** Attaches `offset` to the selector or subquery it modifies. */
export function applyOffset(ctx: ParseContext, node: SyntaxNode, expr: Expr, ms: number): Expr {
  switch (expr.kind) {
    case 'vectorSelector':
    case 'subquery':
      if (expr.offsetMs !== 0) throw ctx.error(node, 'offset may not be set multiple times');
      return { ...expr, offsetMs: ms };
    case 'matrixSelector':
      return { ...expr, selector: applyOffset(ctx, node, expr.selector, ms) as VectorSelector };
    case 'unary':
      // The grammar binds `-x offset 5m` as `(-x) offset 5m`; PromQL means `-(x offset 5m)`.
      return { ...expr, expr: applyOffset(ctx, node, expr.expr, ms) };
    default:
      throw ctx.error(node, `offset modifier ${MODIFIER_TARGET}`);
  }
}

/** Attaches `@` to the selector or subquery it modifies. */
export function applyAt(ctx: ParseContext, node: SyntaxNode, expr: Expr, at: AtModifier): Expr {
  switch (expr.kind) {
    case 'vectorSelector':
    case 'subquery':
      if (expr.at !== null) throw ctx.error(node, '@ <timestamp> may not be set multiple times');
      return { ...expr, at };
    case 'matrixSelector':
      return { ...expr, selector: applyAt(ctx, node, expr.selector, at) as VectorSelector };
    case 'unary':
      return { ...expr, expr: applyAt(ctx, node, expr.expr, at) };
    default:
      throw ctx.error(node, `@ modifier ${MODIFIER_TARGET}`);
  }
}
