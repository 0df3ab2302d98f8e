/**
 * The one Monaco instance: the editor API with only the contributions a YAML editor uses, the YAML
 * grammar, monaco-yaml for schema completion, hover and validation, and the workers Vite bundles.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/browser/widget/diffEditor/diffEditor.contribution.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import type { SchemasSettings } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

interface LegacyWorkerOptions {
  readonly label?: string;
  readonly createData?: unknown;
  readonly host?: Record<string, (...args: unknown[]) => unknown>;
  readonly keepIdleModels?: boolean;
}

/**
 * monaco-yaml asks for a worker the pre-0.55 way (by label, with creation data); Monaco 0.55 wants
 * the Worker itself. The first message wakes the worker's bootstrap, the second carries the data.
 */
function createLabelledWorker(options: LegacyWorkerOptions) {
  const worker = self.MonacoEnvironment?.getWorker?.('workerMain.js', options.label ?? 'editor') as Worker;
  worker.postMessage('ignore');
  worker.postMessage(options.createData);
  return monaco.editor.createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}

const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createLabelledWorker } };
const yamlLanguage = configureMonacoYaml(monacoForYaml as unknown as Parameters<typeof configureMonacoYaml>[0], {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  isKubernetes: true,
  hoverSchemaSource: false,
  schemas: [],
});

const schemaByModel = new Map<string, unknown>();

/** Validates and completes the model at `uri` against `schema` (none: syntax only). */
export function setModelSchema(uri: string, schema: unknown): void {
  if (schemaByModel.get(uri) === schema) return;
  if (schema === undefined) schemaByModel.delete(uri);
  else schemaByModel.set(uri, schema);
  // Each update restarts the YAML worker, so it happens only when a schema really changes.
  const schemas: SchemasSettings[] = [...schemaByModel].map(([model, value]) => ({
    uri: model.replace(/\.yaml$/, '.schema.json'),
    fileMatch: [model],
    schema: value as SchemasSettings['schema'],
  }));
  void yamlLanguage.update({ schemas });
}

let modelCount = 0;

/** A YAML model with a URI of its own, so that schemas can be matched to it. */
export function createYamlModel(value: string): monaco.editor.ITextModel {
  modelCount += 1;
  return monaco.editor.createModel(value, 'yaml', monaco.Uri.parse(`file:///meshdeck/editor-${modelCount}.yaml`));
}

/** Replaces the text as one undoable edit (unlike setValue), when it differs. */
export function replaceText(model: monaco.editor.ITextModel, value: string): void {
  if (model.getValue() === value) return;
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
}

const THEMES = { light: 'meshdeck-light', dark: 'meshdeck-dark' } as const;
/** The same colours as the console's read-only YAML (--syntax-* in the theme tokens). */
function yamlRules(colors: { key: string; string: string; number: string; literal: string; punct: string }) {
  return [
    { token: 'type', foreground: colors.key },
    { token: 'string', foreground: colors.string },
    { token: 'number', foreground: colors.number },
    { token: 'keyword', foreground: colors.literal },
    { token: 'operators', foreground: colors.punct },
  ];
}

monaco.editor.defineTheme(THEMES.light, {
  base: 'vs',
  inherit: true,
  rules: yamlRules({ key: '1c52b0', string: '17763a', number: 'a04c00', literal: '8e3fb8', punct: '7f8893' }),
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#f6f7f9' },
});
monaco.editor.defineTheme(THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  rules: yamlRules({ key: '8fb4ff', string: '7fd38b', number: 'f0a35e', literal: 'd2a8ff', punct: '6d7682' }),
  colors: { 'editor.background': '#14171c', 'editorGutter.background': '#191d23' },
});

/** Monaco's theme is global: it follows the console's `data-theme` on the root element. */
function followConsoleTheme(): void {
  const root = document.documentElement;
  const apply = () => monaco.editor.setTheme(root.dataset.theme === 'dark' ? THEMES.dark : THEMES.light);
  apply();
  new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
}
followConsoleTheme();

export { monaco };
