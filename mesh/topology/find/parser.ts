/**
 * Recursive-descent parser for the find/hide language. Precedence: `not` binds tightest, then `and`,
 * then `or`; parentheses group. Every error names what was expected and where (1-based column in the
 * message; 0-based `from`/`to` offsets for underlining).
 */
import type { CompareOp, FindError, FindExpr, FindValue, ParseResult } from './ast';
import { FIND_ATTRIBUTES, findAttribute, isFlag } from './attributes';
import type { FindAttribute, NumberUnit } from './attributes';
import { lex } from './lexer';
import type { Token } from './lexer';
import { scopeError } from './scope';

class FindSyntaxError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
  }
}

const UNIT_FACTORS: Readonly<Record<NumberUnit, Readonly<Record<string, number>>>> = {
  percent: { '': 1, '%': 1 },
  ms: { '': 1, ms: 1, s: 1000, us: 0.001, m: 60_000, min: 60_000 },
  rps: { '': 1, rps: 1, rpm: 1 / 60 },
  bytes: { '': 1, b: 1, bps: 1, kb: 1e3, kbps: 1e3, mb: 1e6, mbps: 1e6, gb: 1e9, gbps: 1e9 },
};

const UNIT_HINT: Readonly<Record<NumberUnit, string>> = {
  percent: 'a percentage like 1%',
  ms: 'a duration like 200ms or 1.5s',
  rps: 'a rate like 5 or 0.5rps',
  bytes: 'a byte rate like 512b, 10kb or 2mb',
};

const NUMBER_WITH_UNIT = /^(\d+(?:\.\d*)?|\.\d+)([a-z%]*)$/i;

function describe(token: Token | undefined): string {
  if (!token) return 'the end';
  return token.type === 'string' ? `"${token.text}"` : `'${token.text}'`;
}

function column(offset: number): string {
  return `column ${offset + 1}`;
}

