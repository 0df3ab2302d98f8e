/**
 * `kubectl apply -f` for the console: each document of a manifest is created when absent and
 * updated otherwise. A plan (with a server dry run) comes first, then the apply, document by document.
 *
 * Update semantics, without kubectl's last-applied bookkeeping: the document's top-level fields
 * (spec, data, rules…) replace the live ones; its labels and annotations are added to the live
 * ones, so applying never strips metadata that others (controllers, operators) put there.
 */
import { apiVersionOf, kindId } from '../../mesh/kinds';
import type { KindInfo } from '../../mesh/kinds';
import type { KubeObject } from '../../mesh/kube-types';
import { cleanForApply, toYaml } from './config-apply-yaml';
import type { ManifestDocument, ManifestProblem } from './config-apply-yaml';
import { saveObject } from './config-save';
import { KubeApiError } from './errors';
import type { KubeClient } from './kube';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface PlannedDocument {
  readonly document: ManifestDocument;
  readonly action: PlanAction;
  readonly kind?: KindInfo;
  /** What is in the cluster now; absent when the object does not exist. */
  readonly live?: KubeObject;
  /** What will be sent. */
  readonly desired?: KubeObject;
  /** Both sides of the diff, cleaned for reading: live (empty when created) and as the server would store it. */
  readonly liveYaml: string;
  readonly resultYaml: string;
  readonly problems: readonly ManifestProblem[];
  /** Something to know that is not a problem. */
  readonly note?: string;
}

/** The object `document` makes of `live` when applied (see the module comment). */
export function mergeForApply(live: KubeObject | undefined, document: KubeObject): KubeObject {
  if (!live) return document;
  const { metadata, status: _status, ...fields } = document;
  const labels = { ...live.metadata.labels, ...metadata.labels };
  const annotations = { ...live.metadata.annotations, ...metadata.annotations };
  const merged: KubeObject = {
    ...fields,
    metadata: {
      ...live.metadata,
      ...metadata,
      labels: Object.keys(labels).length ? labels : undefined,
      annotations: Object.keys(annotations).length ? annotations : undefined,
      resourceVersion: live.metadata.resourceVersion,
    },
  };
  if (live.status !== undefined) merged.status = live.status;
  return merged;
}

/** Whether two versions of an object say the same thing, ignoring what the server owns. */
export function sameForApply(a: KubeObject, b: KubeObject): boolean {
  return jsonEqual(cleanForApply(a), cleanForApply(b));
}

/** JSON equality: key order does not matter, and a key holding `undefined` is no key at all. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!jsonEqual(ra[key], rb[key])) return false;
  return true;
}

/** Reads what is live for every document, decides create / update / unchanged, and dry-runs the changes. */
export async function planApply(
  client: KubeClient,
  documents: readonly ManifestDocument[],
  signal?: AbortSignal,
): Promise<PlannedDocument[]> {
  const plan: PlannedDocument[] = [];
  for (const document of documents) plan.push(await planDocument(client, document, plan, signal));
  return plan;
}

async function planDocument(
  client: KubeClient,
  document: ManifestDocument,
  earlier: readonly PlannedDocument[],
  signal?: AbortSignal,
): Promise<PlannedDocument> {
  const { kind } = document;
  const empty = { document, liveYaml: '', resultYaml: '' };
  if (!document.object || !kind || document.problems.length) return { ...empty, action: 'invalid', problems: document.problems };
  // Every served version of these kinds has the same schema: the console reads and writes the preferred one.
  const object = { ...document.object, apiVersion: apiVersionOf(kind) };
  const converted = object.apiVersion !== document.object.apiVersion ? `Written as ${document.object.apiVersion}, applied as ${object.apiVersion}` : undefined;
  const duplicate = earlier.find((p) => p.kind === kind && p.desired && sameName(p.desired, object));
  if (duplicate) {
    const problem = { line: document.startLine, message: `${describeObject(kind, object)} is already in document ${duplicate.document.index + 1}` };
    return { ...empty, kind, action: 'invalid', problems: [problem] };
  }
  let live: KubeObject | undefined;
  try {
    live = await client.get(kind, object.metadata.namespace, object.metadata.name ?? '', signal);
  } catch (error) {
    if (!(error instanceof KubeApiError && error.isNotFound)) {
      return { ...empty, kind, action: 'invalid', problems: problemsOf(error, document) };
    }
  }
  const desired = mergeForApply(live, object);
  const liveYaml = live ? toYaml(cleanForApply(live)) : '';
  const base = { document, kind, live, desired, liveYaml, resultYaml: toYaml(cleanForApply(desired)), note: converted };
  if (live && sameForApply(live, desired)) return { ...base, action: 'unchanged', problems: [] };
  try {
    const result = await saveObject(client, { kind, object: desired, base: live, dryRun: true });
    const unchanged = live && sameForApply(live, result.object);
    return { ...base, resultYaml: toYaml(cleanForApply(result.object)), action: unchanged ? 'unchanged' : live ? 'update' : 'create', problems: [] };
  } catch (error) {
    const action = live ? 'update' : 'create';
    const namespace = object.metadata.namespace;
    const createdEarlier = earlier.some((p) => p.action === 'create' && p.kind?.kind === 'Namespace' && p.desired?.metadata.name === namespace);
    if (createdEarlier && error instanceof KubeApiError && error.isNotFound) {
      return { ...base, action, problems: [], note: `Checked when applied: namespace ${namespace ?? ''} is created by an earlier document` };
    }
    return { ...base, action, problems: problemsOf(error, document) };
  }
}

