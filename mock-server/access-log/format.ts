/** The kubelet's side of pod logs. */
/**
 * The kubelet's timestamps=true prefix: Go's RFC3339Nano, trailing zeros of the fraction trimmed. Epoch
 * milliseconds in a double hold microseconds exactly, not nanoseconds, so the fraction stops there.
 */
export function rfc3339Nano(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const nanos = Math.round((epochMs - whole) * 1000) * 1000 + (whole % 1000) * 1e6;
  const seconds = new Date(whole - (whole % 1000)).toISOString().slice(0, 19);
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${seconds}${fraction ? `.${fraction}` : ''}Z`;
}
