import type { KindInfo } from '../../../mesh/kinds';
import type { KubeObject, StatusCause } from '../../../mesh/kube-types';
import { isRecord } from '../openapi/schema-types';
import { invalid, required, tooLong, typeInvalid, jsonTypeOf } from './causes';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './names';

const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** How each kind's names are checked; most kinds take any DNS subdomain. */
function nameErrorsFor(info: KindInfo): (name: string) => string[] {
  if (info.group === '' && info.kind === 'Namespace') return dns1123LabelErrors;
  if (info.group === '' && info.kind === 'Service') return dns1035LabelErrors;
  return dns1123SubdomainErrors;
}

/** The object-metadata checks every kind gets (ValidateObjectMeta). */
export function metadataCauses(info: KindInfo, obj: KubeObject): StatusCause[] {
  const meta: unknown = obj.metadata;
  if (!isRecord(meta)) return [required('metadata')];
  return [...nameCauses(info, meta), ...namespaceCauses(info, meta), ...labelCauses(meta.labels), ...annotationCauses(meta.annotations)];
}

function nameCauses(info: KindInfo, meta: Record<string, unknown>): StatusCause[] {
  const { name, generateName } = meta;
  const nameErrors = nameErrorsFor(info);
  const causes: StatusCause[] = [];
  if (generateName !== undefined && typeof generateName !== 'string') {
    causes.push(typeInvalid('metadata.generateName', jsonTypeOf(generateName), 'must be a string'));
  } else if (generateName) {
    // A prefix may end in '-': the server appends a random suffix to it.
    for (const error of nameErrors(generateName.replace(/-$/, 'a'))) causes.push(invalid('metadata.generateName', generateName, error));
  }
  if (name === undefined || name === '') {
    if (!generateName) causes.push(required('metadata.name', 'name or generateName is required'));
  } else if (typeof name !== 'string') {
    causes.push(typeInvalid('metadata.name', jsonTypeOf(name), 'must be a string'));
  } else {
    for (const error of nameErrors(name)) causes.push(invalid('metadata.name', name, error));
  }
  return causes;
}

function namespaceCauses(info: KindInfo, meta: Record<string, unknown>): StatusCause[] {
  if (!info.namespaced) return [];
  const namespace = meta.namespace;
  if (namespace === undefined || namespace === '') return [required('metadata.namespace')];
  if (typeof namespace !== 'string') return [typeInvalid('metadata.namespace', jsonTypeOf(namespace), 'must be a string')];
  return dns1123LabelErrors(namespace).map((error) => invalid('metadata.namespace', namespace, error));
}

function labelCauses(labels: unknown): StatusCause[] {
  if (labels === undefined || labels === null) return [];
  if (!isRecord(labels)) return [typeInvalid('metadata.labels', jsonTypeOf(labels), 'must be a map of string keys to string values')];
  return Object.entries(labels).flatMap(([key, value]) => [
    ...qualifiedNameErrors(key).map((error) => invalid('metadata.labels', key, error)),
    ...(typeof value === 'string'
      ? labelValueErrors(value).map((error) => invalid('metadata.labels', value, error))
      : [typeInvalid(`metadata.labels[${key}]`, jsonTypeOf(value), 'label values must be strings')]),
  ]);
}

function annotationCauses(annotations: unknown): StatusCause[] {
  if (annotations === undefined || annotations === null) return [];
  if (!isRecord(annotations)) {
    return [typeInvalid('metadata.annotations', jsonTypeOf(annotations), 'must be a map of string keys to string values')];
  }
  const causes: StatusCause[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    causes.push(...qualifiedNameErrors(key.toLowerCase()).map((error) => invalid('metadata.annotations', key, error)));
    if (typeof value !== 'string') causes.push(typeInvalid(`metadata.annotations[${key}]`, jsonTypeOf(value), 'annotation values must be strings'));
    size += key.length + (typeof value === 'string' ? value.length : 0);
  }
  if (size > MAX_ANNOTATIONS_BYTES) causes.push(tooLong('metadata.annotations', MAX_ANNOTATIONS_BYTES));
  return causes;
}
