/**
 * The adapter's surface for changing config: saving, applying manifests, history, the server's schemas.
 * A separate entry from ./index so that the YAML library stays off the first page.
 */
export { saveObject } from './config-save';
export type { SaveRequest, SaveResult } from './config-save';
export { deleteObject } from './config-save';
export type { DeleteRequest } from './config-save';
export type { UserIdentity } from './kube';
export { cleanForApply, parseManifest, toYaml, toYamlStream } from './config-apply-yaml';
export type { ManifestDocument, ManifestProblem, ParseOptions } from './config-apply-yaml';
export { applyPlan, describeObject, isApplicable, planApply, planKey, summarizePlan } from './config-apply';
export type { AppliedDocument, ApplyStatus, PlanAction, PlanSummary, PlannedDocument } from './config-apply';
export { HISTORY_LIMIT, historyLocation } from './config-history-format';
export type { HistoryAction, HistoryEntry, HistoryTarget } from './config-history-format';
export { readHistory } from './config-history';
export { useObjectHistory, useWhoAmI } from './config-history-hooks';
export type { ObjectHistory } from './config-history-hooks';
export { fetchOpenApiDocument, useEditorSchema } from './openapi';
export type { EditorSchemaResult, JsonSchema } from './openapi';
