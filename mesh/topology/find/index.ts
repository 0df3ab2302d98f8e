/**
 * The topology's find/hide language: `namespace = bookinfo and (rps > 5 or error > 1%)`, `not mtls`,
 * `fi or cb`. See language.md beside this file for the attribute table and the rules.
 */
export { parseExpression } from './parser';
export type { FindExpr, FindError, ParseResult } from './ast';
export { matchNode, matchEdge } from './evaluate';
export { complete, completionContext } from './complete';
export type { Completion, CompletionCandidate, CompletionContext } from './complete';
export { FIND_ATTRIBUTES, FIND_PRESETS } from './attributes';
export type { FindAttribute, FindPreset } from './attributes';
