import { BadRequestException } from '@nestjs/common';
import { isIsoDate } from '@ledger/domain';
import { ID_PATTERN } from './validators';

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "Today" for a French ledger is the date in Paris, not in UTC. */
export function todayInParis(now = new Date()): string {
  return PARIS_DATE.format(now);
}

export function parseAsOf(value: string | undefined): string {
  if (value === undefined || value === '') return todayInParis();
  return parseDate('asOf', value);
}

export function parseDate(name: string, value: string): string {
  if (!isIsoDate(value)) throw badQuery(name, 'must be a real calendar date YYYY-MM-DD');
  return value;
}

export function parseOptionalDate(name: string, value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : parseDate(name, value);
}

export function parseLimit(value: string | undefined, fallback = 100, max = 1000): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) throw badQuery('limit', `must be an integer from 1 to ${max}`);
  return Number(value);
}

/** An optional `limit`: undefined when absent, else an integer from 1 to `max`. */
export function parseOptionalLimit(value: string | undefined, max: number): number | undefined {
  return value === undefined || value === '' ? undefined : parseLimit(value, 1, max);
}

/** An optional cursor that is a row number: undefined when absent, else an integer from 0. */
export function parseOptionalRowNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,9}$/.test(value)) throw badQuery(name, 'must be the number of a row (an integer from 0)');
  return Number(value);
}

export function parseOptionalId(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!ID_PATTERN.test(value)) throw badQuery(name, 'must match ^[a-z0-9][a-z0-9-]{0,62}$');
  return value;
}

export function parseEnum<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!allowed.includes(value as T)) throw badQuery(name, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function badQuery(field: string, message: string): BadRequestException {
  return new BadRequestException({ errors: [{ field, message: `${field} ${message}` }] });
}

/** An export is always whole: a page of it would read as the whole register in a spreadsheet, so paging is refused, not ignored. */
export function refusePaging(page: { after?: unknown; limit?: unknown }, why: string): void {
  for (const [field, value] of Object.entries(page)) if (value !== undefined) throw badQuery(field, `pages the JSON form only; ${why}`);
}
