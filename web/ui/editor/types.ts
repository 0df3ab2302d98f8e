/** Props of the lazily loaded YAML editors; the components themselves live behind `./index`. */
export type MarkerSeverity = 'error' | 'warning' | 'info';

/** A problem shown at a place in the text (1-based lines and columns, as Monaco counts). */
export interface EditorMarker {
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: MarkerSeverity;
  readonly message: string;
  /** Where the problem comes from: YAML syntax, the kind's schema, mesh analysis, the API server. */
  readonly source: 'yaml' | 'schema' | 'analysis' | 'server';
  /** A stable code such as an analysis check's, when there is one. */
  readonly code?: string;
}

export interface YamlEditorProps {
  readonly value: string;
  readonly onChange?: (value: string) => void;
  readonly readOnly?: boolean;
  /** Shown over the editor when read-only, e.g. why the user may not edit. */
  readonly readOnlyReason?: string;
  /** Markers computed outside the editor (analysis, server errors); schema and syntax markers are the editor's own. */
  readonly markers?: readonly EditorMarker[];
  /** A JSON Schema for each document (multi-document YAML is validated per document). */
  readonly schema?: unknown;
  /** Every marker shown, the editor's own and the given ones, whenever they change. */
  readonly onMarkersChange?: (markers: readonly EditorMarker[]) => void;
  /** Moves the cursor to a line (and reveals it) when it changes. */
  readonly revealLine?: number;
  readonly ariaLabel: string;
  /** CSS height; the editor fills its container by default. */
  readonly height?: string;
}

export interface YamlDiffEditorProps {
  readonly original: string;
  readonly modified: string;
  readonly originalLabel: string;
  readonly modifiedLabel: string;
  /** When given, the right side is editable (used to merge). */
  readonly onModifiedChange?: (value: string) => void;
  readonly ariaLabel: string;
  readonly height?: string;
}
