import type { Tree } from '@lezer/common';
import { UnsupportedError } from './errors';
import { AGGREGATE_OPS, FUNCTION_SIGNATURES, KNOWN_UNSUPPORTED_FUNCTIONS } from './function-signatures';
import type { ParseContext } from './parse-context';

/** Words that may legitimately precede "(" without being a function call. */
const NON_FUNCTION_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'atan2',
  'offset',
  'start',
  'end',
  'limitk',
  'limit_ratio',
]);

/**
 * Lezer recovers from errors instead of failing, so the tree has to be searched for error nodes.
 * The message tries to say what Prometheus would: an unknown or unsupported function, an
 * unbalanced parenthesis, an early end of input, or the unexpected text.
 */
export function reportSyntaxError(ctx: ParseContext, tree: Tree): void {
  let errorAt = -1;
  tree.iterate({
    enter(node) {
      if (errorAt >= 0) return false;
      if (node.type.isError) errorAt = node.from;
      return undefined;
    },
  });
  const calls = callWords(ctx.query);
  for (const { word, offset } of calls) {
    if (word in FUNCTION_SIGNATURES || AGGREGATE_OPS.has(word) || NON_FUNCTION_WORDS.has(word)) continue;
    if (KNOWN_UNSUPPORTED_FUNCTIONS.has(word)) throw new UnsupportedError(`function "${word}"`);
    if (errorAt >= 0) throw ctx.error(offset, `unknown function with name "${word}"`);
  }
  if (errorAt < 0) return;
  const balance = parenBalance(ctx.query);
  if (balance.unexpectedClose >= 0) throw ctx.error(balance.unexpectedClose, "unexpected right parenthesis ')'");
  if (balance.open > 0) throw ctx.error(ctx.query.length, 'unclosed left parenthesis');
  const rest = ctx.query.slice(errorAt).trim();
  if (rest === '') throw ctx.error(ctx.query.length, 'unexpected end of input');
  const token = /^([a-zA-Z_:][a-zA-Z0-9_:]*|\d[\w.]*|"(?:[^"\\]|\\.)*"?|\S)/.exec(rest)?.[0] ?? rest;
  const kind = /^[a-zA-Z_:]/.test(token) ? 'identifier ' : '';
  throw ctx.error(errorAt, `unexpected ${kind}${JSON.stringify(token)}`);
}

/** Identifiers directly followed by "(", outside string literals and comments. */
function callWords(query: string): { word: string; offset: number }[] {
  const out: { word: string; offset: number }[] = [];
  const re = /"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`[^`]*`?|#[^\n]*|([a-zA-Z_][a-zA-Z0-9_:]*)\s*\(/g;
  for (let m = re.exec(query); m !== null; m = re.exec(query)) {
    if (m[1] !== undefined) out.push({ word: m[1].toLowerCase(), offset: m.index });
  }
  return out;
}

function parenBalance(query: string): { open: number; unexpectedClose: number } {
  let open = 0;
  const re = /"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`[^`]*`?|#[^\n]*|[()]/g;
  for (let m = re.exec(query); m !== null; m = re.exec(query)) {
    if (m[0] === '(') open++;
    else if (m[0] === ')' && --open < 0) return { open, unexpectedClose: m.index };
  }
  return { open, unexpectedClose: -1 };
}
