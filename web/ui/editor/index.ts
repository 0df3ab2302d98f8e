/** The YAML editors, each a lazily loaded chunk so that Monaco never weighs on the first page. */
import { lazy } from 'react';

export type { EditorMarker, MarkerSeverity, YamlDiffEditorProps, YamlEditorProps } from './types';

export const YamlEditor = lazy(() => import('./YamlEditor').then((m) => ({ default: m.YamlEditor })));
export const YamlDiffEditor = lazy(() => import('./YamlDiffEditor').then((m) => ({ default: m.YamlDiffEditor })));
