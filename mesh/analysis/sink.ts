/** Collects findings, applying the `only` filter and the suppression annotations as they arrive. */

import type { KubeObject } from '../kube-types';
import type { AnalysisContext } from './context';
import { refKey, refOf } from './refs';
import { type AnalysisCheck, type Finding, ISTIO_SUPPRESS_ANNOTATION, type ObjectRef, SUPPRESS_ANNOTATION, type SuggestedFix } from './types';

export type FieldPath = readonly (string | number)[];

export interface ReportOptions {
  readonly related?: readonly (KubeObject | ObjectRef)[];
  readonly fix?: SuggestedFix;
}

/** A family of checks: its catalog entries and the pass that runs them. */
export interface CheckFamily {
  readonly checks: readonly AnalysisCheck[];
  run(ctx: AnalysisContext, sink: FindingSink): void;
}

function codesIn(annotation: string | undefined): ReadonlySet<string> {
  return new Set((annotation ?? '').split(',').map((c) => c.trim()).filter(Boolean));
}

function asRef(value: KubeObject | ObjectRef): ObjectRef {
  return 'metadata' in value ? refOf(value) : value;
}

export class FindingSink {
  private readonly out: Finding[] = [];
  private readonly only?: ReadonlySet<string>;
  private readonly onlyKinds?: ReadonlySet<string>;

  constructor(only?: readonly ObjectRef[]) {
    if (only) {
      this.only = new Set(only.map(refKey));
      this.onlyKinds = new Set(only.map((r) => r.kind));
    }
  }

  /** Whether findings about objects of `kind` can be wanted; lets passes over other kinds be skipped. */
  wantsKind(kind: string): boolean {
    return !this.onlyKinds || this.onlyKinds.has(kind);
  }

  /** Whether findings about `object` are wanted; checks skip work for objects that are not. */
  wants(object: KubeObject): boolean {
    return !this.only || this.only.has(refKey(refOf(object)));
  }

  report(check: AnalysisCheck, object: KubeObject, path: FieldPath, message: string, options: ReportOptions = {}): void {
    if (!this.wants(object) || isSuppressed(object, check.code, check.istioCode)) return;
    this.out.push({
      code: check.code,
      severity: check.severity,
      message,
      object: refOf(object),
      path,
      related: (options.related ?? []).map(asRef),
      ...(options.fix ? { fix: options.fix } : {}),
      source: 'meshdeck',
    });
  }

  /** Adds a finding copied from Istio's own status (suppression already checked by the caller). */
  push(finding: Finding): void {
    this.out.push(finding);
  }

  findings(): Finding[] {
    return this.out;
  }
}

export function isSuppressed(object: KubeObject, code: string, istioCode?: string): boolean {
  const annotations = object.metadata?.annotations ?? {};
  const ours = codesIn(annotations[SUPPRESS_ANNOTATION]);
  if (ours.has('*') || ours.has(code) || (istioCode !== undefined && ours.has(istioCode))) return true;
  const istio = codesIn(annotations[ISTIO_SUPPRESS_ANNOTATION]);
  return istio.has('*') || (istioCode !== undefined && istio.has(istioCode)) || istio.has(code);
}
