import { useId, useMemo, useRef, useState } from 'react';
import { complete } from '../../../../mesh/topology/find';
import type { CompletionCandidate, CompletionContext } from '../../../../mesh/topology/find';
import { parseFindText } from './expression';

export interface ExpressionInputProps {
  /** "Find" or "Hide": the accessible name and the placeholder's verb. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly context: CompletionContext;
  readonly placeholder: string;
}

const MAX_SHOWN = 12;

/**
 * A find/hide expression box: the expression applies on Enter or blur (not on each keystroke, which
 * would re-filter a big graph per letter), an autocomplete list follows the caret, and a syntax error
 * is shown under the box with its column.
 */
export function ExpressionInput({ label, value, onChange, context, placeholder }: ExpressionInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [caret, setCaret] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const parsed = useMemo(() => parseFindText(draft), [draft]);
  const completion = useMemo(() => (open ? complete(draft, caret, context) : undefined), [open, draft, caret, context]);
  const candidates = completion?.candidates.slice(0, MAX_SHOWN) ?? [];

  const apply = (text: string) => {
    if (parseFindText(text).state !== 'error' && text !== value) onChange(text.trim());
  };
  const pick = (candidate: CompletionCandidate) => {
    if (!completion) return;
    const before = draft.slice(0, completion.from);
    const after = draft.slice(completion.to);
    const insert = candidate.insert + (after.startsWith(' ') ? '' : ' ');
    const next = before + insert + after;
    setDraft(next);
    const position = before.length + insert.length;
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => input.current?.setSelectionRange(position, position));
  };
  const track = (element: HTMLInputElement) => setCaret(element.selectionStart ?? element.value.length);

  return (
    <div className={`topology-expression${parsed.state === 'error' ? ' has-error' : ''}`}>
      <span className="topology-expression-label">{label}</span>
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={candidates.length > 0}
        aria-controls={listId}
        aria-invalid={parsed.state === 'error'}
        aria-describedby={parsed.state === 'error' ? errorId : undefined}
        aria-activedescendant={candidates.length > 0 ? `${listId}-${active}` : undefined}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          track(event.target);
          setOpen(true);
          setActive(0);
        }}
        onSelect={(event) => track(event.currentTarget)}
        onFocus={(event) => {
          track(event.currentTarget);
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
          apply(draft);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && candidates.length > 0) {
            event.preventDefault();
            setActive((active + 1) % candidates.length);
          } else if (event.key === 'ArrowUp' && candidates.length > 0) {
            event.preventDefault();
            setActive((active - 1 + candidates.length) % candidates.length);
          } else if (event.key === 'Tab' && candidates.length > 0 && open) {
            event.preventDefault();
            const candidate = candidates[active];
            if (candidate) pick(candidate);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            setOpen(false);
            apply(draft);
          } else if (event.key === 'Escape') {
            if (open && candidates.length > 0) setOpen(false);
            else {
              setDraft('');
              onChange('');
            }
          }
        }}
      />
      {draft ? (
        <button
          type="button"
          className="topology-expression-clear"
          aria-label={`Clear ${label.toLowerCase()}`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            setDraft('');
            onChange('');
          }}
        >
          ×
        </button>
      ) : null}
      {candidates.length > 0 ? (
        <ul id={listId} role="listbox" className="topology-completions" aria-label={`${label} suggestions`}>
          {candidates.map((candidate, index) => (
            <li
              key={`${candidate.kind}:${candidate.label}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(candidate);
              }}
            >
              <span className={`topology-completion-label kind-${candidate.kind}`}>{candidate.label}</span>
              {candidate.detail ? <span className="topology-completion-detail">{candidate.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {parsed.state === 'error' ? (
        <div id={errorId} className="topology-expression-error" role="alert">
          {parsed.message}
        </div>
      ) : null}
    </div>
  );
}
