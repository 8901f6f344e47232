import type { SeededRandom } from '../util/seeded-random.js';
import { readDateBound } from './date-spec.js';
import type { FastFakerBuilder } from './fast-faker.js';
import { formatDate, formatIso, formatTime, utcStart, utcYear } from './iso-time.js';
import type { ParamReader } from './param-reader.js';
import type { ValueGenerator } from './types.js';

/**
 * Date fakers against the flow clock (never the wall clock). Random instants have whole
 * seconds, as Python faker's do; datetimes are ISO-8601 UTC strings, dates 'YYYY-MM-DD'.
 */

type Format = (ms: number) => string;

const DAY_MS = 86_400_000;

/** A whole second in [lo, hi] (ms); lo itself when the range holds no whole second. */
function instantBetween(random: SeededRandom, lo: number, hi: number): number {
  const first = Math.ceil(lo / 1000);
  const last = Math.floor(hi / 1000);
  return first > last ? lo : random.int(first, last) * 1000;
}

/** Between the epoch and the clock, as Python faker's date_time. */
const sinceEpoch = (format: Format): FastFakerBuilder => () => ({ random, now }) =>
  format(now >= 0 ? instantBetween(random, 0, now) : instantBetween(random, now, 0));

type Period = 'century' | 'decade' | 'year' | 'month';

/** [start, end) of the UTC period holding `now`. */
function periodOf(period: Period, now: number): [number, number] {
  const year = utcYear(now);
  switch (period) {
    case 'century': return [utcStart(year - (year % 100)), utcStart(year - (year % 100) + 100)];
    case 'decade': return [utcStart(year - (year % 10)), utcStart(year - (year % 10) + 10)];
    case 'year': return [utcStart(year), utcStart(year + 1)];
    case 'month': {
      const month = new Date(now).getUTCMonth();
      return [utcStart(year, month), utcStart(year, month + 1)];
    }
  }
}

/** Python faker's date_time_this_decade and kin: before_now (default) and/or after_now. */
const thisPeriod = (period: Period, format: Format): FastFakerBuilder => (p) => {
  const beforeNow = p.boolean('before_now', true);
  const afterNow = p.boolean('after_now', false);
  let start = 0;
  let end = -1;
  return ({ random, now }) => {
    if (now < start || now >= end) [start, end] = periodOf(period, now);
    if (beforeNow && afterNow) return format(instantBetween(random, start, end - 1000));
    if (beforeNow) return format(instantBetween(random, start, now));
    if (afterNow) return format(instantBetween(random, now, end - 1000));
    return format(now);
  };
};

/** A range of two bounds, checked at definition time when both are fixed or both relative. */
function between(p: ParamReader, from: [string, string], to: [string, string], format: Format): ValueGenerator {
  const start = readDateBound(p, from[0], from[1]);
  const end = readDateBound(p, to[0], to[1]);
  // Bounds of one kind compare the same at every clock reading ('today' vs '-1h' aside,
  // hence two probes); a fixed bound against a moving one can only be checked per call.
  if (start.relative === end.relative && [0, DAY_MS / 2].every((t) => start.at(t) > end.at(t))) {
    p.fail(`${from[0]} is after ${to[0]}. Swap them.`);
  }
  return ({ random, now }) => {
    const lo = start.at(now);
    const hi = end.at(now);
    if (lo > hi) {
      throw p.error(`${from[0]} ${formatIso(lo)} is after ${to[0]} ${formatIso(hi)} at this point of the simulation. Make the range cover the simulated window.`);
    }
    return format(instantBetween(random, lo, hi));
  };
}

const isoDate = formatDate;

export const DATE_FAKERS: Readonly<Record<string, FastFakerBuilder>> = {
  now: () => ({ now }) => formatIso(now),
  date_time: sinceEpoch(formatIso),
  iso8601: sinceEpoch(formatIso),
  date: sinceEpoch(isoDate),
  time: sinceEpoch(formatTime),
  unix_time: () => ({ random, now }) => (now >= 0 ? instantBetween(random, 0, now) : instantBetween(random, now, 0)) / 1000,
  date_time_this_century: thisPeriod('century', formatIso),
  date_time_this_decade: thisPeriod('decade', formatIso),
  date_time_this_year: thisPeriod('year', formatIso),
  date_time_this_month: thisPeriod('month', formatIso),
  date_this_century: thisPeriod('century', isoDate),
  date_this_decade: thisPeriod('decade', isoDate),
  date_this_year: thisPeriod('year', isoDate),
  date_this_month: thisPeriod('month', isoDate),
  date_time_between: (p) => between(p, ['start_date', '-30y'], ['end_date', 'now'], formatIso),
  date_between: (p) => between(p, ['start_date', '-30y'], ['end_date', 'today'], isoDate),
  past_datetime: (p) => between(p, ['start_date', '-30d'], ['end_date', 'now'], formatIso),
  future_datetime: (p) => between(p, ['start_date', 'now'], ['end_date', '+30d'], formatIso),
  past_date: (p) => between(p, ['start_date', '-30d'], ['end_date', 'today'], isoDate),
  future_date: (p) => between(p, ['start_date', 'today'], ['end_date', '+30d'], isoDate),
};
