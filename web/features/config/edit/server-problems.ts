/** An API server's refusal (422 Invalid and its causes) as markers at the lines of the fields it names. Pure. */
import type { StatusCause } from '../../../../mesh/kube-types';
import { locateServerField } from '../../../../mesh/yaml-locate';
import type { EditorMarker } from '../../../ui/editor';

export interface ServerProblems {
  readonly markers: readonly EditorMarker[];
  /** Causes that name no field that exists in the text, and the overall message when there are no causes. */
  readonly messages: readonly string[];
}

export function serverProblems(text: string, message: string, causes: readonly StatusCause[]): ServerProblems {
  const markers: EditorMarker[] = [];
  const messages: string[] = [];
  for (const cause of causes) {
    const detail = cause.message ?? cause.reason ?? 'invalid';
    const range = cause.field ? locateServerField(text, cause.field) : undefined;
    if (!range || !cause.field) {
      messages.push(cause.field ? `${cause.field}: ${detail}` : detail);
      continue;
    }
    markers.push({
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
      severity: 'error',
      source: 'server',
      message: `${cause.field}: ${detail}`,
    });
  }
  if (causes.length === 0) messages.push(message);
  return { markers, messages };
}
