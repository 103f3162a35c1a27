// A decision as the renderers receive it, for the DOCX and PDF tests: the same issuer, money,
// signer and recipients, with the award groups and basis lines each test asserts on.
import type { DecisionAwardGroup, DecisionDocData, DecisionLine } from './decision-data';

export const FIXTURE_BASE_SALARY = 2_340_000;

/** A person line with the fixture's unit, position and the base salary as money. */
export const fixturePerson = (name: string, over: Partial<DecisionLine> = {}): DecisionLine => ({ name, unit: 'Trường THCS Lê Lợi', position: 'Giáo viên', amountVnd: FIXTURE_BASE_SALARY, ...over });

export function decisionFixture(
  awards: DecisionAwardGroup[],
  basis: string[],
  over: Partial<DecisionDocData> = {},
  articles: Partial<DecisionDocData['articles']> = {},
): DecisionDocData {
  return {
    superiorOrgName: 'Liên đoàn Lao động tỉnh Tây Ninh',
    issuerName: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
    numberLine: 'Số: 05/QĐ-LĐLĐ',
    placeDateLine: 'Dương Minh Châu, ngày 05 tháng 02 năm 2026',
    isDraft: false,
    authorityLine: 'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
    subject: 'Về việc khen thưởng tổng kết phong trào thi đua năm 2026',
    basis,
    articles: {
      awards,
      money: {
        baseSalaryVnd: FIXTURE_BASE_SALARY,
        baseSalarySource: 'Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 của Chính phủ',
        roundingText: 'Số tiền thưởng được làm tròn lên hàng nghìn đồng.',
        totalVnd: 5 * FIXTURE_BASE_SALARY,
        fundName: 'Quỹ Thi đua – Khen thưởng của Liên đoàn Lao động huyện Dương Minh Châu',
      },
      execution: 'Chánh Văn phòng, Trưởng ban Tổ chức và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
      ...articles,
    },
    annexThreshold: 10,
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Đặng Thị Thu Hà' },
    recipients: ['- Như Điều 3;', '- LĐLĐ tỉnh (b/c);', '- Lưu: VT, TC.'],
    ...over,
  };
}
