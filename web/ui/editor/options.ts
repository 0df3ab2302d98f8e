import type { monaco } from './monaco';

/** What every console editor shares: compact, no minimap, YAML's two-space indentation. */
export const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions & monaco.editor.IDiffEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  lineHeight: 19,
  tabSize: 2,
  insertSpaces: true,
  renderWhitespace: 'none',
  fixedOverflowWidgets: true,
  quickSuggestions: { other: true, comments: false, strings: true },
  scrollbar: { alwaysConsumeMouseWheel: false },
};
