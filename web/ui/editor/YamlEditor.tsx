// Placeholder until the Monaco editor lands: same props, a plain text area.
import type { YamlEditorProps } from './types';

export function YamlEditor({ value, onChange, readOnly, ariaLabel, height }: YamlEditorProps) {
  return (
    <textarea
      aria-label={ariaLabel}
      value={value}
      readOnly={readOnly}
      onChange={(event) => onChange?.(event.target.value)}
      style={{ width: '100%', height: height ?? '100%', fontFamily: 'monospace' }}
    />
  );
}
