import { describe, expect, it } from 'vitest';
import type { FindExpr } from './ast';
import { parseExpression } from './parser';

/** A compact rendering of the tree, to assert on precedence. */
function show(expr: FindExpr): string {
  switch (expr.type) {
    case 'and':
    case 'or':
      return `(${show(expr.left)} ${expr.type} ${show(expr.right)})`;
    case 'not':
      return `(not ${show(expr.operand)})`;
    case 'flag':
      return expr.attribute;
    case 'compare':
      return `${expr.attribute}${expr.op}${expr.value.value}`;
  }
}

function parsed(text: string): string {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`unexpected error: ${result.error.message}`);
  return show(result.expr);
}

function failure(text: string) {
  const result = parseExpression(text);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
}

describe('parseExpression precedence', () => {
  it('binds not tighter than and, and tighter than or', () => {
    expect(parsed('fi or cb and not vs')).toBe('(fi or (cb and (not vs)))');
    expect(parsed('not fi and cb')).toBe('((not fi) and cb)');
    expect(parsed('fi and cb or vs and ts')).toBe('((fi and cb) or (vs and ts))');
  });

  it('groups with parentheses', () => {
    expect(parsed('(fi or cb) and vs')).toBe('((fi or cb) and vs)');
    expect(parsed('not (fi or cb)')).toBe('(not (fi or cb))');
    expect(parsed('((ns = bookinfo))')).toBe('namespace=bookinfo');
  });

  it('is left-associative', () => {
    expect(parsed('fi or cb or vs')).toBe('((fi or cb) or vs)');
  });

  it('accepts symbols and any case for the keywords', () => {
    expect(parsed('fi && cb || !vs')).toBe('((fi and cb) or (not vs))');
    expect(parsed('fi AND Not cb')).toBe('(fi and (not cb))');
  });
});

describe('parseExpression values', () => {
  it('converts units into the attribute base unit', () => {
    expect(parsed('latency > 1.5s')).toBe('latency>1500');
    expect(parsed('p95 >= 200ms')).toBe('latency>=200');
    expect(parsed('error > 5%')).toBe('error>5');
    expect(parsed('rps < 1.5rps')).toBe('rps<1.5');
    expect(parsed('rps > 60rpm')).toBe('rps>1');
    expect(parsed('throughput > 10kb')).toBe('throughput>10000');
  });

  it('resolves aliases to the attribute name and keeps text values', () => {
    expect(parsed('ns = bookinfo and svc ~ rev')).toBe('(namespace=bookinfo and service~rev)');
    expect(parsed('name = "reviews v1"')).toBe('name=reviews v1');
    expect(parsed('name=reviews-v1')).toBe('name=reviews-v1');
    expect(parsed('code = 503')).toBe('code=503');
  });

  it('keeps the span of each node', () => {
    const result = parseExpression('  fi and rps > 5');
    expect(result.ok && result.expr).toMatchObject({ type: 'and', from: 2, to: 16, left: { from: 2, to: 4 }, right: { from: 9, to: 16 } });
  });
});

describe('parseExpression errors', () => {
  it('says a value is missing after an operator, with its column', () => {
    const error = failure('namespace = ');
    expect(error.message).toBe("expected a value after '=' at column 13");
    expect(error).toMatchObject({ from: 10, to: 11 });
    expect(failure('rps > and fi').message).toBe("expected a value after '>' at column 7");
  });

  it('reports unknown attributes with a suggestion', () => {
    const error = failure('fi or namspace = x');
    expect(error.message).toBe("unknown attribute 'namspace' at column 7; did you mean 'namespace'?");
    expect(error).toMatchObject({ from: 6, to: 14 });
  });

  it('reports unbalanced parentheses', () => {
    expect(failure('(fi or cb').message).toBe("expected ')' to close the '(' at column 1, found the end at column 10");
    expect(failure('fi or cb)').message).toBe("unmatched ')' at column 9");
    expect(failure('()').message).toBe("expected a condition after '(' at column 2");
  });

  it('reports dangling and missing operators', () => {
    expect(failure('fi and').message).toBe("expected a condition after 'and' at column 7");
    expect(failure('not').message).toBe("expected a condition after 'not' at column 4");
    expect(failure('fi cb').message).toBe("expected 'and' or 'or' before 'cb' at column 4");
    expect(failure('namespace').message).toBe("expected an operator (=, !=, >, <, ~ …) after 'namespace' at column 10");
    expect(failure('').message).toBe('the expression is empty');
  });

  it('checks values against the attribute', () => {
    expect(failure('latency > fast').message).toBe("expected a duration like 200ms or 1.5s for 'latency' at column 11");
    expect(failure('error > 5ms').message).toBe("'ms' is not a unit of 'error' (at column 9): write a percentage like 1%");
    expect(failure('namespace > 3').message).toBe("'>' compares numbers; 'namespace' is text: use =, !=, ~ or !~ (at column 13)");
    expect(failure('protocol = htp').message).toBe("unknown protocol 'htp' at column 12: expected http, grpc, tcp");
    expect(failure('fi = true').message).toBe("'fi' is a badge or state: write 'fi' or 'not fi' (at column 6)");
    expect(failure('name ~ "("').message).toBe("'(' is not a valid pattern (at column 8)");
    expect(failure('rps ~ 5').message).toContain("'~' matches text; 'rps' is a number");
  });

  it('reports lexical errors', () => {
    expect(failure('name = "open').message).toBe('unterminated string starting at column 8');
    expect(failure('fi # cb')).toMatchObject({ message: "unexpected character '#' at column 4", from: 3, to: 4 });
  });

  it('refuses an and between a node-only and an edge-only condition', () => {
    const error = failure('namespace = bookinfo and protocol = grpc');
    expect(error.message).toContain("'and' joins a node condition and an edge condition");
    expect(error).toMatchObject({ from: 0, to: 40 });
    // "or" is fine, and so are attributes that apply to both.
    expect(parsed('namespace = bookinfo or protocol = grpc')).toBe('(namespace=bookinfo or protocol=grpc)');
    expect(parsed('namespace = bookinfo and rps > 1')).toBe('(namespace=bookinfo and rps>1)');
  });
});
