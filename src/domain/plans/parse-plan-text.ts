// Reads a plan typed or pasted as plain text (the way plans circulate today: a Word file saved as
// text) into the structured form Vinh Danh keeps: header lines, title, basis, introduction, body
// blocks, signer and recipients. Used for the demo plan and for pasting an existing plan.
import type { PlanBlock } from '../../contracts/plans';

export interface ParsedPlan {
  placeDate: string | null;
  title: string;
  basis: string[];
  intro: string | null;
  blocks: PlanBlock[];
  signer: { onBehalf: string | null; position: string | null };
  recipients: string[];
}

const ROMAN = /^(?:[IVXL]+)\.\s+\S/;
const NUMBERED = /^\d+\.\s+\S/;
const QUOTED = /^[“"].*[”"]$/;

export function parsePlanText(raw: string): ParsedPlan {
  const lines = raw
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const plan: ParsedPlan = { placeDate: null, title: '', basis: [], intro: null, blocks: [], signer: { onBehalf: null, position: null }, recipients: [] };
  let i = 0;
  // Header: everything up to "KẾ HOẠCH"; the title follows it.
  for (; i < lines.length && lines[i] !== 'KẾ HOẠCH'; i++) {
    const l = lines[i]!;
    if (/ngày\s.*tháng\s.*năm \d{4}/.test(l)) plan.placeDate = l;
  }
  i++;
  plan.title = lines[i++] ?? '';
  // Before the first heading: basis lines ("Thực hiện …;", "Căn cứ …;"), then the introduction.
  for (; i < lines.length && !ROMAN.test(lines[i]!); i++) {
    const l = lines[i]!;
    if (/^(Thực hiện|Căn cứ)\b/.test(l) && l.endsWith(';')) plan.basis.push(l);
    else plan.intro = plan.intro ? `${plan.intro} ${l}` : l;
  }
  // Body, up to the signer block.
  for (; i < lines.length && !lines[i]!.startsWith('**') && lines[i] !== 'Nơi nhận:'; i++) {
    const l = lines[i]!;
    if (ROMAN.test(l)) plan.blocks.push({ kind: 'HEADING_1', text: l });
    else if (NUMBERED.test(l)) plan.blocks.push({ kind: 'HEADING_2', text: l });
    else if (l.startsWith('- ')) plan.blocks.push({ kind: 'BULLET', text: l.slice(2).trim() });
    else if (QUOTED.test(l)) plan.blocks.push({ kind: 'QUOTE', text: l });
    else plan.blocks.push({ kind: 'PARAGRAPH', text: l });
  }
  // Signer: "**TM. BAN THƯỜNG VỤ" / "PHÓ CHỦ TỊCH**" (bold markers from the Word export).
  const signer: string[] = [];
  for (; i < lines.length && lines[i] !== 'Nơi nhận:'; i++) signer.push(lines[i]!.replace(/\*\*/g, '').trim());
  if (signer.length === 1) plan.signer.position = signer[0]!;
  else if (signer.length >= 2) {
    plan.signer.onBehalf = signer[0]!;
    plan.signer.position = signer[1]!;
  }
  for (i++; i < lines.length; i++) if (lines[i]!.startsWith('- ')) plan.recipients.push(lines[i]!.slice(2).trim());
  return plan;
}
