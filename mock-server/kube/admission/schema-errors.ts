import type { StatusCause } from '../../../mesh/kube-types';
import { pointerSegments, schemaAt, type DefinitionLookup } from '../openapi/schema-walk';
import type { OpenApiSchema } from '../openapi/schema-types';
import { invalid, jsonTypeOf, notSupported, required, tooLong, tooMany, typeInvalid } from './causes';
import { fieldPath, valueAt } from './field-path';
import type { AjvError } from './model-validation';

/**
 * Maps the validator's errors to the causes the API server reports for a CRD schema violation.
 * ajv reports a oneOf violation several times (the failed "none of them" branch, then the oneOf
 * itself) and an int-or-string mismatch once per alternative; each becomes a single cause.
 */
export function schemaCauses(
  errors: readonly AjvError[],
  data: unknown,
  root: OpenApiSchema | undefined,
  lookup: DefinitionLookup,
): StatusCause[] {
  const unique = dedupe(errors.filter((e) => !isMetadataError(e)));
  const composite = new Set(unique.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const causes: StatusCause[] = [];
  for (const error of unique) {
    if (composite.has(error.instancePath) && (error.keyword === 'not' || error.keyword === 'type')) continue;
    const segments = pointerSegments(error.instancePath);
    const context: ErrorContext = {
      error,
      field: fieldPath(segments, root, lookup, data),
      value: valueAt(data, segments),
      schema: root && schemaAt(root, segments, lookup),
      siblings: unique.filter((e) => e.instancePath === error.instancePath),
    };
    causes.push(toCause(context));
  }
  return dedupeCauses(causes);
}

interface ErrorContext {
  error: AjvError;
  field: string;
  value: unknown;
  schema: OpenApiSchema | undefined;
  /** Every error at the same path, for composite keywords that summarise them. */
  siblings: readonly AjvError[];
}

function toCause({ error, field, value, schema, siblings }: ErrorContext): StatusCause {
  const { keyword, params } = error;
  const at = field || '<root>';
  switch (keyword) {
    case 'type':
      return typeMismatch(field, value, [String(params.type)]);
    case 'required':
      return required(field ? `${field}.${String(params.missingProperty)}` : String(params.missingProperty));
    case 'enum':
      return notSupported(field, value, Array.isArray(params.allowedValues) ? params.allowedValues : []);
    case 'minimum':
    case 'exclusiveMinimum':
      return invalid(field, value, `${at} in body should be greater than ${keyword === 'minimum' ? 'or equal to ' : ''}${String(params.limit)}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return invalid(field, value, `${at} in body should be less than ${keyword === 'maximum' ? 'or equal to ' : ''}${String(params.limit)}`);
    case 'minLength':
      return invalid(field, value, `${at} in body should be at least ${String(params.limit)} chars long`);
    case 'maxLength':
      return tooLong(field, Number(params.limit));
    case 'minItems':
      return invalid(field, value, `${at} in body should have at least ${String(params.limit)} items`);
    case 'maxItems':
      return tooMany(field, Array.isArray(value) ? value.length : 0, Number(params.limit));
    case 'minProperties':
      return invalid(field, value, `${at} in body should have at least ${String(params.limit)} properties`);
    case 'maxProperties':
      return tooMany(field, typeof value === 'object' && value !== null ? Object.keys(value).length : 0, Number(params.limit));
    case 'pattern':
      return invalid(field, value, `${at} in body should match '${String(params.pattern)}'`);
    case 'format':
      return invalid(field, value, `${at} in body must be of type ${String(params.format)}: ${JSON.stringify(value)}`);
    case 'oneOf':
      return exclusiveFields(field, value, schema);
    case 'anyOf': {
      const types = siblings.filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
      if (types.length > 0) return typeMismatch(field, value, types);
      return invalid(field, value, `${at} in body must validate at least one schema (anyOf)`);
    }
    case 'not':
      return invalid(field, value, `${at} in body must not validate the schema (not)`);
    default:
      return invalid(field, value, `${at} in body ${error.message ?? `fails ${keyword}`}`);
  }
}

function typeMismatch(field: string, value: unknown, expected: readonly string[]): StatusCause {
  const actual = jsonTypeOf(value);
  return typeInvalid(field, actual, `${field || '<root>'} in body must be of type ${expected.join(',')}: ${JSON.stringify(actual)}`);
}

/**
 * Istio's CRDs use oneOf for fields that exclude each other (uri.exact / prefix / regex).
 * The schema names the fields, so the cause can say which ones clash instead of "oneOf failed".
 */
function exclusiveFields(field: string, value: unknown, schema: OpenApiSchema | undefined): StatusCause {
  const groups = schema?.oneOf ? [schema.oneOf] : (schema?.allOf ?? []).flatMap((s) => (s.oneOf ? [s.oneOf] : []));
  const present = typeof value === 'object' && value !== null ? Object.keys(value) : [];
  for (const branches of groups) {
    const fields = branches.flatMap((b) => b.required ?? []);
    const set = fields.filter((f) => present.includes(f));
    if (set.length > 1) return invalid(field, 'object', `only one of ${fields.join(', ')} may be set, but ${set.join(' and ')} are`);
    const noneAllowed = branches.some((b) => b.not);
    if (set.length === 0 && !noneAllowed) return required(field, `exactly one of ${fields.join(', ')} must be set`);
  }
  return invalid(field, 'object', `${field || '<root>'} in body must validate one and only one schema (oneOf)`);
}

/** Metadata is checked on its own, as the server does for every kind. */
function isMetadataError(error: AjvError): boolean {
  return error.instancePath.startsWith('/metadata') || (error.instancePath === '' && error.params.missingProperty === 'metadata');
}

function dedupe(errors: readonly AjvError[]): AjvError[] {
  const seen = new Map<string, AjvError>();
  for (const e of errors) seen.set(`${e.instancePath}\0${e.keyword}\0${JSON.stringify(e.params)}`, e);
  return [...seen.values()];
}

function dedupeCauses(causes: readonly StatusCause[]): StatusCause[] {
  const seen = new Map<string, StatusCause>();
  for (const c of causes) seen.set(`${c.field ?? ''}\0${c.message ?? ''}`, c);
  return [...seen.values()];
}
