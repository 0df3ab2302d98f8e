/**
 * Decoding of the protobuf bodies kubectl's typed clients send (`kubectl create namespace|configmap|
 * serviceaccount|service|deployment`, `kubectl run`, `kubectl auth can-i|whoami`) for built-in kinds. Field numbers follow
 * k8s.io/api's generated.proto; only fields those commands fill in are described, and a body that
 * carries any other non-empty field is refused (415) rather than silently losing it.
 */
import { unsupportedMediaType } from './errors';
import { isRecord, type JsonRecord } from './json-value';
import { readFields, signedNumber, type WireField } from './protobuf-wire';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Scalar = 'string' | 'bytes' | 'int' | 'bool' | 'intOrString';
interface Field {
  readonly name: string;
  readonly type: Scalar | Schema | { readonly map: 'string' | 'bytes' };
  readonly repeated?: boolean;
}
interface Schema {
  readonly [number: number]: Field;
}

const f = (name: string, type: Field['type'], repeated = false): Field => ({ name, type, repeated });
const strings = (name: string): Field => f(name, 'string', true);
const stringMap = (name: string): Field => f(name, { map: 'string' });

const OBJECT_META: Schema = {
  1: f('name', 'string'),
  2: f('generateName', 'string'),
  3: f('namespace', 'string'),
  5: f('uid', 'string'),
  6: f('resourceVersion', 'string'),
  7: f('generation', 'int'),
  11: stringMap('labels'),
  12: stringMap('annotations'),
  13: f('ownerReferences', { 1: f('kind', 'string'), 3: f('name', 'string'), 4: f('uid', 'string'), 5: f('apiVersion', 'string'), 6: f('controller', 'bool'), 7: f('blockOwnerDeletion', 'bool') }, true),
  14: strings('finalizers'),
};

const CONTAINER: Schema = {
  1: f('name', 'string'),
  2: f('image', 'string'),
  3: strings('command'),
  4: strings('args'),
  5: f('workingDir', 'string'),
  6: f('ports', { 1: f('name', 'string'), 2: f('hostPort', 'int'), 3: f('containerPort', 'int'), 4: f('protocol', 'string'), 5: f('hostIP', 'string') }, true),
  7: f('env', { 1: f('name', 'string'), 2: f('value', 'string') }, true),
  13: f('terminationMessagePath', 'string'),
  14: f('imagePullPolicy', 'string'),
  20: f('terminationMessagePolicy', 'string'),
};

const POD_SPEC: Schema = {
  2: f('containers', CONTAINER, true),
  3: f('restartPolicy', 'string'),
  4: f('terminationGracePeriodSeconds', 'int'),
  6: f('dnsPolicy', 'string'),
  7: stringMap('nodeSelector'),
  8: f('serviceAccountName', 'string'),
  10: f('nodeName', 'string'),
};

const LABEL_SELECTOR: Schema = {
  1: stringMap('matchLabels'),
  2: f('matchExpressions', { 1: f('key', 'string'), 2: f('operator', 'string'), 3: strings('values') }, true),
};

const SERVICE_SPEC: Schema = {
  1: f('ports', { 1: f('name', 'string'), 2: f('protocol', 'string'), 3: f('port', 'int'), 4: f('targetPort', 'intOrString'), 5: f('nodePort', 'int'), 6: f('appProtocol', 'string') }, true),
  2: stringMap('selector'),
  3: f('clusterIP', 'string'),
  4: f('type', 'string'),
  5: strings('externalIPs'),
  7: f('sessionAffinity', 'string'),
  10: f('externalName', 'string'),
};

const DEPLOYMENT_SPEC: Schema = {
  1: f('replicas', 'int'),
  2: f('selector', LABEL_SELECTOR),
  3: f('template', { 1: f('metadata', OBJECT_META), 2: f('spec', POD_SPEC) }),
  4: f('strategy', { 1: f('type', 'string'), 2: f('rollingUpdate', { 1: f('maxUnavailable', 'intOrString'), 2: f('maxSurge', 'intOrString') }) }),
  5: f('minReadySeconds', 'int'),
  6: f('revisionHistoryLimit', 'int'),
  9: f('progressDeadlineSeconds', 'int'),
};

const ACCESS_REVIEW_SPEC: Schema = {
  1: f('resourceAttributes', {
    1: f('namespace', 'string'),
    2: f('verb', 'string'),
    3: f('group', 'string'),
    4: f('version', 'string'),
    5: f('resource', 'string'),
    6: f('subresource', 'string'),
    7: f('name', 'string'),
  }),
  2: f('nonResourceAttributes', { 1: f('path', 'string'), 2: f('verb', 'string') }),
};

