/** The entry point: indexes the snapshot once, then runs every family of checks over it. */

import { AnalysisContext } from './context';
import { CHECK_FAMILIES } from './families';
import { istioStatusFindings } from './istio-status';
import { FindingSink } from './sink';
import type { AnalyzeOptions, Finding, MeshSnapshot } from './types';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function analyzeMesh(snapshot: MeshSnapshot, options: AnalyzeOptions = {}): Finding[] {
  const ctx = new AnalysisContext(snapshot);
  const sink = new FindingSink(options.only);
  for (const family of CHECK_FAMILIES) {
    if (family.checks.some((c) => c.kinds.some((k) => sink.wantsKind(k)))) family.run(ctx, sink);
  }
  for (const object of snapshot.objects) if (object?.status) istioStatusFindings(object, sink);
  return sink.findings().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
}
