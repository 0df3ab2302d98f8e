import type { EditorMarker } from '../../../ui/editor';

const SOURCE_LABELS: Record<EditorMarker['source'], string> = {
  yaml: 'YAML',
  schema: 'schema',
  analysis: 'mesh analysis',
  server: 'API server',
};

/** Every problem of the draft, in line order; a click moves the editor to its line. */
export function ProblemsList({
  markers,
  messages,
  pending,
  onReveal,
}: {
  markers: readonly EditorMarker[];
  /** Problems that belong to no line, e.g. a server refusal without field causes. */
  messages: readonly string[];
  /** Said instead of "No problems" while a check has not answered yet. */
  pending?: string;
  onReveal: (line: number) => void;
}) {
  const count = markers.length + messages.length;
  return (
    <section className="problems" aria-label="Problems">
      <h3 className="problems-title">
        Problems <span className="panel-section-count">{count}</span>
        {pending ? <span className="subtle problems-pending">{pending}</span> : null}
      </h3>
      {count === 0 ? (
        <p className="problems-empty subtle">No problems found.</p>
      ) : (
        <ul className="problems-list">
          {messages.map((message) => (
            <li key={message} className="problem tone-error">
              <span className="problem-mark" aria-hidden />
              <span className="problem-message">{message}</span>
              <span className="problem-source subtle">API server</span>
            </li>
          ))}
          {markers.map((marker, index) => (
            <li key={`${marker.line}:${marker.column ?? 0}:${index}`} className={`problem tone-${marker.severity}`}>
              <button type="button" className="problem-button" onClick={() => onReveal(marker.line)}>
                <span className="problem-mark" aria-label={marker.severity} />
                <span className="problem-line mono">Line {marker.line}</span>
                {marker.code ? <span className="problem-code mono">{marker.code}</span> : null}
                <span className="problem-message">{marker.message}</span>
                <span className="problem-source subtle">{SOURCE_LABELS[marker.source]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
