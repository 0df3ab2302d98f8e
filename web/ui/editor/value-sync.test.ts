import { describe, expect, it } from 'vitest';
import { ValueSync } from './value-sync';

function editor(initial: string) {
  let text = initial;
  const replaced: string[] = [];
  const sync = new ValueSync(
    () => text,
    (value) => {
      replaced.push(value);
      text = value;
    },
  );
  const type = (value: string) => {
    text = value;
    sync.emitted(value);
  };
  return { sync, type, replaced, text: () => text };
}

describe('ValueSync', () => {
  it('ignores late echoes of what was typed', () => {
    const e = editor('a');
    e.type('ab');
    e.type('abc');
    e.sync.receive('ab');
    expect(e.text()).toBe('abc');
    e.sync.receive('abc');
    expect(e.replaced).toEqual([]);
  });

  it('applies a change from outside, even back to an earlier text', () => {
    const e = editor('a');
    e.type('ab');
    e.sync.receive('ab');
    e.sync.receive('a');
    expect(e.text()).toBe('a');
    expect(e.replaced).toEqual(['a']);
  });
});
