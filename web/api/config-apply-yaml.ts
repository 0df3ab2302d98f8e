/**
 * Manifests as text: objects to YAML the way kubectl prints them, multi-document YAML back to
 * objects with line numbers, and objects cleaned of what the server owns.
 */
import { LineCounter, isScalar, parseAllDocuments, stringify } from 'yaml';
import { findKind, parseApiVersion } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject, ObjectMeta } from '../../mesh/kube-types';
import { locateInDocument, parseFieldPath } from '../../mesh/yaml-locate';
import { isRecord, parseKubeObject } from './guards';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Metadata the server writes; sending it back is noise at best and a conflict at worst. */
const SERVER_METADATA: readonly (keyof ObjectMeta | 'selfLink' | 'deletionGracePeriodSeconds')[] = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'selfLink',
];

/** The object as one would keep it in Git for `kubectl apply`: no status, no server-owned metadata. */
export function cleanForApply(object: KubeObject): KubeObject {
  const { status: _status, ...rest } = object;
  const metadata: Record<string, unknown> = { ...object.metadata };
  for (const key of SERVER_METADATA) delete metadata[key];
  const annotations = { ...object.metadata.annotations };
  delete annotations[LAST_APPLIED];
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  if (metadata.labels && Object.keys(metadata.labels).length === 0) delete metadata.labels;
  return inKubectlOrder({ ...rest, metadata: metadata as ObjectMeta });
}

/** apiVersion, kind, metadata, spec first, as kubectl prints them; other fields after. */
export function inKubectlOrder(object: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, spec, ...rest } = object;
  const ordered: KubeObject = { apiVersion, kind, metadata };
  if (spec !== undefined) ordered.spec = spec;
  return Object.assign(ordered, rest);
}

export function toYaml(object: KubeObject): string {
  return stringify(inKubectlOrder(object), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Several objects as one multi-document stream. */
export function toYamlStream(objects: readonly KubeObject[]): string {
  return objects.map(toYaml).join('---\n');
}

export interface ManifestProblem {
  /** 1-based line in the whole text. */
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}

export interface ManifestDocument {
  /** 0-based position among the non-empty documents. */
  readonly index: number;
  /** 1-based first and last line of the document in the whole text. */
  readonly startLine: number;
  readonly endLine: number;
  /** The object, when the document is one the console can apply. */
  readonly object?: KubeObject;
  readonly kind?: KindInfo;
  readonly problems: readonly ManifestProblem[];
  /** The line a field path points at (`spec.http[0].route`), or the document's first line. */
  lineOf(fieldPath: string): number;
}

export interface ParseOptions {
  /** Given to namespaced objects that name none, like `kubectl apply -n`. */
  readonly defaultNamespace?: string;
}

/** Splits a multi-document stream into objects, each with its problems and a way back to its lines. */
export function parseManifest(text: string, options: ParseOptions = {}): ManifestDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  const out: ManifestDocument[] = [];
  for (const doc of list) {
    const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
    if (empty && doc.errors.length === 0) continue;
    const [start = 0, end = text.length] = doc.range;
    const lineAt = (offset: number) => lineCounter.linePos(Math.min(offset, text.length)).line;
    const startLine = lineAt(firstContentOffset(text, start, end));
    const lineOf = (fieldPath: string) => {
      return locateInDocument(doc, lineCounter, text, parseFieldPath(fieldPath))?.line ?? startLine;
    };
    const problems: ManifestProblem[] = doc.errors.map((error) => {
      const pos = error.linePos?.[0];
      const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      return { line: pos?.line ?? startLine, column: pos?.col, message };
    });
    const base = { index: out.length, startLine, endLine: Math.max(startLine, lineAt(Math.max(start, end - 1))), lineOf };
    if (problems.length) {
      out.push({ ...base, problems });
      continue;
    }
    out.push({ ...base, ...toObject(doc.toJS(), options, lineOf, startLine) });
  }
  return out;
}

function toObject(
  value: unknown,
  options: ParseOptions,
  lineOf: (path: string) => number,
  startLine: number,
): { object?: KubeObject; kind?: KindInfo; problems: ManifestProblem[] } {
  const fail = (message: string, path = '') => ({ problems: [{ line: path ? lineOf(path) : startLine, message }] });
  if (!isRecord(value)) return fail('A manifest document must be a mapping with apiVersion, kind and metadata');
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : undefined;
  const kindName = typeof value.kind === 'string' ? value.kind : undefined;
  if (!apiVersion) return fail('apiVersion is missing');
  if (!kindName) return fail('kind is missing');
  if (kindName.endsWith('List')) return fail(`${kindName} is not supported: list the objects as separate documents`, 'kind');
  const { group, version } = parseApiVersion(apiVersion);
  const kind = findKind(group, kindName);
  if (!kind) return fail(`${kindName} in ${group || 'the core group'} is not a kind this console knows`, 'kind');
  if (!kind.versions.includes(version)) {
    return fail(`${kindName} is served as ${kind.versions.map((v) => (group ? `${group}/${v}` : v)).join(', ')}, not ${apiVersion}`, 'apiVersion');
  }
  if (!isRecord(value.metadata)) return fail('metadata is missing');
  const name = value.metadata.name;
  if (typeof name !== 'string' || !name) return fail('metadata.name is missing (generateName cannot be applied)', 'metadata');
  const metadata = { ...value.metadata };
  if (!kind.namespaced) delete metadata.namespace;
  else if (!metadata.namespace) {
    if (!options.defaultNamespace) return fail('metadata.namespace is missing and no namespace is selected', 'metadata');
    metadata.namespace = options.defaultNamespace;
  }
  const object = parseKubeObject({ ...value, metadata }, kind);
  if (!object) return fail('metadata has fields of the wrong type (name and namespace must be strings)', 'metadata');
  return { object, kind, problems: [] };
}

/** Lines before a document's first content (comments, blank lines) do not count as its start. */
function firstContentOffset(text: string, start: number, end: number): number {
  let offset = start;
  while (offset < end) {
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(offset, lineEnd < 0 ? end : lineEnd).trim();
    if (line && !line.startsWith('#') && line !== '---') return offset;
    if (lineEnd < 0) break;
    offset = lineEnd + 1;
  }
  return start;
}
