import { useRef } from 'react';
import { useShortcut } from './keyboard';
import './FilterInput.css';

export interface FilterInputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder: string;
  readonly label?: string;
}

/** The text filter of a list. "/" focuses it from anywhere on the page; Escape clears it. */
export function FilterInput({ value, onChange, placeholder, label = 'Filter' }: FilterInputProps) {
  const ref = useRef<HTMLInputElement>(null);
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
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            if (value) onChange('');
            else event.currentTarget.blur();
          }
        }}
      />
      {value ? null : (
        <kbd className="filter-input-key" aria-hidden>
          /
        </kbd>
      )}
    </div>
  );
}
