import { useRef, useState } from 'react';
import { useShortcut } from './keyboard';
import './FilterInput.css';

export interface FilterInputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder: string;
  readonly label?: string;
}

/**
 * The text filter of a list. "/" focuses it from anywhere on the page; Escape clears it. What the
 * user types shows at once, even while `value` (in the URL, say) catches up a render later.
 */
export function FilterInput({ value, onChange, placeholder, label = 'Filter' }: FilterInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [focused, setFocused] = useState(false);
  if (value !== seen) {
    setSeen(value);
    // While the user types, `value` lags behind the keystrokes; only a change made elsewhere
    // (back button, "Clear filter") while not typing replaces the text.
    if (!focused) setDraft(value);
  }
  const update = (next: string) => {
    setDraft(next);
    onChange(next);
  };
  useShortcut('/', (event) => {
    event.preventDefault();
    ref.current?.focus();
    ref.current?.select();
  });
  return (
    <div className="filter-input">
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden className="filter-input-icon">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        ref={ref}
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={draft}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => update(event.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            if (draft) update('');
            else event.currentTarget.blur();
          }
        }}
      />
      {draft ? null : (
        <kbd className="filter-input-key" aria-hidden>
          /
        </kbd>
      )}
    </div>
  );
}
