/** Splits a find/hide expression into tokens with their offsets; the parser and completion share it. */

export type TokenType = 'word' | 'string' | 'op' | 'and' | 'or' | 'not' | 'lparen' | 'rparen';

export interface Token {
  readonly type: TokenType;
  /** The word, the unquoted string, or the operator as written. */
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

export interface LexError {
  readonly message: string;
  readonly from: number;
  readonly to: number;
}

const WORD_CHAR = /[A-Za-z0-9_.\-/:%*+@]/;
const OPERATORS = ['>=', '<=', '!=', '==', '!~', '=', '>', '<', '~'];
const KEYWORDS: Readonly<Record<string, TokenType>> = { and: 'and', or: 'or', not: 'not' };

/**
 * Tokens of `text`. An unterminated string is an error; a lone `!` is `not`, `&`/`&&` is `and`, `|`/`||` is
 * `or`. Words cover names and numbers with units alike (`reviews-v1`, `1.5s`, `5%`); the parser decides.
 */
export function lex(text: string): { tokens: Token[]; error?: LexError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const from = i;
    if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', text: c, from, to: ++i });
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (i >= text.length) return { tokens, error: { message: `unterminated string starting at column ${from + 1}`, from, to: text.length } };
      tokens.push({ type: 'string', text: value, from, to: ++i });
      continue;
    }
    if (c === '&' || c === '|') {
      const to = text[i + 1] === c ? i + 2 : i + 1;
      tokens.push({ type: c === '&' ? 'and' : 'or', text: text.slice(from, to), from, to });
      i = to;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', text: op === '==' ? '=' : op, from, to: i + op.length });
      i += op.length;
      continue;
    }
    if (c === '!') {
      tokens.push({ type: 'not', text: '!', from, to: ++i });
      continue;
    }
    if (WORD_CHAR.test(c)) {
      while (i < text.length && WORD_CHAR.test(text[i] ?? '')) i++;
      const word = text.slice(from, i);
      tokens.push({ type: KEYWORDS[word.toLowerCase()] ?? 'word', text: word, from, to: i });
      continue;
    }
    return { tokens, error: { message: `unexpected character '${c}' at column ${from + 1}`, from, to: from + 1 } };
  }
  return { tokens };
}
