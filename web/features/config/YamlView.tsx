import { useMemo, useState } from 'react';
import { tokenizeYaml } from './yaml-tokens';
import './YamlView.css';

/** Read-only YAML with line numbers and tinted keys and values, built from React elements only. */
export function YamlView({ source, label }: { source: string; label: string }) {
  const lines = useMemo(() => tokenizeYaml(source), [source]);
  const [copied, setCopied] = useState(false);
  return (
    <div className="yaml-view">
      <div className="yaml-view-bar">
        <span className="muted">{label}</span>
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(source).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            });
          }}
        >
          {copied ? 'Copied' : 'Copy YAML'}
        </button>
      </div>
      <pre className="yaml-view-code" aria-label={label} tabIndex={0}>
        {lines.map((tokens, index) => (
          <div key={index} className="yaml-line">
            <span className="yaml-gutter" aria-hidden>
              {index + 1}
            </span>
            <code>
              {tokens.map((token, position) => (
                <span key={position} className={`yaml-${token.kind}`}>
                  {token.text}
                </span>
              ))}
            </code>
          </div>
        ))}
      </pre>
    </div>
  );
}
