// What a commendation decision (quyết định khen thưởng) prints: plain data the decisions service
// fills from the decision, its basis clauses, the award groups and the signer. Texts print as given
// (NFC, trimmed); the generator adds only the fixed wording of the Nghị định 30/2020 layout and the
// decisionDocs.* labels.

export type DecisionSubjectKind = 'INDIVIDUAL' | 'COLLECTIVE';

export interface DecisionLine {
  /** Person's full name or the collective's name. */
  name: string;
  /** The unit the awardee belongs to; null when none is recorded. */
  unit: string | null;
  /** A person's position ("Giáo viên"); printed before the unit. */
  position?: string | null;
  /** Reward money for this awardee in đồng; null when the award carries none. */
  amountVnd: number | null;
}

export interface DecisionAwardGroup {
  /** "Giấy khen của Ban Chấp hành Liên đoàn Lao động huyện". */
  awardName: string;
  subjectKind: DecisionSubjectKind;
  /** "Đã có thành tích xuất sắc trong phong trào thi đua … năm 2026". */
  achievement: string;
  lines: DecisionLine[];
}

export interface DecisionMoney {
  /** Base salary (mức lương cơ sở) on the decision date, in đồng. */
  baseSalaryVnd: number;
  /** Where the base salary comes from: "Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 của Chính phủ". */
  baseSalarySource: string;
  /** How amounts were rounded: "Số tiền thưởng được làm tròn lên hàng nghìn đồng." */
  roundingText: string;
  /** Sum of all amounts, in đồng. */
  totalVnd: number;
  /** "Quỹ Thi đua – Khen thưởng của Liên đoàn Lao động huyện Dương Minh Châu". */
  fundName: string;
}

export interface DecisionDocData {
  /** "LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH" (printed upper case); null when none. */
  superiorOrgName: string | null;
  /** "LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU" (printed upper case, bold). */
  issuerName: string;
  /** "Số: 05/QĐ-LĐLĐ", or "Số:      /QĐ-LĐLĐ" for a draft (the number is assigned at signing). */
  numberLine: string;
  /** "Dương Minh Châu, ngày 05 tháng 02 năm 2026" (already formatted), or with blanks for a draft. */
  placeDateLine: string;
  /** A draft carries a "DỰ THẢO" mark at the top. */
  isDraft: boolean;
  /** "BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU": printed under QUYẾT ĐỊNH. */
  authorityLine: string;
  /** "Về việc khen thưởng tổng kết phong trào thi đua năm 2026". */
  subject: string;
  /** Each "Căn cứ …;" line; the last ends with ".". */
  basis: string[];
  articles: {
    /** Điều 1, grouped by award. Groups with the same award and achievement (persons and collectives) share one sentence. */
    awards: DecisionAwardGroup[];
    /** Điều 2: money. Each group's amount per awardee = coefficient × base salary, rounded; null when none is set. */
    money: DecisionMoney | null;
    /** Điều 3: "Chánh Văn phòng, … và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này." */
    execution: string;
  };
  /** More lines than this (all groups together) go to an annex ("Danh sách kèm theo Quyết định số …") and Điều 1 refers to it. */
  annexThreshold: number;
  /** "TM. BAN THƯỜNG VỤ" / "CHỦ TỊCH" / the name (null leaves it blank, to be written after signing). */
  signer: { onBehalf: string; title: string; name: string | null };
  /** Nơi nhận: "- Như Điều 3;", "- LĐLĐ tỉnh (b/c);", "- Lưu: VT, TC." */
  recipients: string[];
}
