import './Spinner.css';

export function Spinner({ label = 'Loading', size = 14 }: { label?: string; size?: number }) {
  return (
    <span className="spinner" role="status" aria-label={label} style={{ width: size, height: size }} />
  );
}

/** A centered spinner with a caption, for whole panes that are loading. */
export function LoadingPane({ label }: { label: string }) {
  return (
    <div className="loading-pane">
      <Spinner label={label} />
      <span>{label}</span>
    </div>
  );
}
