/** Request and response encodings: JSON and YAML bodies, and the Accept header's choices. */
import YAML from 'yaml';
import type { KubeObject } from '../../mesh/kube-types';
import { badRequest, notAcceptable, unsupportedMediaType } from './errors';
import { isRecord } from './json-value';
import { mediaType } from './patch';
import { PROTOBUF_MEDIA_TYPE, decodeKubeProtobuf } from './protobuf-kinds';

const YAML_TYPES = new Set(['application/yaml', 'application/apply-patch+yaml', 'text/yaml', 'application/x-yaml']);
const JSON_TYPES = new Set([
  '',
  'application/json',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
]);

/** The decoded body, or undefined when there is none. Throws 400 on malformed input, 415 on other encodings. */
export function decodeBody(body: string | Buffer | undefined, contentType: string | undefined): unknown {
  const type = mediaType(contentType);
  if (Buffer.isBuffer(body)) {
    if (type === PROTOBUF_MEDIA_TYPE) return decodeKubeProtobuf(body);
    return decodeBody(body.toString('utf8'), contentType);
  }
  const text = body;
  if (text === undefined || text.trim() === '') return undefined;
  if (!JSON_TYPES.has(type) && !YAML_TYPES.has(type)) {
    throw unsupportedMediaType(type, ['application/json', 'application/yaml', PROTOBUF_MEDIA_TYPE]);
  }
  try {
    if (YAML_TYPES.has(type)) return YAML.parse(text) as unknown;
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw badRequest(`the body of the request could not be decoded as ${YAML_TYPES.has(type) ? 'YAML' : 'JSON'}: ${detail}`);
  }
}

/** Narrows a decoded body to an object with metadata; throws 400 otherwise. */
export function asKubeObject(body: unknown): KubeObject {
  if (!isRecord(body)) throw badRequest('the request body must be a JSON or YAML object');
  const metadata = body.metadata ?? {};
  if (!isRecord(metadata)) throw badRequest('metadata must be an object');
  const { apiVersion, kind } = body;
  if ((apiVersion !== undefined && typeof apiVersion !== 'string') || (kind !== undefined && typeof kind !== 'string')) {
    throw badRequest('apiVersion and kind must be strings');
  }
  return { ...body, apiVersion: apiVersion ?? '', kind: kind ?? '', metadata } as KubeObject;
}

export type ResponseFormat =
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'table'; version: string }
  | { kind: 'metadata'; version: string };

const META_GROUP = 'meta.k8s.io';
const META_VERSIONS = ['v1', 'v1beta1'];

function formatOf(range: string): ResponseFormat | undefined {
  const [type = '', ...parameterTexts] = range.split(';').map((part) => part.trim());
  const parameters = new Map(
    parameterTexts.map((p) => {
      const [key = '', value = ''] = p.split('=');
      return [key.trim(), value.trim()] as const;
    }),
  );
  const as = parameters.get('as');
  const lower = type.toLowerCase();
  const json = lower === 'application/json' || lower === 'application/*' || lower === '*/*';
  if (as !== undefined) {
    const version = parameters.get('v') ?? '';
    if (!json || parameters.get('g') !== META_GROUP || !META_VERSIONS.includes(version)) return undefined;
    if (as === 'Table') return { kind: 'table', version };
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { kind: 'metadata', version };
    return undefined;
  }
  if (json) return { kind: 'json' };
  if (lower === 'application/yaml') return { kind: 'yaml' };
  return undefined;
}

/** The first acceptable format in the Accept header; throws 406 when none is. */
export function negotiate(accept: string | undefined): ResponseFormat {
  if (!accept || accept.trim() === '') return { kind: 'json' };
  for (const range of accept.split(',')) {
    const format = formatOf(range);
    if (format) return format;
  }
  throw notAcceptable(accept);
}
