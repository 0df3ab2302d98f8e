import type { ValueType } from './ast';

/**
 * Argument and return types of the PromQL functions this server evaluates, in Prometheus'
 * encoding of `variadic`: 0 = exactly `argTypes`; n > 0 = the last argument is optional and may
 * be repeated up to n times; -1 = the last argument may be repeated any number of times.
 */
export interface FunctionSignature {
  argTypes: ValueType[];
  variadic: number;
  returnType: ValueType;
}

const v = 'vector';
const m = 'matrix';
const s = 'scalar';
const str = 'string';

function sig(argTypes: ValueType[], returnType: ValueType = v, variadic = 0): FunctionSignature {
  return { argTypes, variadic, returnType };
}

const simpleMath = [
  'abs',
  'ceil',
  'floor',
  'exp',
  'sqrt',
  'ln',
  'log2',
  'log10',
  'sgn',
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atanh',
  'cos',
  'cosh',
  'sin',
  'sinh',
  'tan',
  'tanh',
  'deg',
  'rad',
] as const;

const overTime = [
  'avg_over_time',
  'min_over_time',
  'max_over_time',
  'sum_over_time',
  'count_over_time',
  'last_over_time',
  'present_over_time',
  'stddev_over_time',
  'stdvar_over_time',
  'absent_over_time',
  'rate',
  'irate',
  'increase',
  'delta',
  'idelta',
  'deriv',
  'changes',
  'resets',
] as const;

const calendar = ['day_of_month', 'day_of_week', 'day_of_year', 'days_in_month', 'hour', 'minute', 'month', 'year'] as const;

export const FUNCTION_SIGNATURES: Readonly<Record<string, FunctionSignature>> = {
  ...Object.fromEntries(simpleMath.map((name) => [name, sig([v])])),
  ...Object.fromEntries(overTime.map((name) => [name, sig([m])])),
  ...Object.fromEntries(calendar.map((name) => [name, sig([v], v, 1)])),
  absent: sig([v]),
  clamp: sig([v, s, s]),
  clamp_max: sig([v, s]),
  clamp_min: sig([v, s]),
  histogram_quantile: sig([s, v]),
  label_replace: sig([v, str, str, str, str]),
  label_join: sig([v, str, str, str], v, -1),
  pi: sig([], s),
  predict_linear: sig([m, s]),
  quantile_over_time: sig([s, m]),
  round: sig([v, s], v, 1),
  scalar: sig([v], s),
  sort: sig([v]),
  sort_desc: sig([v]),
  time: sig([], s),
  timestamp: sig([v]),
  vector: sig([s]),
};

/** Functions Prometheus has but this server does not evaluate (reported as unsupported). */
export const KNOWN_UNSUPPORTED_FUNCTIONS = new Set([
  'holt_winters',
  'double_exponential_smoothing',
  'histogram_count',
  'histogram_sum',
  'histogram_avg',
  'histogram_fraction',
  'histogram_stddev',
  'histogram_stdvar',
  'histogram_quantiles',
  'info',
  'mad_over_time',
  'first_over_time',
  'ts_of_first_over_time',
  'ts_of_last_over_time',
  'ts_of_max_over_time',
  'ts_of_min_over_time',
  'sort_by_label',
  'sort_by_label_desc',
  'start',
  'end',
  'range',
  'step',
  'start_timestamp',
]);

export const AGGREGATE_OPS = new Set([
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
  'count_values',
]);

export const PARAMETERISED_AGGREGATES = new Set(['topk', 'bottomk', 'quantile', 'count_values']);
