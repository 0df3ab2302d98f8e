/** Kubernetes label selectors: `a=b,c!=d,e in (f,g),h notin (i),j,!k`. */
import { badRequest } from './errors';

export type LabelOperator = 'eq' | 'neq' | 'in' | 'notin' | 'exists' | 'notexists' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

type Labels = Readonly<Record<string, string>> | undefined;

const IDENTIFIER = /^[A-Za-z0-9_./-]+/;
const SYMBOLS = ['!=', '==', '=', '!', '(', ')', ',', '>', '<'] as const;

function tokenize(input: string): string[] {
  const tokens: string[] = [];
  let rest = input.trimStart();
  while (rest.length > 0) {
    const symbol = SYMBOLS.find((s) => rest.startsWith(s));
    const word = symbol ?? IDENTIFIER.exec(rest)?.[0];
    if (word === undefined) throw parseError(`unexpected character '${rest[0] ?? ''}'`);
    tokens.push(word);
    rest = rest.slice(word.length).trimStart();
  }
  return tokens;
}

function parseError(detail: string): Error {
  return badRequest(`unable to parse requirement: ${detail}`);
}

function isIdentifier(token: string | undefined): token is string {
  return token !== undefined && IDENTIFIER.test(token) && !SYMBOLS.some((s) => s === token);
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly string[]) {}

  parseAll(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    if (this.tokens.length === 0) return requirements;
    for (;;) {
      requirements.push(this.requirement());
      const next = this.take();
      if (next === undefined) return requirements;
      if (next !== ',') throw parseError(`found '${next}', expected: ','`);
    }
  }

  private peek(): string | undefined {
    return this.tokens[this.position];
  }

  private take(): string | undefined {
    const token = this.tokens[this.position];
    this.position += 1;
    return token;
  }

  private key(): string {
    const token = this.take();
    if (!isIdentifier(token)) throw parseError(`found '${token ?? ''}', expected: identifier`);
    return token;
  }

  private requirement(): LabelRequirement {
    if (this.peek() === '!') {
      this.take();
      return { key: this.key(), operator: 'notexists', values: [] };
    }
    const key = this.key();
    const op = this.peek();
    if (op === undefined || op === ',') return { key, operator: 'exists', values: [] };
    this.take();
    switch (op) {
      case '=':
      case '==':
        return { key, operator: 'eq', values: [this.optionalValue()] };
      case '!=':
        return { key, operator: 'neq', values: [this.optionalValue()] };
      case 'in':
      case 'notin':
        return { key, operator: op, values: this.valueSet() };
      case '>':
      case '<':
        return { key, operator: op === '>' ? 'gt' : 'lt', values: [this.integer()] };
      default:
        throw parseError(`found '${op}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  private optionalValue(): string {
    const token = this.peek();
    if (token === undefined || token === ',') return '';
    this.take();
    if (!isIdentifier(token)) throw parseError(`found '${token}', expected: identifier`);
    return token;
  }

  private integer(): string {
    const token = this.take();
    if (token === undefined || !/^-?\d+$/.test(token)) throw parseError(`found '${token ?? ''}', expected: integer`);
    return token;
  }

  private valueSet(): string[] {
    if (this.take() !== '(') throw parseError("expected: '('");
    const values: string[] = [];
    for (;;) {
      const token = this.take();
      if (token === ')') return values;
      if (token === ',') {
        values.push('');
        continue;
      }
      if (!isIdentifier(token)) throw parseError(`found '${token ?? ''}', expected: identifier or ')'`);
      values.push(token);
      const next = this.take();
      if (next === ')') return values;
      if (next !== ',') throw parseError(`found '${next ?? ''}', expected: ',' or ')'`);
    }
  }
}

/** Throws a 400 BadRequest ApiError when the selector does not parse. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return new Parser(tokenize(selector)).parseAll();
}

function matchesOne(requirement: LabelRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'eq':
    case 'in':
      return has && requirement.values.includes(value ?? '');
    case 'neq':
    case 'notin':
      return !has || !requirement.values.includes(value ?? '');
    case 'gt':
    case 'lt': {
      const actual = Number.parseInt(value ?? '', 10);
      const bound = Number.parseInt(requirement.values[0] ?? '', 10);
      if (!has || Number.isNaN(actual)) return false;
      return requirement.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

export function matchesLabelSelector(requirements: readonly LabelRequirement[], labels: Labels): boolean {
  return requirements.every((r) => matchesOne(r, labels));
}
