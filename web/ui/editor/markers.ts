/** Converting between the console's EditorMarker and Monaco's marker data, and the line decorations for them. */
import type { EditorMarker, MarkerSeverity } from './types';
import { monaco } from './monaco';

/** Owner of the markers given from outside; monaco-yaml owns the syntax and schema ones. */
export const OUTSIDE_OWNER = 'meshdeck';

const TO_MONACO: Record<MarkerSeverity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

export function toMonacoMarker(model: monaco.editor.ITextModel, marker: EditorMarker): monaco.editor.IMarkerData {
  const last = model.getLineCount();
  const line = Math.min(Math.max(marker.line, 1), last);
  const endLine = Math.min(Math.max(marker.endLine ?? line, line), last);
  const column = marker.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1;
  return {
    severity: TO_MONACO[marker.severity],
    message: marker.message,
    source: marker.source,
    code: marker.code,
    startLineNumber: line,
    startColumn: Math.max(column, 1),
    endLineNumber: endLine,
    endColumn: marker.endColumn ?? model.getLineMaxColumn(endLine),
  };
}

function severityOf(severity: monaco.MarkerSeverity): MarkerSeverity {
  if (severity === monaco.MarkerSeverity.Error) return 'error';
  if (severity === monaco.MarkerSeverity.Warning) return 'warning';
  return 'info';
}

function sourceOf(marker: monaco.editor.IMarker): EditorMarker['source'] {
  if (marker.owner === OUTSIDE_OWNER) return marker.source === 'server' ? 'server' : 'analysis';
  return marker.source?.includes('schema') ? 'schema' : 'yaml';
}

export function fromMonacoMarker(marker: monaco.editor.IMarker): EditorMarker {
  const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
  return {
    line: marker.startLineNumber,
    column: marker.startColumn,
    endLine: marker.endLineNumber,
    endColumn: marker.endColumn,
    severity: severityOf(marker.severity),
    message: marker.message,
    source: sourceOf(marker),
    code: marker.owner === OUTSIDE_OWNER ? code : undefined,
  };
}

const RANK: Record<MarkerSeverity, number> = { error: 0, warning: 1, info: 2 };

export function byPosition(a: EditorMarker, b: EditorMarker): number {
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || RANK[a.severity] - RANK[b.severity];
}

/** One glyph and gutter stripe per line with a problem, in the colour of its worst one. */
export function lineDecorations(markers: readonly EditorMarker[]): monaco.editor.IModelDeltaDecoration[] {
  const worst = new Map<number, MarkerSeverity>();
  for (const marker of markers) {
    const seen = worst.get(marker.line);
    if (!seen || RANK[marker.severity] < RANK[seen]) worst.set(marker.line, marker.severity);
  }
  return [...worst].map(([line, severity]) => ({
    range: new monaco.Range(line, 1, line, 1),
    options: {
      glyphMarginClassName: `md-glyph md-glyph-${severity}`,
      linesDecorationsClassName: `md-line md-line-${severity}`,
      glyphMarginHoverMessage: {
        value: markers
          .filter((marker) => marker.line === line)
          .map((marker) => (marker.code ? `${marker.code}: ${marker.message}` : marker.message))
          .join('\n\n'),
      },
    },
  }));
}
