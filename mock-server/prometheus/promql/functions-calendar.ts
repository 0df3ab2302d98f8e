/** The calendar functions: each maps a Unix time in seconds to a UTC calendar field. */

function utc(seconds: number): Date {
  // Go converts with int64(seconds): truncation toward zero.
  return new Date(Math.trunc(seconds) * 1000);
}

export const CALENDAR_FUNCTIONS: Readonly<Record<string, (seconds: number) => number>> = {
  day_of_month: (t) => utc(t).getUTCDate(),
  day_of_week: (t) => utc(t).getUTCDay(),
  day_of_year: (t) => {
    const d = utc(t);
    return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  },
  days_in_month: (t) => {
    const d = utc(t);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  },
  hour: (t) => utc(t).getUTCHours(),
  minute: (t) => utc(t).getUTCMinutes(),
  month: (t) => utc(t).getUTCMonth() + 1,
  year: (t) => utc(t).getUTCFullYear(),
};
