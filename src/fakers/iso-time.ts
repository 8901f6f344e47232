/**
 * UTC calendar arithmetic and ISO-8601 formatting without Date objects: the date fakers
 * run once per event, and `new Date(ms).toISOString()` is several times slower.
 */

const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** 'YYYY-MM-DDTHH:mm:ss.sssZ', exactly as Date#toISOString. */
export function formatIso(instant: number): string {
  const ms = Math.floor(instant);
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const civil = civilFromDays(days);
  if (civil < 0) return new Date(ms).toISOString(); // years outside 0000..9999
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${dateText(civil)}T${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}.${PAD3[rest - seconds * 1000]}Z`;
}

/** 'YYYY-MM-DD' (UTC). */
export function formatDate(ms: number): string {
  const civil = civilFromDays(Math.floor(ms / DAY_MS));
  return civil < 0 ? new Date(ms).toISOString().slice(0, -14) : dateText(civil);
}

/** 'HH:mm:ss' (UTC). */
export function formatTime(ms: number): string {
  const rest = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  const minutes = Math.floor((rest % 3_600_000) / 60_000);
  return `${PAD2[hours]}:${PAD2[minutes]}:${PAD2[Math.floor((rest % 60_000) / 1000)]}`;
}

/** The UTC year of an instant. */
export function utcYear(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** Start of a UTC year (month 0..11 gives the start of that month). */
export function utcStart(year: number, month = 0): number {
  return Date.UTC(year, month, 1);
}

/**
 * Days since 1970-01-01 → year * 10000 + month * 100 + day, or -1 outside years 0..9999.
 * Howard Hinnant's civil_from_days, in integer arithmetic.
 */
function civilFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year < 0 || year > 9999 ? -1 : year * 10_000 + month * 100 + day;
}

function dateText(civil: number): string {
  const year = Math.floor(civil / 10_000);
  const monthDay = civil - year * 10_000;
  const month = Math.floor(monthDay / 100);
  const yearText = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${yearText}-${PAD2[month]}-${PAD2[monthDay - month * 100]}`;
}
