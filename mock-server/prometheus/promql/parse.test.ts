import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { parseGoFloat, parseDurationMs, unquoteString } from './literals';
import { parseQuery } from './parse';

/** A compact rendering of an AST, enough to check structure and precedence. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'string':
      return JSON.stringify(expr.value);
    case 'vectorSelector': {
      const at = expr.at === null ? '' : ` @${expr.at.kind === 'time' ? expr.at.ms : expr.at.kind}`;
      return `${expr.name ?? '{}'}${expr.offsetMs === 0 ? '' : ` offset ${expr.offsetMs}`}${at}`;
    }
    case 'matrixSelector':
      return `${show(expr.selector)}[${expr.rangeMs}]`;
    case 'subquery':
      return `${show(expr.expr)}[${expr.rangeMs}:${expr.stepMs ?? ''}]`;
    case 'call':
      return `${expr.name}(${expr.args.map(show).join(', ')})`;
    case 'aggregate':
      return `${expr.op}${expr.without ? ' without' : ' by'}(${expr.grouping.join(',')})(${expr.param === null ? '' : `${show(expr.param)}, `}${show(expr.expr)})`;
    case 'binary':
      return `(${show(expr.lhs)} ${expr.op}${expr.returnBool ? ' bool' : ''}${expr.matching === null ? '' : ` [${expr.matching.card}]`} ${show(expr.rhs)})`;
    case 'unary':
      return `${expr.op}${show(expr.expr)}`;
    case 'paren':
      return `(${show(expr.expr)})`;
  }
}

function parseError(query: string): string {
  try {
    parseQuery(query);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${query} parsed`);
}

describe('parseQuery', () => {
  it('builds the AST with PromQL precedence and associativity', () => {
    expect(show(parseQuery('a + b * c ^ d ^ e'))).toBe('(a + [one-to-one] (b * [one-to-one] (c ^ [one-to-one] (d ^ [one-to-one] e))))');
    expect(show(parseQuery('a or b and c unless d'))).toBe('(a or [many-to-many] ((b and [many-to-many] c) unless [many-to-many] d))');
    expect(show(parseQuery('-2 ^ 2'))).toBe('-(2 ^ 2)');
    expect(show(parseQuery('1 > bool 2'))).toBe('(1 > bool 2)');
  });

  it('attaches offset and @ to selectors, also under unary minus', () => {
    expect(show(parseQuery('-x offset 5m'))).toBe('-x offset 300000');
    expect(show(parseQuery('rate(x[1m] offset -30s @ 10)'))).toBe('rate(x offset -30000 @10000[60000])');
    expect(show(parseQuery('x[5m:1m] @ end()'))).toBe('x[300000:60000]');
  });

  it('reads aggregations in either modifier position', () => {
    expect(show(parseQuery('sum by (a, b) (x)'))).toBe('sum by(a,b)(x)');
    expect(show(parseQuery('topk(3, x) without (c)'))).toBe('topk without(c)(3, x)');
    expect(show(parseQuery('x / on (a) group_left (b) y'))).toBe('(x / [many-to-one] y)');
  });

  it('reports errors as Prometheus 2.x does', () => {
    expect(parseError('x[0s]')).toBe('1:3: parse error: duration must be greater than 0');
    expect(parseError('x[5]')).toBe('1:3: parse error: missing unit character in duration');
    expect(parseError('foo bar')).toBe('1:5: parse error: unexpected identifier "bar"');
    expect(parseError('x offset 1m offset 2m')).toBe('1:1: parse error: offset may not be set multiple times');
    expect(parseError('sum(x) @ 1')).toBe('1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery');
    expect(parseError('x + on (b) group_left (b) y')).toMatch(/label "b" must not occur in ON and GROUP clause at once/);
    expect(parseError('x{a=~"("}')).toMatch(/^1:3: parse error: error parsing regexp/);
  });
});

describe('literals', () => {
  it('parses Go floats, durations and quoted strings', () => {
    expect(parseGoFloat('+Inf')).toBe(Infinity);
    expect(parseGoFloat('1e3')).toBe(1000);
    expect(parseGoFloat('0x1f')).toBe(31);
    expect(parseGoFloat('1_000')).toBeNull();
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('1y2w3d')).toBe((365 + 14 + 3) * 86_400_000);
    expect(parseDurationMs('5')).toBeNull();
    expect(unquoteString('"a\\"b\\n\\u00e9"')).toBe('a"b\né');
    expect(unquoteString("'it\\'s'")).toBe("it's");
    expect(unquoteString('`raw\\n`')).toBe('raw\\n');
  });
});
