/** YAML syntax errors as editor markers, each at its line. */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { EditorMarker } from './types';

/** YAML syntax errors of every document, each at its line. */
export function yamlSyntaxMarkers(text: string): EditorMarker[] {
  const lineCounter = new LineCounter();
  return parseAllDocuments(text, { lineCounter }).flatMap((document) =>
    document.errors.map((error): EditorMarker => {
      const start = lineCounter.linePos(error.pos[0]);
      return { line: start.line, column: start.col, severity: 'error', message: error.message.split('\n')[0] ?? error.message, source: 'yaml' };
    }),
  );
}
