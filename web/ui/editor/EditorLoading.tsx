import { LoadingPane } from '../Spinner';

export function EditorLoading({ height }: { height?: string }) {
  return (
    <div className="yaml-editor-loading" style={{ height: height ?? '100%' }}>
      <LoadingPane label="Loading the editor…" />
    </div>
  );
}
