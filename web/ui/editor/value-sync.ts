/**
 * Keeps an editor's text in step with a `value` prop that echoes the editor's own changes back,
 * possibly a few keystrokes late: a late echo must not undo what was typed since, while a real
 * change from outside (a reset, a merge) must land. Pure.
 */
export class ValueSync {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly current: () => string,
    private readonly replace: (value: string) => void,
  ) {}

  /** Call with each text the editor reports to onChange. */
  emitted(value: string): void {
    this.inFlight.add(value);
  }

  /** Call when the prop changes. */
  receive(value: string): void {
    if (this.current() === value) this.inFlight.clear();
    else if (!this.inFlight.has(value)) {
      this.inFlight.clear();
      this.replace(value);
    }
  }
}
