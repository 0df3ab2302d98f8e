/**
 * Evaluates a parsed expression on one node or edge. Node attributes apply to nodes, edge attributes to
 * edges, some to both (see attributes.ts). A condition on an attribute that does not apply is neither
 * true nor false (three-valued logic), so `not rps > 5` never matches a node that has no such figure and
 * `ns = a or rps > 5` matches the nodes of `a` and the busy edges. Text comparisons ignore case.
 */
import type { FindExpr, FindValue } from './ast';
import { findAttribute } from './attributes';
import type { AttributeValue, FindAttribute } from './attributes';
import type { TopologyEdge, TopologyNode } from '../model';

type Truth = boolean | undefined;

const patterns = new WeakMap<FindValue, RegExp>();

function patternOf(value: FindValue): RegExp {
  let pattern = patterns.get(value);
  if (!pattern) {
    pattern = new RegExp(String(value.value), 'i');
    patterns.set(value, pattern);
  }
  return pattern;
}

function compareText(actual: string, op: string, value: FindValue): boolean {
  switch (op) {
    case '=':
      return actual.toLowerCase() === String(value.value).toLowerCase();
    case '!=':
      return actual.toLowerCase() !== String(value.value).toLowerCase();
    case '~':
      return patternOf(value).test(actual);
    default:
      return !patternOf(value).test(actual);
  }
}

function compareNumber(actual: number, op: string, expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    default:
      return actual <= expected;
  }
}

function compare(actual: AttributeValue, op: string, value: FindValue): Truth {
  if (actual === undefined || typeof actual === 'boolean') return undefined;
  if (typeof actual === 'number') return value.kind === 'number' && !Number.isNaN(actual) ? compareNumber(actual, op, value.value) : undefined;
  if (typeof actual === 'string') return compareText(actual, op, value);
  // Several values (response codes, services): "=" and "~" ask for one of them, "!=" and "!~" for none.
  const negated = op === '!=' || op === '!~';
  const positive = negated ? (op === '!=' ? '=' : '~') : op;
  const any = actual.some((one) => compareText(one, positive, value));
  return negated ? !any : any;
}

function flag(actual: AttributeValue): Truth {
  if (actual === undefined) return undefined;
  if (typeof actual === 'number') return actual > 0;
  return actual === true;
}

function evaluate(expr: FindExpr, read: (attribute: FindAttribute) => AttributeValue): Truth {
  switch (expr.type) {
    case 'and': {
      const left = evaluate(expr.left, read);
      if (left === false) return false;
      const right = evaluate(expr.right, read);
      return right === false ? false : left === true && right === true ? true : undefined;
    }
    case 'or': {
      const left = evaluate(expr.left, read);
      if (left === true) return true;
      const right = evaluate(expr.right, read);
      return right === true ? true : left === false && right === false ? false : undefined;
    }
    case 'not': {
      const operand = evaluate(expr.operand, read);
      return operand === undefined ? undefined : !operand;
    }
    case 'flag': {
      const attribute = findAttribute(expr.attribute);
      return attribute ? flag(read(attribute)) : undefined;
    }
    case 'compare': {
      const attribute = findAttribute(expr.attribute);
      return attribute ? compare(read(attribute), expr.op, expr.value) : undefined;
    }
  }
}

export function matchNode(expr: FindExpr, node: TopologyNode): boolean {
  return evaluate(expr, (attribute) => attribute.node?.(node)) === true;
}

export function matchEdge(expr: FindExpr, edge: TopologyEdge): boolean {
  return evaluate(expr, (attribute) => attribute.edge?.(edge)) === true;
}
