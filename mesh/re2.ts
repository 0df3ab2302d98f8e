/**
 * RE2 (the regex dialect of Envoy, Istio and Prometheus) translated to JavaScript RegExp.
 *
 * RE2 and JavaScript mostly agree; the differences handled here are leading flag groups
 * `(?i)`/`(?s)`/`(?m)`, named groups `(?P<n>...)`, `\Q...\E` quoting, `\A`/`\z`, POSIX classes
 * `[[:alpha:]]`, `\x{...}`, RE2's narrower `.` and `\s`. Features RE2 rejects (lookaround,
 * backreferences) are rejected too; Unicode classes `\p{...}` are reported as unsupported.
 */
export class RegexError extends Error {}

export interface Re2Options {
  /** Wraps the pattern as `^(?:re)$` for a full match (default true); otherwise it is global. */
  readonly anchored?: boolean;
  /** Compiles with the `u` flag. */
  readonly unicode?: boolean;
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp>();

/** Compiles an RE2 pattern, caching the result; throws RegexError when it is invalid or unsupported. */
export function compileRe2(pattern: string, options: Re2Options = {}): RegExp {
  const anchored = options.anchored ?? true;
  const key = `${anchored ? 'a' : 'g'}${options.unicode ? 'u' : ''}:${pattern}`;
  let re = cache.get(key);
  if (re === undefined) {
    const { body, flags } = translate(pattern);
    const allFlags = `${anchored ? '' : 'g'}${flags}${options.unicode ? 'u' : ''}`;
    try {
      re = new RegExp(anchored ? `^(?:${body})$` : body, allFlags);
    } catch (err) {
      throw new RegexError(`error parsing regexp: ${(err as Error).message}`);
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

function translate(source: string): { body: string; flags: string } {
  let flags = '';
  let i = 0;
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading !== null) {
    const letters = leading[1] as string;
    if (letters.includes('U')) throw new RegexError('ungreedy flag (?U) not supported by this server');
    flags = [...new Set(letters)].join('');
    i = leading[0].length;
  }
  const dotAll = flags.includes('s');
  let out = '';
  let inClass = false;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const [text, used] = translateEscape(source, i, inClass);
      out += text;
      i += used;
      continue;
    }
    if (inClass) {
      if (ch === '[' && source[i + 1] === ':') {
        const end = source.indexOf(':]', i + 2);
        if (end < 0) throw new RegexError(`missing closing ]: ${source.slice(i)}`);
        const spec = source.slice(i + 2, end);
        const negated = spec.startsWith('^');
        const cls = POSIX_CLASSES[negated ? spec.slice(1) : spec];
        if (cls === undefined) throw new RegexError(`invalid character class range: [:${spec}:]`);
        if (negated) throw new RegexError('negated POSIX classes not supported by this server');
        out += cls;
        i = end + 2;
        continue;
      }
      if (ch === ']') inClass = false;
      out += ch;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      i++;
      if (source[i] === '^') out += source[i++];
      if (source[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (ch === '(' && source[i + 1] === '?') {
      const [text, used] = translateGroupOpen(source, i);
      out += text;
      i += used;
      continue;
    }
    if (ch === '.') {
      out += dotAll ? '[\\s\\S]' : '[^\\n]';
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return { body: out, flags: flags.replace('s', '') };
}

function translateGroupOpen(source: string, i: number): [string, number] {
  const rest = source.slice(i);
  if (rest.startsWith('(?:')) return ['(?:', 3];
  if (rest.startsWith('(?P<')) return ['(?<', 4];
  if (rest.startsWith('(?<') && !rest.startsWith('(?<=') && !rest.startsWith('(?<!')) return ['(?<', 3];
  throw new RegexError(`invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``);
}

function translateEscape(source: string, i: number, inClass: boolean): [string, number] {
  const next = source[i + 1];
  if (next === undefined) throw new RegexError('trailing backslash at end of expression');
  switch (next) {
    case 'Q': {
      const end = source.indexOf('\\E', i + 2);
      const literal = end < 0 ? source.slice(i + 2) : source.slice(i + 2, end);
      const used = end < 0 ? source.length - i : end + 2 - i;
      return [literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), used];
    }
    case 'A':
      return ['^', 2];
    case 'z':
      return ['$', 2];
    case 's':
      return [inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]', 2];
    case 'S':
      return [inClass ? '\\S' : '[^\\t\\n\\f\\r ]', 2];
    case 'p':
    case 'P':
      throw new RegexError('Unicode character classes (\\p) not supported by this server');
    case 'C':
      throw new RegexError('invalid escape sequence: `\\C`');
    case 'x': {
      if (source[i + 2] !== '{') return ['\\x', 2];
      const end = source.indexOf('}', i + 3);
      const code = Number.parseInt(source.slice(i + 3, end), 16);
      if (end < 0 || !Number.isFinite(code)) throw new RegexError('invalid escape sequence: `\\x{`');
      return [escapeCodePoint(code), end + 1 - i];
    }
    default:
      if (next >= '1' && next <= '9') throw new RegexError(`invalid escape sequence: \`\\${next}\``);
      return [`\\${next}`, 2];
  }
}

function escapeCodePoint(code: number): string {
  const text = String.fromCodePoint(code);
  return text.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}
