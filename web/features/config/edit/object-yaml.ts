/** An object as the editor shows it, and the editor's text read back as an object. Pure. */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../api';
import { isRecord } from '../../../api';
import { toYaml } from '../../../api/config-writes';

/** What `kubectl edit` shows, minus the noise: no status, no managedFields. */
export function editableObject(object: KubeObject): KubeObject {
  const { status: _status, ...rest } = object;
  const { managedFields: _managed, ...metadata } = object.metadata;
  return { ...rest, metadata } as KubeObject;
}

export function editableYaml(object: KubeObject): string {
  return toYaml(editableObject(object));
}

export type ParsedDraft = { readonly object: KubeObject; readonly error?: undefined } | { readonly object?: undefined; readonly error: string };

/** The draft as one object, or why it is not one (syntax, several documents, not an object). */
export function parseDraft(text: string): ParsedDraft {
  const documents = parseAllDocuments(text);
  if (documents.length !== 1) return { error: documents.length ? 'Edit one object here: the text holds several YAML documents.' : 'The text is empty.' };
  const document = documents[0]!;
  const syntax = document.errors[0];
  if (syntax) return { error: `YAML syntax: ${syntax.message.split('\n')[0] ?? ''}` };
  const value: unknown = document.toJS();
  if (!isRecord(value) || !isRecord(value.metadata)) return { error: 'The text is not a Kubernetes object (it needs apiVersion, kind and metadata).' };
  return { object: value as unknown as KubeObject };
}

/** Why the draft cannot replace `live`, if it cannot: it must stay the same object. */
export function identityChange(live: KubeObject, draft: KubeObject): string | undefined {
  const checks: [string, unknown, unknown][] = [
    ['kind', live.kind, draft.kind],
    ['metadata.name', live.metadata.name, draft.metadata.name],
    ['metadata.namespace', live.metadata.namespace, draft.metadata.namespace ?? live.metadata.namespace],
  ];
  const changed = checks.find(([, before, after]) => before !== after);
  if (!changed) return undefined;
  return `${changed[0]} changed from “${String(changed[1])}” to “${String(changed[2])}”: editing cannot rename or move an object. Create a new one instead.`;
}
