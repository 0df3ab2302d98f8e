import { compileAnchoredRegex } from './regex';

export type MatchType = '=' | '!=' | '=~' | '!~';

/** One label matcher of a selector. A missing label matches as the empty string. */
export class LabelMatcher {
  readonly type: MatchType;
  readonly name: string;
  readonly value: string;
  private readonly re: RegExp | null;

  constructor(type: MatchType, name: string, value: string) {
    this.type = type;
    this.name = name;
    this.value = value;
    this.re = type === '=~' || type === '!~' ? compileAnchoredRegex(value) : null;
  }

  matches(value: string): boolean {
    switch (this.type) {
      case '=':
        return value === this.value;
      case '!=':
        return value !== this.value;
      case '=~':
        return (this.re as RegExp).test(value);
      case '!~':
        return !(this.re as RegExp).test(value);
    }
  }

  toString(): string {
    return `${this.name}${this.type}${JSON.stringify(this.value)}`;
  }
}

export function matcher(name: string, type: MatchType, value: string): LabelMatcher {
  return new LabelMatcher(type, name, value);
}

/** Shorthand: equality matchers from a record, e.g. `{ __name__: 'up', job: 'x' }`. */
export function equalityMatchers(record: Readonly<Record<string, string>>): LabelMatcher[] {
  return Object.entries(record).map(([name, value]) => new LabelMatcher('=', name, value));
}
