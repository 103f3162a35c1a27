// What must never appear on the public site in an exemplary story (gương điển hình): identity
// numbers (CMND 9 digits, CCCD 12 digits), phone numbers (0xxxxxxxxx, +84…, landlines of 11
// digits), email addresses, and — when the subject is a member on record — their own identity
// number, phone, email and address however they are written (spaces, dots, dashes, case,
// diacritics). The check is deliberately wide: a false alarm costs an officer one edit, a miss
// puts a citizen's identity on the internet.

export const PERSONAL_DATA_KINDS = ['ID_NUMBER', 'PHONE', 'EMAIL', 'ADDRESS'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text as written. */
  match: string;
  /** Where it starts in the text (UTF-16 index). */
  index: number;
  /** Whether it is the subject's own recorded value (rather than any number of that shape). */
  known: boolean;
}

/** What is on record about the subject (a member's CCCD, phone, email; an address when known). */
export interface KnownPersonalData {
  cccd?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** Digit groups separated by one space, dot or dash (how people write numbers), optionally after "+". */
const DIGIT_RUN = /\+?\d+(?:[ .\u00a0-]\d+)*/g;
/** A money amount: "150.000.000 đồng", "2 triệu", "500 nghìn VNĐ". */
const CURRENCY_AFTER = /^\s*(?:đồng|vnđ|vnd|đ|triệu|nghìn|ngàn|tỷ|tỉ)(?![\p{L}])/iu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The shape of a digit string: a phone number, an identity number, or nothing. */
function classify(digits: string, plus: boolean): 'PHONE' | 'ID_NUMBER' | null {
  if ((plus || digits.length === 11) && /^84[1-9]\d{8,9}$/.test(digits)) return 'PHONE';
  if (/^0\d{9,10}$/.test(digits)) return 'PHONE';
  if (digits.length === 9 || digits.length === 12) return 'ID_NUMBER';
  return null;
}

/**
 * "150.000.000" or "1,500,000": thousands groups ending in 000 read as an amount, not an identity
 * number — unless it starts with a 0, which no amount does and every CCCD does (its first three
 * digits are the province code 001–096): "001.089.012.000" is an identity number.
 */
const looksLikeAmount = (groups: string[], seps: string[]) =>
  groups.length > 1 && !groups[0]!.startsWith('0') && seps.every((s) => s === '.' || s === ',') && groups.slice(1).every((g) => g.length === 3) && groups[groups.length - 1] === '000';

function numbersIn(text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const raw = m[0];
    const start = m.index;
    const plus = raw.startsWith('+');
    const body = plus ? raw.slice(1) : raw;
    const groups: { text: string; at: number }[] = [];
    const seps: string[] = [];
    let at = start + (plus ? 1 : 0);
    for (const part of body.split(/([ .\u00a0-])/)) {
      if (/^\d+$/.test(part)) groups.push({ text: part, at });
      else seps.push(part);
      at += part.length;
    }
    // A whole run that reads as an amount has no identity number inside it either ("100.000.000.000"
    // is not a name for "000.000.000").
    if (looksLikeAmount(groups.map((g) => g.text), seps)) continue;
    const used = new Array<boolean>(groups.length).fill(false);
    // Longest windows of consecutive groups first: "2024 0912 345 678" is a year and a phone.
    for (let len = groups.length; len >= 1; len--) {
      for (let i = 0; i + len <= groups.length; i++) {
        if (used.slice(i, i + len).some(Boolean)) continue;
        const window = groups.slice(i, i + len);
        const digits = window.map((g) => g.text).join('');
        const withPlus = plus && i === 0;
        const kind = classify(digits, withPlus);
        if (!kind) continue;
        const from = withPlus ? start : window[0]!.at;
        const last = window[window.length - 1]!;
        const to = last.at + last.text.length;
        if (kind === 'ID_NUMBER' && (looksLikeAmount(window.map((g) => g.text), seps.slice(i, i + len - 1)) || CURRENCY_AFTER.test(text.slice(to)))) continue;
        for (let k = i; k < i + len; k++) used[k] = true;
        out.push({ kind, match: text.slice(from, to), index: from, known: false });
      }
    }
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A recorded number however it is spaced: every digit in order, a space, dot or dash allowed between. */
function spacedDigits(digits: string): string {
  return digits.split('').join('[ .\\u00a0-]?');
}

/** Lower-case, diacritics and đ folded, every run of non-letters one space — with a map back to the original index. */
function foldWithMap(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (/^[\p{L}\p{N}]+$/u.test(c)) {
      folded += c;
      for (let k = 0; k < c.length; k++) at.push(i);
      space = false;
    } else if (!space) {
      folded += ' ';
      at.push(i);
      space = true;
    }
  }
  return { folded, at };
}

function knownIn(text: string, known: KnownPersonalData): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  const push = (kind: PersonalDataKind, re: RegExp) => {
    for (const m of text.matchAll(re)) out.push({ kind, match: m[0], index: m.index, known: true });
  };
  const cccd = digitsOf(known.cccd ?? '');
  if (cccd.length >= 6) push('ID_NUMBER', new RegExp(`(?<!\\d)${spacedDigits(cccd)}(?!\\d)`, 'g'));
  let phone = digitsOf(known.phone ?? '');
  if (phone.startsWith('84') && phone.length >= 11) phone = `0${phone.slice(2)}`;
  if (phone.length >= 8) {
    const national = phone.replace(/^0/, '');
    push('PHONE', new RegExp(`(?<!\\d)(?:0|\\+?84[ .\\u00a0-]?)${spacedDigits(national)}(?!\\d)`, 'g'));
  }
  const email = (known.email ?? '').trim();
  if (email.includes('@')) push('EMAIL', new RegExp(escapeRe(email), 'giu'));
  const address = foldWithMap(known.address ?? '').folded.trim();
  if (address.length >= 8) {
    const { folded, at } = foldWithMap(text);
    let from = folded.indexOf(address);
    while (from >= 0) {
      const begin = at[from]!;
      const end = at[from + address.length - 1]! + 1;
      out.push({ kind: 'ADDRESS', match: text.slice(begin, end), index: begin, known: true });
      from = folded.indexOf(address, from + address.length);
    }
  }
  return out;
}

/**
 * Everything in `text` that must not be published, in order of appearance; overlapping findings are
 * reported once (the subject's own recorded value wins over a mere shape).
 */
export function findPersonalData(text: string, known: KnownPersonalData = {}): PersonalDataFinding[] {
  const all = [...knownIn(text, known), ...numbersIn(text)];
  for (const m of text.matchAll(EMAIL)) all.push({ kind: 'EMAIL', match: m[0], index: m.index, known: false });
  all.sort((a, b) => a.index - b.index || Number(b.known) - Number(a.known) || b.match.length - a.match.length);
  const out: PersonalDataFinding[] = [];
  let end = -1;
  for (const f of all) {
    if (f.index < end) continue;
    out.push(f);
    end = f.index + f.match.length;
  }
  return out;
}

/** A finding fit to show in an error message: enough to find it in the text, not enough to copy it. */
export function maskFinding(f: Pick<PersonalDataFinding, 'kind' | 'match'>): string {
  if (f.kind === 'EMAIL') {
    const [user = '', domain = ''] = f.match.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  if (f.kind === 'ADDRESS') return f.match.length > 16 ? `${f.match.slice(0, 16)}…` : f.match;
  const digits = digitsOf(f.match);
  return `${digits.slice(0, 2)}${'•'.repeat(Math.max(0, digits.length - 5))}${digits.slice(-3)}`;
}
