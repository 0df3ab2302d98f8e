/** The contract of mesh analysis: what a finding looks like and what the analyser takes. */

import type { KubeObject } from '../kube-types';

export type Severity = 'error' | 'warning' | 'info';

export interface ObjectRef {
  readonly kind: string;
  readonly group: string;
  readonly namespace?: string;
  readonly name: string;
}

/** One RFC 6902 operation. */
export type JsonPatchOp =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string };

export interface SuggestedFix {
  readonly description: string;
  /** RFC 6902 ops on the object, when the fix is mechanical */
  readonly patch?: readonly JsonPatchOp[];
}

export interface Finding {
  /** stable, e.g. 'MD1001' */
  readonly code: string;
  readonly severity: Severity;
  /** plain language, names the values involved */
  readonly message: string;
  /** the object the finding is about */
  readonly object: ObjectRef;
  /** field path in that object, e.g. ['spec','http',0,'route',0,'destination','subset']; [] = whole object */
  readonly path: readonly (string | number)[];
  readonly related: readonly ObjectRef[];
  readonly fix?: SuggestedFix;
  /** 'istio' = copied from the object's status.validationMessages */
  readonly source: 'meshdeck' | 'istio';
}

/** Config kinds plus Namespace, Pod, Service, ServiceAccount, Deployment. */
export interface MeshSnapshot {
  readonly objects: readonly KubeObject[];
}

export interface AnalysisCheck {
  readonly code: string;
  readonly severity: Severity;
  readonly title: string;
  /** Kinds of the objects this check reports on. */
  readonly kinds: readonly string[];
  /** The istioctl analyze code this check corresponds to, so Istio's suppress annotation applies. */
  readonly istioCode?: string;
}

export interface AnalyzeOptions {
  /** Report only findings about these objects (the others are still read as context). */
  readonly only?: readonly ObjectRef[];
}

/** Comma-separated codes, or '*'. */
export const SUPPRESS_ANNOTATION = 'meshdeck.io/analysis-suppress';
/** Istio's own suppress annotation; lists IST codes. */
export const ISTIO_SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';