function sameName(a: KubeObject, b: KubeObject): boolean {
  return a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
}

export function describeObject(kind: KindInfo, object: KubeObject): string {
  const { namespace, name = '' } = object.metadata;
  return `${kind.kind} ${kind.namespaced && namespace ? `${namespace}/` : ''}${name}`;
}

/** A server error as problems at the lines of the fields it names. */
export function problemsOf(error: unknown, document: ManifestDocument): ManifestProblem[] {
  if (error instanceof KubeApiError && error.causes.length) {
    return error.causes.map((cause) => ({
      line: cause.field ? document.lineOf(cause.field) : document.startLine,
      message: [cause.field, cause.message ?? cause.reason].filter(Boolean).join(': '),
    }));
  }
  return [{ line: document.startLine, message: error instanceof Error ? error.message : String(error) }];
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly invalid: number;
}

export function summarizePlan(plan: readonly PlannedDocument[]): PlanSummary {
  const count = (action: PlanAction) => plan.filter((p) => p.action === action && (action === 'invalid' || !p.problems.length)).length;
  const failing = plan.filter((p) => p.action !== 'invalid' && p.problems.length).length;
  return { create: count('create'), update: count('update'), unchanged: count('unchanged'), invalid: count('invalid') + failing };
}

/** Whether the plan can be applied as a whole: something to do and nothing wrong. */
export function isApplicable(plan: readonly PlannedDocument[]): boolean {
  return plan.every((p) => !p.problems.length) && plan.some((p) => p.action === 'create' || p.action === 'update');
}

export type ApplyStatus = 'created' | 'updated' | 'unchanged' | 'failed';

export interface AppliedDocument {
  readonly planned: PlannedDocument;
  readonly status: ApplyStatus;
  readonly object?: KubeObject;
  readonly problems: readonly ManifestProblem[];
  readonly historyError?: Error;
}

/** Applies the plan in document order; a failure does not stop the documents after it, as with kubectl. */
export async function applyPlan(client: KubeClient, plan: readonly PlannedDocument[]): Promise<AppliedDocument[]> {
  const results: AppliedDocument[] = [];
  for (const planned of plan) {
    const { kind, desired, live, action } = planned;
    if (action === 'unchanged' || action === 'invalid' || !kind || !desired) {
      results.push({ planned, status: action === 'unchanged' ? 'unchanged' : 'failed', object: live, problems: planned.problems });
      continue;
    }
    try {
      const saved = await saveObject(client, { kind, object: desired, base: live });
      results.push({ planned, status: saved.action, object: saved.object, problems: [], historyError: saved.historyError });
    } catch (error) {
      const problems = problemsOf(error, planned.document);
      if (error instanceof KubeApiError && error.code === 409) {
        problems.unshift({ line: planned.document.startLine, message: `${describeObject(kind, desired)} changed since the plan was made: review the plan again` });
      }
      results.push({ planned, status: 'failed', problems });
    }
  }
  return results;
}

export function planKey(planned: PlannedDocument): string {
  const { kind, desired, document } = planned;
  return kind && desired ? `${kindId(kind)}/${desired.metadata.namespace ?? ''}/${desired.metadata.name ?? ''}` : `doc-${document.index}`;
}
