const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const byHour = new Map<string, string>();

/**
 * The calendar day in Paris of an ISO instant (a `recordedAt`): a French ledger's days are Paris
 * days. Paris is a whole number of hours from UTC, so the day depends on the UTC hour only: one
 * Intl call per hour seen, not per event (a journal of 100,000 events asks 100,000 times).
 */
export function parisDateOf(instant: string): string {
  const hour = instant.slice(0, 13);
  let day = byHour.get(hour);
  if (day === undefined) {
    day = PARIS_DATE.format(new Date(`${hour}:00:00.000Z`));
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(hour, day);
  }
  return day;
}
