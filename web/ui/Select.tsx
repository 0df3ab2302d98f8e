import type { ReactNode } from 'react';
import './Select.css';

export interface SelectOption<Value extends string> {
  readonly value: Value;
  readonly label: string;
}

export interface SelectProps<Value extends string> {
  readonly label: string;
  readonly value: Value;
  readonly options: readonly SelectOption<Value>[];
  readonly onChange: (value: Value) => void;
  /** Shown before the value inside the control, e.g. an icon. */
  readonly prefix?: ReactNode;
  readonly title?: string;
}

/** A native select (keyboard and screen readers for free) dressed to match the console. */
export function Select<Value extends string>({ label, value, options, onChange, prefix, title }: SelectProps<Value>) {
  return (
    <label className="select" title={title ?? label}>
      {prefix ? <span className="select-prefix">{prefix}</span> : null}
      <select
        aria-label={label}
        value={value}
        onChange={(event) => {
          const next = options.find((option) => option.value === event.target.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <span className="select-chevron" aria-hidden>
        ▾
      </span>
    </label>
  );
}
