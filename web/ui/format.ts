/** Compact formatting as kubectl prints it: "45s", "12m", "5h", "3d". */
export function formatAge(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '';
  const then = Date.parse(timestamp);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  return days < 730 ? `${days}d` : `${Math.floor(days / 365)}y`;
}

let fractionFormat: Intl.NumberFormat | undefined;

/**
 * "12,345". Whole numbers are grouped here rather than by Intl: the first Intl formatter a page makes
 * loads the locale data (~0.1 s on a slow machine), and toLocaleString makes a new one on every call.
 */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count)) return (fractionFormat ??= new Intl.NumberFormat('en-US')).format(count);
  const digits = String(Math.abs(count));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return count < 0 ? `-${grouped}` : grouped;
}

/** "3 pods", "1 pod". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : pluralNoun}`;
}