/** Top-level schemas by "apiVersion/kind"; status is the server's to set, so it is not read. */
const KIND_SCHEMAS: Readonly<Record<string, Schema>> = {
  'v1/Namespace': { 1: f('metadata', OBJECT_META), 2: f('spec', { 1: strings('finalizers') }) },
  'v1/ConfigMap': { 1: f('metadata', OBJECT_META), 2: stringMap('data'), 3: f('binaryData', { map: 'bytes' }), 4: f('immutable', 'bool') },
  'v1/ServiceAccount': {
    1: f('metadata', OBJECT_META),
    3: f('imagePullSecrets', { 1: f('name', 'string') }, true),
    4: f('automountServiceAccountToken', 'bool'),
  },
  'v1/Service': { 1: f('metadata', OBJECT_META), 2: f('spec', SERVICE_SPEC) },
  'v1/Pod': { 1: f('metadata', OBJECT_META), 2: f('spec', POD_SPEC) },
  'apps/v1/Deployment': { 1: f('metadata', OBJECT_META), 2: f('spec', DEPLOYMENT_SPEC) },
  'authorization.k8s.io/v1/SelfSubjectAccessReview': { 1: f('metadata', OBJECT_META), 2: f('spec', ACCESS_REVIEW_SPEC) },
  'authorization.k8s.io/v1/SelfSubjectRulesReview': { 1: f('metadata', OBJECT_META), 2: f('spec', { 1: f('namespace', 'string') }) },
  'authentication.k8s.io/v1/SelfSubjectReview': { 1: f('metadata', OBJECT_META) },
};

class Unsupported extends Error {}

/** Zero, empty, or a message of nothing but such fields: gogo-protobuf writes every field, set or not. */
function isEmpty(field: WireField): boolean {
  if (field.varint !== undefined) return field.varint === 0n;
  if (!field.bytes || field.bytes.length === 0) return true;
  try {
    return readFields(field.bytes).every(isEmpty);
  } catch {
    return false;
  }
}

function intOrString(bytes: Buffer): number | string {
  const fields = readFields(bytes);
  const isString = fields.some((x) => x.number === 1 && x.varint === 1n);
  const value = fields.find((x) => x.number === (isString ? 3 : 2));
  if (isString) return value?.bytes?.toString('utf8') ?? '';
  return value?.varint === undefined ? 0 : signedNumber(value.varint);
}

function scalar(type: Scalar, field: WireField): unknown {
  if (type === 'int') return field.varint === undefined ? undefined : signedNumber(field.varint);
  if (type === 'bool') return field.varint === undefined ? undefined : field.varint !== 0n;
  if (!field.bytes) return undefined;
  if (type === 'string') return field.bytes.toString('utf8');
  if (type === 'bytes') return field.bytes.toString('base64');
  return intOrString(field.bytes);
}

function mapEntry(bytes: Buffer, valueType: 'string' | 'bytes'): [string, string] {
  const fields = readFields(bytes);
  const key = fields.find((x) => x.number === 1)?.bytes?.toString('utf8') ?? '';
  const value = fields.find((x) => x.number === 2)?.bytes ?? Buffer.alloc(0);
  return [key, valueType === 'bytes' ? value.toString('base64') : value.toString('utf8')];
}

function decodeMessage(bytes: Buffer, schema: Schema, path: string): JsonRecord {
  const result: JsonRecord = {};
  for (const field of readFields(bytes)) {
    const spec = schema[field.number];
    if (!spec) {
      if (isEmpty(field)) continue;
      throw new Unsupported(`${path}#${field.number}`);
    }
    const { type } = spec;
    let value: unknown;
    if (typeof type === 'object' && 'map' in type) {
      if (!field.bytes) continue;
      const [key, entry] = mapEntry(field.bytes, type.map);
      const map = isRecord(result[spec.name]) ? (result[spec.name] as JsonRecord) : {};
      map[key] = entry;
      result[spec.name] = map;
      continue;
    } else if (typeof type === 'object') {
      value = field.bytes ? decodeMessage(field.bytes, type, `${path}.${spec.name}`) : undefined;
      if (isRecord(value) && Object.keys(value).length === 0 && !spec.repeated) continue;
    } else {
      value = scalar(type, field);
      if (!spec.repeated && (value === '' || value === 0 || value === false)) continue;
    }
    if (value === undefined) continue;
    if (spec.repeated) result[spec.name] = [...(Array.isArray(result[spec.name]) ? (result[spec.name] as unknown[]) : []), value];
    else result[spec.name] = value;
  }
  return result;
}

/** Decodes a `k8s\0`-framed protobuf object into its JSON form; throws 415 for what it cannot read. */
export function decodeKubeProtobuf(body: Buffer): JsonRecord {
  const refuse = (detail: string): Error =>
    unsupportedMediaType(`${PROTOBUF_MEDIA_TYPE} (${detail})`, ['application/json', 'application/yaml']);
  if (!body.subarray(0, MAGIC.length).equals(MAGIC)) throw refuse('no Kubernetes protobuf envelope');
  try {
    const envelope = readFields(body.subarray(MAGIC.length));
    const typeMeta = readFields(envelope.find((x) => x.number === 1)?.bytes ?? Buffer.alloc(0));
    const apiVersion = typeMeta.find((x) => x.number === 1)?.bytes?.toString('utf8') ?? '';
    const kind = typeMeta.find((x) => x.number === 2)?.bytes?.toString('utf8') ?? '';
    const schema = KIND_SCHEMAS[`${apiVersion}/${kind}`];
    if (!schema) throw new Unsupported(`${apiVersion} ${kind}`);
    const raw = envelope.find((x) => x.number === 2)?.bytes ?? Buffer.alloc(0);
    return { apiVersion, kind, ...decodeMessage(raw, schema, kind) };
  } catch (error) {
    throw refuse(error instanceof Unsupported ? `cannot decode ${error.message}; send JSON or YAML` : String(error));
  }
}
