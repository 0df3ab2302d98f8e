/**
 * Cross-resource checks over a mesh snapshot, with stable codes, in the spirit of Kiali's
 * validations and `istioctl analyze`.
 */

export type {
  AnalysisCheck,
  AnalyzeOptions,
  Finding,
  JsonPatchOp,
  MeshSnapshot,
  ObjectRef,
  Severity,
  SuggestedFix,
} from './types';
export { ISTIO_SUPPRESS_ANNOTATION, SUPPRESS_ANNOTATION } from './types';
export { ANALYSIS_CHECKS } from './catalog';
export { analyzeMesh } from './analyze';
export { refKey, refOf } from './refs';
