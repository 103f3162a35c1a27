// Fills the ceremony printouts from a ceremony: the active recipients in call order grouped with their
// presenter, the date line from the organisation's place name, and the attendance workbook.
import type { Locale } from '../../../contracts/enums';
import type { CeremonyDto } from '../../../contracts/ceremonies';
import { t } from '../../../contracts/messages';
import { vnDate } from '../../lib/dates';
import { placeOf } from '../../lib/place';
import { placeDateLine } from '../plans/plans.service';
import { tableWorkbook } from '../imports/xlsx/table-workbook';
import type { CeremonyDocGroup, CeremonyDocModel } from './documents/ceremony-docx';
import type { CeremonyRow } from './ceremonies.service';

export function ceremonyDocModel(c: CeremonyRow, dto: CeremonyDto): CeremonyDocModel {
  const groups: CeremonyDocGroup[] = [];
  for (const r of dto.recipients) {
    if (r.lineStatus !== 'ACTIVE') continue;
    let g = groups.at(-1);
    if (!g || g.groupNo !== r.groupNo) {
      g = { groupNo: r.groupNo, presenter: r.presenter, lines: [] };
      groups.push(g);
    }
    g.presenter ??= r.presenter;
    g.lines.push({ name: r.subjectName, unit: r.unitName, award: r.awardName });
  }
  return {
    parentOrgName: c.parent_name,
    orgName: c.org_name,
    placeDateLine: placeDateLine(placeOf(c.org_name), c.held_date, Number(c.held_date.slice(0, 4))),
    title: c.title,
    when: t('vi', 'ceremonies.doc.whenValue', { time: c.held_time, date: vnDate(c.held_date) }),
    place: c.place,
    programme: c.programme,
    groups,
  };
}

export function ceremonyWorkbook(c: CeremonyRow, dto: CeremonyDto, locale: Locale): Promise<Buffer> {
  const L = (key: string, params?: Record<string, string | number>) => t(locale, `ceremonies.xlsx.${key}`, params);
  return tableWorkbook({
    sheet: L('sheet'),
    title: L('title', { title: c.title }),
    lines: [L('line', { org: c.org_name, time: c.held_time, date: vnDate(c.held_date), place: c.place, status: t(locale, `ceremonies.status.${c.status}`) })],
    columns: [
      { header: L('col.no'), width: 6 },
      { header: L('col.group'), width: 6 },
      { header: L('col.presenter'), width: 28 },
      { header: L('col.name'), width: 30 },
      { header: L('col.unit'), width: 36 },
      { header: L('col.award'), width: 36 },
      { header: L('col.decision'), width: 16 },
      { header: L('col.attendance'), width: 18 },
      { header: L('col.receivedBy'), width: 26 },
      { header: L('col.recordedAt'), width: 20 },
    ],
    rows: dto.recipients.map((r, i) => [
      i + 1,
      r.groupNo,
      r.presenter,
      r.subjectName,
      r.unitName,
      r.awardName,
      r.decisionNumber,
      r.lineStatus === 'REVOKED' ? t(locale, 'ceremonies.attendance.REVOKED') : t(locale, `ceremonies.attendance.${r.attendance}`),
      r.receivedBy,
      r.recordedAt ? new Date(r.recordedAt).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : null,
    ]),
  });
}
