// The covenant (giao ước thi đua) as a .docx laid out like the plans (Nghị định 30/2020): the
// organiser's header beside the national motto, "GIAO ƯỚC THI ĐUA NĂM …" and the cluster name, the
// commitments as numbered paragraphs, and one signature cell per member unit, head first.
import { AlignmentType, Document, Packer, PageOrientation, Table, TableBorders, TableLayoutType, TableRow, WidthType, type Paragraph } from 'docx';
import { body, cell, centred, headerTable, pageHeaders, para, rule, run, type PlanDocxModel } from '../plans/plan-docx';
import { placeDateLine } from '../plans/plans.service';
import { t } from '../../../contracts/messages';
import type { ClusterDto } from '../../../contracts/clusters';

const FONT = 'Times New Roman';
const FONTS = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT } as const;
const PT13 = 26;
const PT14 = 28;
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134, header: 567, footer: 567 };
const TEXT_WIDTH = A4_WIDTH - MARGIN.left - MARGIN.right;
const HALF = Math.floor(TEXT_WIDTH / 2);

export interface CovenantDocxModel {
  parentOrgName: string | null;
  orgName: string;
  /** "Huyện DMC": the place in the date line. */
  place: string;
  year: number;
  clusterName: string;
  paragraphs: string[];
  signedOn: string | null;
  /** Head first, then deputy, then the others in rotation order. */
  members: { name: string; role: ClusterDto['members'][number]['role'] }[];
}

const ROLE_RANK = { HEAD: 0, DEPUTY: 1, MEMBER: 2 } as const;

/** "Liên đoàn Lao động huyện DMC" → "Huyện DMC": the place a federation writes in its date line. */
export function placeOf(orgName: string): string {
  const rest = orgName.normalize('NFC').replace(/^(Liên đoàn Lao động|Công đoàn|LĐLĐ|CĐ)\s+/i, '').trim();
  return rest.charAt(0).toLocaleUpperCase('vi-VN') + rest.slice(1);
}

export function covenantDocxModel(c: ClusterDto, parentName: string | null): CovenantDocxModel {
  const members = c.members
    .map((m, i) => ({ ...m, i }))
    .sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.rotationOrder - b.rotationOrder || a.i - b.i)
    .map((m) => ({ name: m.name, role: m.role }));
  return { parentOrgName: parentName, orgName: c.orgName, place: placeOf(c.orgName), year: c.year, clusterName: c.name, paragraphs: c.covenant, signedOn: c.covenantSignedOn, members };
}

/** "1. text", unless the commitment is already numbered. */
const numbered = (text: string, n: number) => (/^\d+[.)]\s/.test(text.trim()) ? text.trim() : `${n}. ${text.trim()}`);

function signatureTable(m: CovenantDocxModel): Table {
  const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');
  const signCell = (member: CovenantDocxModel['members'][number] | undefined): Paragraph[] => {
    if (!member) return [centred([])];
    const out = [centred([run(upper(t('vi', `cluster.docx.role.${member.role}`)), { bold: true, size: PT13 })]), centred([run(upper(member.name), { bold: true, size: PT13 })])];
    // Room for the signature and the seal.
    for (let i = 0; i < 4; i++) out.push(centred([]));
    return out;
  };
  const rows: TableRow[] = [];
  for (let i = 0; i < m.members.length; i += 2) {
    rows.push(new TableRow({ cantSplit: true, children: [cell(HALF, signCell(m.members[i])), cell(HALF, signCell(m.members[i + 1]))] }));
  }
  return new Table({
    width: { size: HALF * 2, type: WidthType.DXA },
    columnWidths: [HALF, HALF],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows,
  });
}

export async function renderCovenantDocx(m: CovenantDocxModel): Promise<Buffer> {
  const header: PlanDocxModel = {
    parentOrgName: m.parentOrgName,
    orgName: m.orgName,
    numberLine: '',
    placeDateLine: placeDateLine(m.place, m.signedOn, m.year),
    title: '',
    basis: [],
    intro: null,
    blocks: [],
    signer: { onBehalf: null, position: '', name: '' },
    recipients: [],
    draft: m.signedOn === null,
  };
  const children: (Paragraph | Table)[] = [headerTable(header)];
  children.push(para([run(t('vi', 'cluster.docx.title', { year: m.year }), { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 360, after: 0 } }));
  children.push(centred([run(m.clusterName.trim(), { bold: true, size: PT14 })]));
  children.push(rule(TEXT_WIDTH, 1701, 240));
  children.push(body([run(t('vi', 'cluster.docx.intro', { year: m.year, cluster: m.clusterName.trim() }))]));
  m.paragraphs.forEach((p, i) => children.push(body([run(numbered(p, i + 1))])));
  children.push(para([run(t('vi', 'cluster.docx.signatures'), { bold: true })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 240, after: 120 } }));
  children.push(signatureTable(m));

  const doc = new Document({
    creator: 'Vinh Danh',
    title: `${t('vi', 'cluster.docx.title', { year: m.year })} – ${m.clusterName}`.normalize('NFC'),
    styles: { default: { document: { run: { font: FONTS, size: PT14, language: { value: 'vi-VN' } }, paragraph: { spacing: { before: 0, after: 120 } } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } },
        headers: pageHeaders(m.signedOn === null),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
