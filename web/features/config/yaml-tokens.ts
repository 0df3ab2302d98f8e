/**
 * Splits YAML (as the `yaml` package writes it) into coloured tokens, line by line, so that keys
 * and values can be tinted with plain React elements. It only has to be right for block-style
 * output: keys, list dashes, scalars, and multi-line block scalars.
 */
export type TokenKind = 'key' | 'punct' | 'string' | 'number' | 'literal' | 'comment' | 'text';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const KEY = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"-][^:#]*?|-[^\s:#][^:#]*?)):(?=\s|$)/;
const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.inf|\.nan)$/i;
const LITERAL = /^(?:true|false|null|~)$/i;
const BLOCK_SCALAR = /^[|>][-+]?\d*$/;

function scalar(text: string): Token {
  if (text.startsWith('"') || text.startsWith("'")) return { kind: 'string', text };
  if (NUMBER.test(text)) return { kind: 'number', text };
  if (LITERAL.test(text)) return { kind: 'literal', text };
  if (text === '{}' || text === '[]') return { kind: 'punct', text };
  return { kind: 'string', text };
}

export function tokenizeYaml(source: string): Token[][] {
  const lines = source.replace(/\n$/, '').split('\n');
  const result: Token[][] = [];
  // While inside a block scalar (`key: |`), lines indented deeper than its key are plain text.
  let blockIndent: number | undefined;

  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== undefined) {
      if (line.trim() === '' || indent > blockIndent) {
        result.push([{ kind: 'string', text: line }]);
        continue;
      }
      blockIndent = undefined;
    }
    const tokens: Token[] = [];
    let rest = line;
    const leading = /^(\s*(?:- +)*)/.exec(rest)?.[1] ?? '';
    if (leading) {
      const spaces = /^\s*/.exec(leading)?.[0] ?? '';
      if (spaces) tokens.push({ kind: 'text', text: spaces });
      if (leading.length > spaces.length) tokens.push({ kind: 'punct', text: leading.slice(spaces.length) });
      rest = rest.slice(leading.length);
    }
    const ownIndent = leading.length;
    if (rest.startsWith('#')) {
      tokens.push({ kind: 'comment', text: rest });
      result.push(tokens);
      continue;
    }
    const key = KEY.exec(rest);
    if (key?.[1] !== undefined) {
      tokens.push({ kind: 'key', text: key[1] }, { kind: 'punct', text: ':' });
      rest = rest.slice(key[0].length);
      const space = /^\s*/.exec(rest)?.[0] ?? '';
      if (space) tokens.push({ kind: 'text', text: space });
      rest = rest.slice(space.length);
    }
    if (rest) {
      if (BLOCK_SCALAR.test(rest)) {
        tokens.push({ kind: 'punct', text: rest });
        blockIndent = key ? indent : ownIndent - 1;
      } else {
        tokens.push(scalar(rest));
      }
    }
    result.push(tokens);
  }
  return result;
}