function suggestion(name: string): string {
  const lower = name.toLowerCase();
  const names = FIND_ATTRIBUTES.flatMap((a) => [a.name, ...a.aliases]);
  const close = names.find((n) => n.startsWith(lower) || lower.startsWith(n)) ?? names.find((n) => editDistance(n, lower) <= 2);
  return close ? `; did you mean '${close}'?` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  parse(): FindExpr {
    if (this.tokens.length === 0) throw new FindSyntaxError('the expression is empty', 0, this.length);
    const expr = this.or();
    const rest = this.peek();
    if (rest) {
      if (rest.type === 'rparen') throw new FindSyntaxError(`unmatched ')' at ${column(rest.from)}`, rest.from, rest.to);
      throw new FindSyntaxError(`expected 'and' or 'or' before ${describe(rest)} at ${column(rest.from)}`, rest.from, rest.to);
    }
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    return this.tokens[this.index++];
  }

  private endOffset(): number {
    return this.length;
  }

  private or(): FindExpr {
    let left = this.and();
    while (this.peek()?.type === 'or') {
      const op = this.next()!;
      const right = this.operand(op, () => this.and());
      left = { type: 'or', left, right, from: left.from, to: right.to };
    }
    return left;
  }

  private and(): FindExpr {
    let left = this.not();
    while (this.peek()?.type === 'and') {
      const op = this.next()!;
      const right = this.operand(op, () => this.not());
      left = { type: 'and', left, right, from: left.from, to: right.to };
    }
    return left;
  }

  /** The right side of `and`/`or`/`not`, with an error that names the operator when it is missing. */
  private operand(op: Token, parse: () => FindExpr): FindExpr {
    const token = this.peek();
    if (!token || token.type === 'rparen' || token.type === 'and' || token.type === 'or') {
      const at = token?.from ?? this.endOffset();
      throw new FindSyntaxError(`expected a condition after '${op.text}' at ${column(at)}`, op.from, token?.to ?? op.to);
    }
    return parse();
  }

  private not(): FindExpr {
    const token = this.peek();
    if (token?.type === 'not') {
      this.next();
      const operand = this.operand(token, () => this.not());
      return { type: 'not', operand, from: token.from, to: operand.to };
    }
    return this.primary();
  }

  private primary(): FindExpr {
    const token = this.next();
    if (!token) throw new FindSyntaxError(`expected a condition at ${column(this.endOffset())}`, this.endOffset(), this.endOffset());
    if (token.type === 'lparen') {
      const inner = this.operand(token, () => this.or());
      const close = this.next();
      if (close?.type !== 'rparen') {
        const at = close?.from ?? this.endOffset();
        throw new FindSyntaxError(`expected ')' to close the '(' at ${column(token.from)}, found ${describe(close)} at ${column(at)}`, token.from, close?.to ?? this.endOffset());
      }
      return { ...inner, from: token.from, to: close.to };
    }
    if (token.type !== 'word') {
      throw new FindSyntaxError(`expected an attribute or badge, found ${describe(token)} at ${column(token.from)}`, token.from, token.to);
    }
    const attribute = findAttribute(token.text);
    if (!attribute) throw new FindSyntaxError(`unknown attribute '${token.text}' at ${column(token.from)}${suggestion(token.text)}`, token.from, token.to);
    const op = this.peek();
    if (op?.type !== 'op') {
      if (isFlag(attribute)) return { type: 'flag', attribute: attribute.name, from: token.from, to: token.to };
      const at = op?.from ?? this.endOffset();
      throw new FindSyntaxError(`expected an operator (=, !=, >, <, ~ …) after '${token.text}' at ${column(at)}`, token.from, op?.to ?? token.to);
    }
    this.next();
    return this.comparison(attribute, token, op);
  }

  private comparison(attribute: FindAttribute, name: Token, opToken: Token): FindExpr {
    const op = opToken.text as CompareOp;
    const valueToken = this.peek();
    if (!valueToken || (valueToken.type !== 'word' && valueToken.type !== 'string')) {
      const at = valueToken?.from ?? this.endOffset();
      throw new FindSyntaxError(`expected a value after '${op}' at ${column(at)}`, opToken.from, valueToken?.to ?? opToken.to);
    }
    this.next();
    const value = this.value(attribute, op, valueToken);
    return { type: 'compare', attribute: attribute.name, op, value, from: name.from, to: valueToken.to };
  }

  private value(attribute: FindAttribute, op: CompareOp, token: Token): FindValue {
    const span = { from: token.from, to: token.to, text: token.text };
    if (attribute.type === 'flag') {
      throw new FindSyntaxError(`'${attribute.name}' is a badge or state: write '${attribute.name}' or 'not ${attribute.name}' (at ${column(token.from)})`, token.from, token.to);
    }
    if (attribute.type === 'number') {
      if (op === '~' || op === '!~') throw new FindSyntaxError(`'${op}' matches text; '${attribute.name}' is a number: use =, !=, >, >=, < or <=`, token.from - 1, token.to);
      const match = NUMBER_WITH_UNIT.exec(token.text);
      if (!match || token.type === 'string') throw new FindSyntaxError(`expected ${UNIT_HINT[attribute.unit]} for '${attribute.name}' at ${column(token.from)}`, token.from, token.to);
      const factor = UNIT_FACTORS[attribute.unit][(match[2] ?? '').toLowerCase()];
      if (factor === undefined) {
        throw new FindSyntaxError(`'${match[2]}' is not a unit of '${attribute.name}' (at ${column(token.from)}): write ${UNIT_HINT[attribute.unit]}`, token.from, token.to);
      }
      return { kind: 'number', value: Number(match[1]) * factor, ...span };
    }
    if (op !== '=' && op !== '!=' && op !== '~' && op !== '!~') {
      throw new FindSyntaxError(`'${op}' compares numbers; '${attribute.name}' is text: use =, !=, ~ or !~ (at ${column(token.from)})`, token.from, token.to);
    }
    if (attribute.type === 'enum' && (op === '=' || op === '!=') && !attribute.values.includes(token.text.toLowerCase())) {
      throw new FindSyntaxError(`unknown ${attribute.name} '${token.text}' at ${column(token.from)}: expected ${attribute.values.join(', ')}`, token.from, token.to);
    }
    if (op === '~' || op === '!~') {
      try {
        new RegExp(token.text, 'i');
      } catch {
        throw new FindSyntaxError(`'${token.text}' is not a valid pattern (at ${column(token.from)})`, token.from, token.to);
      }
    }
    return { kind: 'string', value: token.text, ...span };
  }
}

/** Parses a find/hide expression; on failure, says what is wrong and where. */
export function parseExpression(text: string): ParseResult {
  const lexed = lex(text);
  if (lexed.error) return { ok: false, error: lexed.error };
  try {
    const expr = new Parser(lexed.tokens, text.length).parse();
    const mixed = scopeError(expr);
    return mixed ? { ok: false, error: mixed } : { ok: true, expr };
  } catch (error) {
    if (error instanceof FindSyntaxError) {
      const found: FindError = { message: error.message, from: error.from, to: Math.max(error.to, error.from) };
      return { ok: false, error: found };
    }
    throw error;
  }
}
