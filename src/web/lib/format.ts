// Display conventions of Vietnamese offices: dd/mm/yyyy dates, '.' as the thousands separator,
// names sorted with the Vietnamese collation (Đ after D, tones after the base letter).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** `2024-02-05` (or a timestamp starting with it) → `05/02/2024`; empty for missing values. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant (ISO timestamp) in the browser's time zone: `05/02/2024 14:03`. */
export function formatDateTime(timestamp: string | null | undefined, withSeconds = false): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${withSeconds ? `:${pad(date.getSeconds())}` : ''}`;
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${time}`;
}

/** `1234567` → `1.234.567` (always the Vietnamese grouping, whatever the UI language). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const negative = value < 0;
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Vietnam's clock (Asia/Ho_Chi_Minh) is UTC+7 all year: no daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Today in Vietnam's calendar as `yyyy-mm-dd` — the day the server counts deadlines and effective
 * dates from, whatever the device's own time zone (between 17:00 and 24:00 UTC the two differ).
 */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current year in Vietnam's calendar (forms and filters default to it). */
export function currentYear(now: Date = new Date()): number {
  return Number(todayIso(now).slice(0, 4));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What people type into a date field: `5/2/2024`, `05/02/2024`, `05-02-2024`, `05.02.2024`, or ISO.
 * Returns `yyyy-mm-dd`, or null if it is not a real calendar date.
 */
export function parseViDate(input: string): string | null {
  const text = input.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (vi) {
    [day, month, year] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  } else {
    return null;
  }
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compare two strings in Vietnamese dictionary order. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A sorted copy of `items` by a Vietnamese name. */
export function sortByName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVi(name(a), name(b)));
}

/** Bytes as whole megabytes for messages ("tối đa 30 MB"). */
export function toMegabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
