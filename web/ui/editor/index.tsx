/** The YAML editors, each a lazily loaded chunk so that Monaco never weighs on the first page. */
import { lazy, Suspense } from 'react';
import { EditorLoading } from './EditorLoading';
import type { YamlDiffEditorProps, YamlEditorProps } from './types';

export type { EditorMarker, MarkerSeverity, YamlDiffEditorProps, YamlEditorProps } from './types';
export { yamlSyntaxMarkers } from './syntax-markers';

const loadEditor = () => import('./YamlEditor');
const LazyYamlEditor = lazy(() => loadEditor().then((m) => ({ default: m.YamlEditor })));
const LazyYamlDiffEditor = lazy(() => import('./YamlDiffEditor').then((m) => ({ default: m.YamlDiffEditor })));

/** Starts downloading the editor before it is shown, e.g. when the pointer reaches an Edit button. */
export function preloadEditor(): void {
  void loadEditor();
}

export function YamlEditor(props: YamlEditorProps) {
  return (
    <Suspense fallback={<EditorLoading height={props.height} />}>
      <LazyYamlEditor {...props} />
    </Suspense>
  );
}

export function YamlDiffEditor(props: YamlDiffEditorProps) {
  return (
    <Suspense fallback={<EditorLoading height={props.height} />}>
      <LazyYamlDiffEditor {...props} />
    </Suspense>
  );
}
