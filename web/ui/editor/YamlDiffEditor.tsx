// Placeholder until the Monaco diff editor lands: same props, two text areas.
import type { YamlDiffEditorProps } from './types';

export function YamlDiffEditor({ original, modified, originalLabel, modifiedLabel, onModifiedChange, ariaLabel }: YamlDiffEditorProps) {
  return (
    <div aria-label={ariaLabel} style={{ display: 'flex', gap: 8 }}>
      <textarea aria-label={originalLabel} value={original} readOnly style={{ flex: 1 }} />
      <textarea
        aria-label={modifiedLabel}
        value={modified}
        readOnly={!onModifiedChange}
        onChange={(event) => onModifiedChange?.(event.target.value)}
        style={{ flex: 1 }}
      />
    </div>
  );
}
