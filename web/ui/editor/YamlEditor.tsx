import { useEffect, useLayoutEffect, useRef } from 'react';
import { byPosition, fromMonacoMarker, lineDecorations, OUTSIDE_OWNER, toMonacoMarker } from './markers';
import { createYamlModel, monaco, replaceText, setModelSchema } from './monaco';
import { ValueSync } from './value-sync';
import { EDITOR_OPTIONS } from './options';
import type { YamlEditorProps } from './types';
import './editor.css';

export function YamlEditor({
  value,
  onChange,
  readOnly,
  readOnlyReason,
  markers,
  schema,
  onMarkersChange,
  revealLine,
  ariaLabel,
  height,
}: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const sync = useRef<ValueSync | null>(null);
  const callbacks = useRef({ onChange, onMarkersChange });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onMarkersChange };
  });

  useEffect(() => {
    if (!host.current) return;
    const model = createYamlModel(value);
    const editor = monaco.editor.create(host.current, { ...EDITOR_OPTIONS, model, ariaLabel, glyphMargin: true });
    editorRef.current = editor;
    sync.current = new ValueSync(() => model.getValue(), (text) => replaceText(model, text));
    const decorations = editor.createDecorationsCollection();
    const uri = model.uri.toString();
    const publishMarkers = () => {
      const all = monaco.editor.getModelMarkers({ resource: model.uri }).map(fromMonacoMarker).sort(byPosition);
      decorations.set(lineDecorations(all));
      callbacks.current.onMarkersChange?.(all);
    };
    const subscriptions = [
      model.onDidChangeContent(() => {
        const text = model.getValue();
        sync.current?.emitted(text);
        callbacks.current.onChange?.(text);
      }),
      monaco.editor.onDidChangeMarkers((uris) => {
        if (uris.some((changed) => changed.toString() === uri)) publishMarkers();
      }),
    ];
    host.current.dataset.editorReady = 'true';
    return () => {
      subscriptions.forEach((subscription) => subscription.dispose());
      setModelSchema(uri, undefined);
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once; the effects below follow the props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    sync.current?.receive(value);
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: Boolean(readOnly), readOnlyMessage: readOnlyReason ? { value: readOnlyReason } : undefined });
  }, [readOnly, readOnlyReason]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) setModelSchema(model.uri.toString(), schema);
  }, [schema]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, OUTSIDE_OWNER, (markers ?? []).map((marker) => toMonacoMarker(model, marker)));
  }, [markers, value]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !revealLine) return;
    editor.revealLineInCenter(revealLine);
    editor.setPosition({ lineNumber: revealLine, column: editor.getModel()?.getLineFirstNonWhitespaceColumn(revealLine) || 1 });
    editor.focus();
  }, [revealLine]);

  return (
    <div className="yaml-editor" style={{ height: height ?? '100%' }}>
      {readOnly && readOnlyReason ? (
        <div className="yaml-editor-readonly" role="note">
          Read-only: {readOnlyReason}
        </div>
      ) : null}
      <div className="yaml-editor-host" ref={host} />
    </div>
  );
}
