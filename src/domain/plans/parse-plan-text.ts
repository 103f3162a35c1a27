// Reads a plan typed or pasted as plain text (the way plans circulate today: a Word file saved as
// text, or copied out of Word into the editor) into the structured form Vinh Danh keeps: header
// lines, title, basis, introduction, body blocks, signer and recipients. Used for the demo plan and
// for "Dán văn bản" in the plan editor.
import type { PlanBlock } from '../../contracts/plans';

export interface ParsedPlan {
  /** "Huyện DMC, ngày 05 tháng 3 năm 2024" as written. */
  placeDate: string | null;
  /** The place of that line ("Huyện DMC"). */
  place: string | null;
  title: string;
  basis: string[];
  intro: string | null;
  blocks: PlanBlock[];
  /** The theme (chủ đề thi đua): the first quoted line of the body, without its quotes. */
  theme: string | null;
  signer: { onBehalf: string | null; position: string | null; name: string | null };
  recipients: string[];
}

const ROMAN = /^(?:[IVXL]+)\.\s+\S/;
const NUMBERED = /^\d+\.\s+\S/;
const QUOTED = /^[“"].*[”"]$/;
/** "- ", "– ", "• ", "+ " (Word's bullet characters survive a copy as text). */
const BULLET = /^[-–—•·▪●+]\s*/;
/** A lettered item ("a. …", "b) …") is a paragraph of its own, not a continuation. */
const LETTERED = /^[a-zđ][.)]\s/;
const PLACE_DATE = /ngày\s.*tháng\s.*năm \d{4}/;
const RECIPIENTS_LABEL = /^Nơi nhận\s*:?$/i;
/** A signature placeholder in a copy of a signed paper ("(Đã ký)", "(Ký, đóng dấu)"). */
const SIGNATURE_NOTE = /^\(.*(ký|dấu).*\)$/i;

/**
 * A line that begins with a lowercase letter continues the previous one: a sentence broken by a page
 * break or a hard line break in the source ("… Phong trào thi" / "đua thực hiện …").
 */
function continues(line: string): boolean {
  const first = line.charAt(0);
  return first !== first.toLocaleUpperCase('vi') && first === first.toLocaleLowerCase('vi') && !LETTERED.test(line);
}

/** Lines of the text, NFC, spaces collapsed; tabs (cells of a Word table copied as text) kept as "\t". */
function rawLines(raw: string): string[] {
  return raw
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .split(/\r\n|\r|\n|\u2028|\u2029|\v/)
    .map((l) => l.replace(/[ \t]*\t[ \t]*/g, '\t').replace(/ {2,}/g, ' ').trim())
    .filter((l) => l.length > 0);
}

/**
 * The header is a two-column table in Word: its cells come out tab-separated on one line ("Số: 05/KH-LĐLĐ ⇥ Huyện DMC, ngày …"),
 * so header lines are split into cells; in the body a tab is just a space ("•⇥Tăng cường …").
 */
function cleanLines(raw: string): string[] {
  const lines = rawLines(raw);
  const heading = lines.findIndex(isPlanHeading);
  return lines.flatMap((l, i) => (i < heading ? l.split('\t').map((c) => c.trim()).filter(Boolean) : [l.replace(/\t/g, ' ')]));
}

const isPlanHeading = (l: string) => l.replace(/\*\*/g, '').trim().toLocaleUpperCase('vi') === 'KẾ HOẠCH';

const isUpper = (s: string) => s === s.toLocaleUpperCase('vi') && /\p{L}/u.test(s);

export function parsePlanText(raw: string): ParsedPlan {
  const lines = cleanLines(raw);
  const plan: ParsedPlan = {
    placeDate: null,
    place: null,
    title: '',
    basis: [],
    intro: null,
    blocks: [],
    theme: null,
    signer: { onBehalf: null, position: null, name: null },
    recipients: [],
  };
  let i = 0;
  // Header: everything up to "KẾ HOẠCH"; the title follows it. Without that line the text starts
  // with the title itself.
  const heading = lines.findIndex(isPlanHeading);
  if (heading >= 0) {
    for (; i < heading; i++) if (PLACE_DATE.test(lines[i]!)) plan.placeDate = lines[i]!;
    i = heading + 1;
  }
  plan.place = plan.placeDate?.split(',')[0]?.trim() || null;
  plan.title = (lines[i++] ?? '').replace(/\*\*/g, '').trim();
  // The title may run over two lines before the basis.
  while (i < lines.length && continues(lines[i]!)) plan.title = `${plan.title} ${lines[i++]!}`;
  // Before the first heading: basis lines ("Thực hiện …;", "Căn cứ …;"), then the introduction.
  for (; i < lines.length && !ROMAN.test(lines[i]!); i++) {
    const l = lines[i]!;
    if (/^(Thực hiện|Căn cứ)\s/.test(l) && l.endsWith(';')) plan.basis.push(l);
    else plan.intro = plan.intro ? `${plan.intro} ${l}` : l;
  }
  // Body, up to the signer block: "**TM. …" (bold markers of a Word export), "Nơi nhận:", or the
  // uppercase signer lines that follow the closing sentence ("…/." or "./.").
  let closed = false;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('**') || RECIPIENTS_LABEL.test(l) || (closed && isUpper(l))) break;
    const last = plan.blocks.at(-1);
    if (ROMAN.test(l)) plan.blocks.push({ kind: 'HEADING_1', text: l });
    else if (NUMBERED.test(l)) plan.blocks.push({ kind: 'HEADING_2', text: l });
    else if (BULLET.test(l) && l.replace(BULLET, '').length > 0) plan.blocks.push({ kind: 'BULLET', text: l.replace(BULLET, '').trim() });
    else if (last && continues(l)) last.text = `${last.text} ${l}`;
    else if (QUOTED.test(l)) plan.blocks.push({ kind: 'QUOTE', text: l });
    else plan.blocks.push({ kind: 'PARAGRAPH', text: l });
    closed = /\.?\/\.$/.test(l);
  }
  // Signer and "Nơi nhận", in either order (a Word table copies its left cell first).
  const signer: string[] = [];
  let inRecipients = false;
  for (; i < lines.length; i++) {
    const l = lines[i]!.replace(/\*\*/g, '').trim();
    if (!l) continue;
    if (RECIPIENTS_LABEL.test(l)) inRecipients = true;
    else if (inRecipients && BULLET.test(l)) plan.recipients.push(l.replace(BULLET, '').trim());
    else if (!SIGNATURE_NOTE.test(l)) {
      inRecipients = false;
      signer.push(l);
    }
  }
  const titles = signer.filter(isUpper);
  const name = signer.find((l) => !isUpper(l)) ?? null;
  if (titles.length === 1) plan.signer.position = titles[0]!;
  else if (titles.length >= 2) {
    plan.signer.onBehalf = titles[0]!;
    plan.signer.position = titles[1]!;
  }
  plan.signer.name = name;
  const quote = plan.blocks.find((b) => b.kind === 'QUOTE');
  plan.theme = quote ? quote.text.replace(/^[“"]|[”"]$/g, '').trim() : null;
  return plan;
}
