/** The PATCH content types: JSON patch, JSON merge patch, strategic merge patch and server-side apply. */
import jsonpatch from 'fast-json-patch';
import type { KubeObject } from '../../mesh/kube-types';
import { ApiError, badRequest, failureStatus, unsupportedMediaType } from './errors';
import { cloneJson, isRecord } from './json-value';
import { strategicMerge } from './strategic-merge';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const PATCH_TYPES: Readonly<Record<string, PatchType>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
};

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function patchTypeOf(contentType: string | undefined): PatchType {
  const type = PATCH_TYPES[mediaType(contentType)];
  if (!type) throw unsupportedMediaType(mediaType(contentType), Object.keys(PATCH_TYPES));
  return type;
}

/** Errors in a well-formed patch that cannot apply to this object (a failed `test`, a missing path). */
const UNAPPLICABLE = new Set([
  'OPERATION_PATH_CANNOT_ADD',
  'OPERATION_PATH_UNRESOLVABLE',
  'OPERATION_FROM_UNRESOLVABLE',
  'OPERATION_PATH_ILLEGAL_ARRAY_INDEX',
  'OPERATION_VALUE_OUT_OF_BOUNDS',
  'TEST_OPERATION_FAILED',
]);

function applyJsonPatch(current: KubeObject, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    return jsonpatch.applyPatch(cloneJson(current), patch, true, true).newDocument;
  } catch (error) {
    if (!(error instanceof jsonpatch.JsonPatchError)) throw error;
    const message = error.message.split('\n')[0] ?? error.name;
    if (UNAPPLICABLE.has(error.name)) throw new ApiError(failureStatus(422, 'Invalid', message));
    throw badRequest(message);
  }
}

/** The object a patch of `type` makes of `current`; `builtin` kinds merge keyed lists strategically. */
export function applyPatch(type: PatchType, current: KubeObject, patch: unknown, builtin: boolean): KubeObject {
  if (type !== 'json' && !isRecord(patch)) throw badRequest('the patch must be a JSON object');
  const patched =
    type === 'json'
      ? applyJsonPatch(current, patch)
      : strategicMerge(current, patch, {
          listKeys: builtin && type !== 'merge',
          directives: builtin && type === 'strategic',
        });
  if (!isRecord(patched) || !isRecord(patched.metadata)) throw badRequest('the patch removed the object metadata');
  return patched as KubeObject;
}
