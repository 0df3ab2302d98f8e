/** metav1.Status errors, worded as the Kubernetes API server words them. */
import type { KindInfo } from '../../mesh/kinds';
import type { Status, StatusCause } from '../../mesh/kube-types';

type StatusDetails = NonNullable<Status['details']> & { uid?: string };

export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'ApiError';
  }

  get code(): number {
    return this.status.code;
  }
}

export function failureStatus(code: number, reason: string, message: string, details?: StatusDetails): Status {
  // Field order as the API server writes it: details before code.
  const head = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason } as const;
  return details ? { ...head, details, code } : { ...head, code };
}

function fail(code: number, reason: string, message: string, details?: StatusDetails): ApiError {
  return new ApiError(failureStatus(code, reason, message, details));
}

/** "virtualservices.networking.istio.io" or, for the core group, "pods". */
export function resourceLabel(info: KindInfo): string {
  return info.group === '' ? info.plural : `${info.plural}.${info.group}`;
}

function resourceDetails(info: KindInfo, name: string, kind = info.plural): StatusDetails {
  return info.group === '' ? { name, kind } : { name, group: info.group, kind };
}

export function notFound(info: KindInfo, name: string): ApiError {
  return fail(404, 'NotFound', `${resourceLabel(info)} "${name}" not found`, resourceDetails(info, name));
}

/** The answer for a path that names no resource the server knows. */
export function unknownResource(): ApiError {
  return fail(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function alreadyExists(info: KindInfo, name: string): ApiError {
  return fail(409, 'AlreadyExists', `${resourceLabel(info)} "${name}" already exists`, resourceDetails(info, name));
}

export const STALE_OBJECT =
  'the object has been modified; please apply your changes to the latest version and try again';

export function conflict(info: KindInfo, name: string, why = STALE_OBJECT): ApiError {
  return fail(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resourceLabel(info)} "${name}": ${why}`,
    resourceDetails(info, name),
  );
}

function describeCause(cause: StatusCause): string {
  return cause.field ? `${cause.field}: ${cause.message ?? ''}` : (cause.message ?? '');
}

export function invalid(info: KindInfo, name: string, causes: readonly StatusCause[]): ApiError {
  const qualifiedKind = info.group === '' ? info.kind : `${info.kind}.${info.group}`;
  const described = causes.map(describeCause);
  const summary = described.length === 1 ? described[0] : `[${described.join(', ')}]`;
  return fail(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    ...resourceDetails(info, name, info.kind),
    causes: [...causes],
  });
}

export function badRequest(message: string): ApiError {
  return fail(400, 'BadRequest', message);
}

export function unauthorized(): ApiError {
  return fail(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(message: string, details?: StatusDetails): ApiError {
  return fail(403, 'Forbidden', message, details);
}

export function methodNotAllowed(): ApiError {
  return fail(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

export function notAcceptable(accept: string): ApiError {
  return fail(406, 'NotAcceptable', `only the following media types are accepted: application/json, application/yaml (not ${accept})`);
}

export function unsupportedMediaType(contentType: string, accepted: readonly string[]): ApiError {
  return fail(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format (${contentType}) - accepted media types include: ${accepted.join(', ')}`,
  );
}

export function expired(requested: number, oldest: number): ApiError {
  return fail(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

export function internalError(message: string): ApiError {
  return fail(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** A Status for a failure that did not come from this module (framework errors, thrown bugs). */
export function statusFromUnknown(error: unknown): Status {
  if (error instanceof ApiError) return error.status;
  const code = httpCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && code >= 400 && code < 500) return failureStatus(code, reasonForCode(code), message);
  return internalError(message).status;
}

function httpCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const code = error.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function reasonForCode(code: number): string {
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    404: 'NotFound',
    405: 'MethodNotAllowed',
    406: 'NotAcceptable',
    413: 'RequestEntityTooLarge',
    415: 'UnsupportedMediaType',
  };
  return reasons[code] ?? 'BadRequest';
}
