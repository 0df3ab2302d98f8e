/** Typed access to the query parameters of an API request. */
import { badRequest } from './errors';
import { isRecord } from './json-value';

export class Query {
  private readonly values: Record<string, unknown>;

  constructor(raw: unknown) {
    this.values = isRecord(raw) ? raw : {};
  }

  /** The first value of a parameter. */
  string(key: string): string | undefined {
    const value = this.values[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  }

  all(key: string): string[] {
    const value = this.values[key];
    const list: unknown[] = Array.isArray(value) ? value : [value];
    return list.filter((v): v is string => typeof v === 'string');
  }

  /** As the API server reads booleans: present and not "false" or "0" means true. */
  flag(key: string): boolean {
    const value = this.string(key);
    return value !== undefined && value.toLowerCase() !== 'false' && value !== '0';
  }

  /** A non-negative integer parameter; throws 400 when malformed. */
  integer(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined || value === '') return undefined;
    if (!/^\d+$/.test(value)) throw badRequest(`${key}: Invalid value: "${value}": must be a non-negative integer`);
    return Number(value);
  }

  /** dryRun=All; throws 400 for any other value, as the API server does. */
  dryRun(): boolean {
    const values = this.all('dryRun').filter((v) => v !== '');
    for (const value of values) {
      if (value !== 'All') throw badRequest(`dryRun: Unsupported value: "${value}": supported values: "All"`);
    }
    return values.length > 0;
  }
}
