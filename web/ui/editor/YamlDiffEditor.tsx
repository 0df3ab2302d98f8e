import { useEffect, useLayoutEffect, useRef } from 'react';
import { createYamlModel, monaco, replaceText } from './monaco';
import { ValueSync } from './value-sync';
import { EDITOR_OPTIONS } from './options';
import type { YamlDiffEditorProps } from './types';
import './editor.css';

export function YamlDiffEditor({ original, modified, originalLabel, modifiedLabel, onModifiedChange, ariaLabel, height }: YamlDiffEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const sync = useRef<ValueSync | null>(null);
  const onChange = useRef(onModifiedChange);
  useLayoutEffect(() => {
    onChange.current = onModifiedChange;
  });

  useEffect(() => {
    if (!host.current) return;
    const models = { original: createYamlModel(original), modified: createYamlModel(modified) };
    const editor = monaco.editor.createDiffEditor(host.current, {
      ...EDITOR_OPTIONS,
      originalEditable: false,
      readOnly: !onChange.current,
      originalAriaLabel: originalLabel,
      modifiedAriaLabel: modifiedLabel,
      renderSideBySide: true,
      ignoreTrimWhitespace: false,
      renderOverviewRuler: false,
    });
    editor.setModel(models);
    editorRef.current = editor;
    sync.current = new ValueSync(() => models.modified.getValue(), (text) => replaceText(models.modified, text));
    const subscription = models.modified.onDidChangeContent(() => {
      const text = models.modified.getValue();
      sync.current?.emitted(text);
      onChange.current?.(text);
    });
    host.current.dataset.editorReady = 'true';
    return () => {
      subscription.dispose();
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
      editorRef.current = null;
    };
    // Created once; the effects below follow the props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) replaceText(model.original, original);
  }, [original]);

  useEffect(() => {
    sync.current?.receive(modified);
  }, [modified]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: !onModifiedChange });
  }, [onModifiedChange]);

  return (
    <div className="yaml-editor yaml-diff-editor" style={{ height: height ?? '100%' }} role="group" aria-label={ariaLabel}>
      <div className="yaml-diff-labels" aria-hidden>
        <span>{originalLabel}</span>
        <span>{modifiedLabel}</span>
      </div>
      <div className="yaml-editor-host" ref={host} />
    </div>
  );
}
