// Amounts of money written out in words, as decisions repeat them after the figure
// ("2.340.000 đồng (Hai triệu ba trăm bốn mươi nghìn đồng)"). Pure; integers from 0 to
// Number.MAX_SAFE_INTEGER.
//
// Vietnamese reading rules: groups of three digits named nghìn, triệu, tỷ (tỷ repeats for each nine
// digits: "nghìn tỷ"); a zero group is skipped; a group after a larger one is read in full
// ("không trăm", "linh"); 1 after a ten of 20+ is "mốt", 5 after any ten is "lăm", 10 is "mười".

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function checkAmount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole non-negative amount: ${n}`);
}

/** One group of three digits (1–999); `full` reads the hundreds even when zero ("không trăm linh năm"). */
function viGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  const hundreds = full || h > 0;
  if (hundreds) out.push(VI_DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (hundreds) out.push('linh');
      out.push(VI_DIGITS[u]!);
    }
    return out;
  }
  out.push(t === 1 ? 'mười' : `${VI_DIGITS[t]!} mươi`);
  if (u === 1) out.push(t === 1 ? 'một' : 'mốt');
  else if (u === 5) out.push('lăm');
  else if (u > 0) out.push(VI_DIGITS[u]!);
  return out;
}

/** Below one tỷ; `full` when a larger unit was read before. */
function viBelowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const names = ['triệu', 'nghìn', ''];
  const out: string[] = [];
  let started = full;
  groups.forEach((g, i) => {
    if (g === 0) return;
    out.push(...viGroup(g, started));
    if (names[i]) out.push(names[i]!);
    started = true;
  });
  return out;
}

function viWords(n: number, full: boolean): string[] {
  if (n < 1_000_000_000) return viBelowBillion(n, full);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  return [...viWords(billions, full), 'tỷ', ...(rest ? viBelowBillion(rest, true) : [])];
}

/** 105000 → "một trăm linh năm nghìn"; 0 → "không". */
export function vietnameseNumberWords(n: number): string {
  checkAmount(n);
  return n === 0 ? VI_DIGITS[0] : viWords(n, false).join(' ');
}

const EN_SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'] as const;

function enGroup(n: number): string[] {
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) out.push(EN_SMALL[h]!, 'hundred');
  if (r >= 20) out.push(r % 10 ? `${EN_TENS[Math.floor(r / 10)]!}-${EN_SMALL[r % 10]!}` : EN_TENS[Math.floor(r / 10)]!);
  else if (r > 0) out.push(EN_SMALL[r]!);
  return out;
}

/** 2340000 → "two million three hundred forty thousand"; 0 → "zero". */
export function englishNumberWords(n: number): string {
  checkAmount(n);
  if (n === 0) return EN_SMALL[0];
  const out: string[] = [];
  let scale = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000), scale++) {
    const g = rest % 1000;
    if (g) out.unshift(...enGroup(g), ...(EN_SCALES[scale] ? [EN_SCALES[scale]!] : []));
  }
  return out.join(' ');
}

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

/** "Hai triệu ba trăm bốn mươi nghìn đồng" / "Two million three hundred forty thousand dong". */
export function amountInWords(n: number, locale: 'vi' | 'en' = 'vi'): string {
  return locale === 'en' ? capitalise(`${englishNumberWords(n)} dong`) : capitalise(`${vietnameseNumberWords(n)} đồng`);
}

/** 2340000 → "2.340.000" (vi) / "2,340,000" (en). */
export function groupDigits(n: number, locale: 'vi' | 'en' = 'vi'): string {
  checkAmount(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'en' ? ',' : '.');
}
