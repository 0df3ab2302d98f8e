/** Prometheus' API error types; the HTTP layer maps them to status codes. */
export type ErrorType = 'bad_data' | 'execution' | 'timeout' | 'canceled' | 'internal' | 'unavailable';

export class PromQLError extends Error {
  readonly errorType: ErrorType;

  constructor(errorType: ErrorType, message: string) {
    super(message);
    this.errorType = errorType;
  }
}

/** A query that cannot be parsed or type-checked (HTTP 400). */
export class ParseError extends PromQLError {
  constructor(message: string) {
    super('bad_data', message);
  }
}

/** A query using something this server does not implement: reported, never answered wrongly. */
export class UnsupportedError extends ParseError {
  constructor(what: string) {
    super(`not supported by this server: ${what}`);
  }
}

/** A failure while evaluating a valid query (HTTP 422). */
export class ExecutionError extends PromQLError {
  constructor(message: string) {
    super('execution', message);
  }
}

export class TimeoutError extends PromQLError {
  constructor(message = 'query timed out in expression evaluation') {
    super('timeout', message);
  }
}

export const DUPLICATE_LABELSET = 'vector cannot contain metrics with the same labelset';
