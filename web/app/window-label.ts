/** How the top bar names a fixed time window: "14:02–14:20", with dates when it is not within today. */

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE_TIME: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', ...TIME };

export function windowLabel(start: Date, end: Date, now: Date = new Date(), locale?: string): string {
  const today = sameDay(start, now) && sameDay(end, now);
  const startText = start.toLocaleString(locale, today ? TIME : DATE_TIME);
  const endText = end.toLocaleString(locale, today || sameDay(start, end) ? TIME : DATE_TIME);
  return `${startText}–${endText}`;
}
