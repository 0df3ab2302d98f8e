import type { ReactNode } from 'react';
import { Code } from './Code';
import './ErrorBanner.css';

export interface ErrorBannerProps {
  readonly title: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly fields?: readonly { field: string; message: string }[];
  readonly tone?: 'danger' | 'warn';
  readonly action?: ReactNode;
}

/** Says what went wrong and what to do; `hint` may quote commands in `backticks`. */
export function ErrorBanner({ title, detail, hint, fields, tone = 'danger', action }: ErrorBannerProps) {
  return (
    <div className={`error-banner tone-${tone}`} role="alert">
      <div className="error-banner-text">
        <strong className="error-banner-title">{title}</strong>
        {detail && detail !== title ? <div className="error-banner-detail">{detail}</div> : null}
        {fields && fields.length > 0 ? (
          <ul className="error-banner-fields">
            {fields.map((f) => (
              <li key={`${f.field}:${f.message}`}>
                <code>{f.field}</code> {f.message}
              </li>
            ))}
          </ul>
        ) : null}
        {hint ? <div className="error-banner-hint">{withInlineCode(hint)}</div> : null}
      </div>
      {action ? <div className="error-banner-action">{action}</div> : null}
    </div>
  );
}

/** Renders `text in backticks` as code, without interpreting anything else. */
export function withInlineCode(text: string): ReactNode[] {
  return text.split('`').map((part, index) => (index % 2 ? <Code key={index}>{part}</Code> : part));
}
