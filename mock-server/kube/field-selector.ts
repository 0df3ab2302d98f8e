/** Field selectors (`metadata.name=x,status.phase!=Running`) over the fields each kind supports. */
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { badRequest } from './errors';
import { getPath } from './json-value';

export interface FieldRequirement {
  readonly path: readonly string[];
  readonly value: string;
  readonly negate: boolean;
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];

/** Extra fields the real API server indexes, per kind. */
const KIND_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Namespace: ['status.phase'],
  Service: ['spec.clusterIP', 'spec.type'],
};

function supportedFields(info: KindInfo): readonly string[] {
  return info.group === '' ? [...COMMON_FIELDS, ...(KIND_FIELDS[info.kind] ?? [])] : COMMON_FIELDS;
}

export function parseFieldSelector(info: KindInfo, selector: string): FieldRequirement[] {
  const supported = supportedFields(info);
  return selector
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    .map((term) => {
      const match = /^([^!=]+)(==|!=|=)(.*)$/.exec(term);
      if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
      const [, field = '', operator, value = ''] = match;
      if (!supported.includes(field)) throw badRequest(`field label not supported: ${field}`);
      return { path: field.split('.'), value, negate: operator === '!=' };
    });
}

function fieldText(obj: KubeObject, path: readonly string[]): string {
  const value = getPath(obj, path);
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function matchesFieldSelector(requirements: readonly FieldRequirement[], obj: KubeObject): boolean {
  return requirements.every((r) => (fieldText(obj, r.path) === r.value) !== r.negate);
}
