// A commendation decision with `rows` awardees (seeded names, one award, money on each line), as the
// decision service assembles it: the input of the DOCX and PDF decision benchmarks.
import type { DecisionDocData } from '../../src/server/modules/decisions/documents/decision-data';
import { prng } from './stats';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Thị Ngọc', 'Minh', 'Đức', 'Thanh'];
const GIVEN = ['Ánh', 'Hường', 'Lan', 'Bình', 'Dũng', 'Việt', 'Phúc', 'Nghĩa', 'Yến', 'Thảo'];

export function decisionData(rows: number, seed: number): DecisionDocData {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const lines = Array.from({ length: rows }, (_, i) => ({ name: `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`, unit: `Công đoàn cơ sở số ${(i % 120) + 1}`, amountVnd: 759_000 }));
  return {
    superiorOrgName: 'Liên đoàn Lao động tỉnh Tây Ninh',
    issuerName: 'Liên đoàn Lao động huyện Dương Minh Châu',
    numberLine: 'Số: 05/QĐ-LĐLĐ',
    placeDateLine: 'Dương Minh Châu, ngày 05 tháng 02 năm 2027',
    isDraft: false,
    authorityLine: 'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
    subject: 'Về việc khen thưởng tổng kết phong trào thi đua năm 2026',
    basis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Điều lệ Công đoàn Việt Nam;', 'Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng.'],
    articles: {
      awards: [{ awardName: 'Lao động tiên tiến', subjectKind: 'INDIVIDUAL', achievement: 'Đã hoàn thành tốt nhiệm vụ năm 2026', lines }],
      money: { baseSalaryVnd: 2_530_000, baseSalarySource: 'Nghị định 161/2026/NĐ-CP', roundingText: 'Tiền thưởng tính đúng theo hệ số, không làm tròn.', totalVnd: 759_000 * rows, fundName: 'quỹ thi đua – khen thưởng' },
      execution: 'Chánh Văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    },
    annexThreshold: 10,
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Thị Thúy' },
    recipients: ['- Như Điều 3;', '- Lưu: VT, TĐKT.'],
  };
}
