/** Go-compatible parsing of PromQL literals: strings, numbers, durations. */

const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

/** Prometheus' model.ParseDuration ("1h30m", "15s", "1d", ...) in milliseconds, or null. */
export function parseDurationMs(text: string): number | null {
  if (text === '' || text === '0') return text === '0' ? 0 : null;
  const m = DURATION_RE.exec(text);
  if (m === null) return null;
  let ms = 0;
  for (let i = 0; i < UNIT_MS.length; i++) {
    const part = m[i + 1];
    if (part !== undefined) ms += Number(part) * (UNIT_MS[i] as number);
  }
  return ms;
}

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_RE = /^[+-]?0[xX][0-9a-fA-F]+$/;

/** Go's strconv.ParseFloat for the forms that occur in practice; null when not a number. */
export function parseGoFloat(text: string): number | null {
  const lower = text.toLowerCase();
  const unsigned = lower.replace(/^[+-]/, '');
  const sign = lower.startsWith('-') ? -1 : 1;
  if (unsigned === 'inf' || unsigned === 'infinity') return sign * Infinity;
  if (unsigned === 'nan') return NaN;
  if (HEX_RE.test(text)) return sign * Number.parseInt(unsigned.slice(2), 16);
  if (!DECIMAL_RE.test(text)) return null;
  return Number(text);
}

/** A PromQL number literal: float, hex, Inf/NaN, or a duration meaning seconds. */
export function parseNumberLiteral(text: string): number | null {
  const value = parseGoFloat(/^[+-]?0[xX]/.test(text) ? text : text.replace(/_/g, ''));
  if (value !== null) return value;
  const sign = text.startsWith('-') ? -1 : 1;
  const ms = parseDurationMs(text.replace(/^[+-]/, ''));
  return ms === null ? null : (sign * ms) / 1000;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Go's strconv.Unquote for "...", '...' and `...` literals; throws with a reason on bad input. */
export function unquoteString(literal: string): string {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) throw new Error('unterminated quoted string');
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) throw new Error('invalid syntax');
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      if ((next === "'" && quote === '"') || (next === '"' && quote === "'")) throw new Error('invalid syntax');
      out += simple;
      continue;
    }
    const [text, used] = numericEscape(body, i);
    out += text;
    i += used - 1;
  }
  return out;
}

function numericEscape(body: string, i: number): [string, number] {
  const kind = body[i] as string;
  const hexDigits = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
  if (hexDigits > 0) {
    const digits = body.slice(i + 1, i + 1 + hexDigits);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hexDigits) throw new Error('invalid syntax');
    const code = Number.parseInt(digits, 16);
    // \x is a byte in Go; bytes >= 0x80 only make sense as part of UTF-8, which JS strings are not.
    if (kind === 'x' && code >= 0x80) throw new Error('non-ASCII \\x escapes not supported');
    return [String.fromCodePoint(code), hexDigits + 1];
  }
  const octal = body.slice(i, i + 3);
  if (/^[0-7]{3}$/.test(octal)) {
    const code = Number.parseInt(octal, 8);
    if (code >= 0x80) throw new Error('non-ASCII octal escapes not supported');
    return [String.fromCharCode(code), 3];
  }
  throw new Error('invalid syntax');
}
