/** Istio's own analysis results, as istiod writes them to `status.validationMessages`. */

import type { KubeObject } from '../kube-types';
import { asArray, asObject, asText } from '../routing/narrow';
import { refOf } from './refs';
import { type FindingSink, isSuppressed } from './sink';
import type { Finding, Severity } from './types';

/** Levels arrive as names, or as the numbers of Istio's proto enum (ERROR=3, WARNING=8, INFO=12). */
function severityOf(level: unknown): Severity {
  if (level === 'ERROR' || level === 3) return 'error';
  if (level === 'WARNING' || level === 8) return 'warning';
  return 'info';
}

export function istioStatusFindings(object: KubeObject, sink: FindingSink): void {
  if (!sink.wants(object)) return;
  for (const raw of asArray(asObject(object.status)?.validationMessages)) {
    const message = asObject(raw);
    const type = asObject(message?.type);
    const code = asText(type?.code);
    if (!code || isSuppressed(object, code, code)) continue;
    const name = asText(type?.name);
    const description = asText(message?.description) ?? asText(message?.message);
    const url = asText(message?.documentationUrl) ?? asText(message?.documentation_url);
    const finding: Finding = {
      code,
      severity: severityOf(message?.level),
      message: [description ?? name ?? code, url ? `(${url})` : undefined].filter(Boolean).join(' '),
      object: refOf(object),
      path: [],
      related: [],
      source: 'istio',
    };
    sink.push(finding);
  }
}
