// ISO date arithmetic without Date objects: the engine runs in hot loops and compares strings.

/** Days since 1970-01-01 of an ISO `yyyy-mm-dd` (proleptic Gregorian; Howard Hinnant's algorithm). */
export function dayNumber(iso: string): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (inverse of dayNumber). */
export function isoFromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function nextDay(iso: string): string {
  return isoFromDayNumber(dayNumber(iso) + 1);
}

/**
 * The first day of the month `months` months before 1 January of `year + 1`. Someone recruited on or
 * before that day has worked at least `months` whole calendar months by 31 December of `year`
 * (recruited 2024-07-01 → July to December = 6 months; 2024-07-02 is short by a day).
 */
export function latestStartFor(year: number, months: number): string {
  const total = (year + 1) * 12 - months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-01`;
}

/** Calendar days of [from, to] (inclusive) that fall inside `year`; 0 when disjoint. */
export function daysInYear(from: string, to: string, year: number): number {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const a = from > start ? from : start;
  const b = to < end ? to : end;
  return a > b ? 0 : dayNumber(b) - dayNumber(a) + 1;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** dd/mm/yyyy, the way Vietnamese documents write dates. */
export function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function pad2(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}
