// The award catalogue shipped with Vinh Danh: State emulation titles and commendation forms, and the
// trade union's own. It seeds the `award_type` table; installations edit their copy there.
// Sources: ../shared/domain/RULES.md §3, §4, §11, §14.2 (coefficients × base salary).
import type { AwardCategory, AwardKind, AwardLevel, AwardSubject } from '../../contracts/enums';

export interface AwardDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  category: AwardCategory;
  subject: AwardSubject;
  kind: AwardKind;
  level: AwardLevel;
  /** Organisation kinds (org_kind.code) that may grant it; empty = granted outside the union (State). */
  grantingOrgKinds: readonly string[];
  /** Reward money as a multiple of the base salary (mức lương cơ sở); null when not set by law. */
  coefficient: number | null;
  /** True when the coefficient or the criteria are a documented default, not a confirmed rule. */
  uncertain: boolean;
  sortOrder: number;
}

const UPPER_KINDS = ['LDLD_HUYEN', 'CD_NGANH_DP', 'CD_KCN', 'CD_XA_PHUONG'] as const;
const GRASSROOTS_KINDS = ['CDCS', 'NGHIEP_DOAN'] as const;
const PROVINCE_KINDS = ['LDLD_TINH', 'CD_NGANH_TW'] as const;

function award(
  code: string,
  nameVi: string,
  nameEn: string,
  category: AwardCategory,
  subject: AwardSubject,
  kind: AwardKind,
  level: AwardLevel,
  grantingOrgKinds: readonly string[],
  coefficient: number | null,
  uncertain: boolean,
): AwardDefinition {
  return { code, nameVi, nameEn, category, subject, kind, level, grantingOrgKinds, coefficient, uncertain, sortOrder: 0 };
}

const DEFINITIONS: AwardDefinition[] = [
  // ── State emulation titles, individual (Luật 2022 Điều 21–24) ──
  award('LDTT', 'Lao động tiên tiến', 'Advanced Worker', 'TITLE', 'INDIVIDUAL', 'MERIT', 'GRASSROOTS', [...GRASSROOTS_KINDS, ...UPPER_KINDS, ...PROVINCE_KINDS, 'TLD'], 0.3, false),
  award('CSTD_CS', 'Chiến sĩ thi đua cơ sở', 'Grassroots Emulation Fighter', 'TITLE', 'INDIVIDUAL', 'MERIT', 'GRASSROOTS', [...GRASSROOTS_KINDS, ...UPPER_KINDS, ...PROVINCE_KINDS, 'TLD'], 1.0, false),
  award('CSTD_BO_TINH', 'Chiến sĩ thi đua cấp Bộ, ngành, tỉnh (cấp Tổng Liên đoàn)', 'Ministry/Provincial Emulation Fighter (VGCL level)', 'TITLE', 'INDIVIDUAL', 'MERIT', 'CENTRAL', ['TLD'], 3.0, false),
  award('CSTD_TQ', 'Chiến sĩ thi đua toàn quốc', 'National Emulation Fighter', 'TITLE', 'INDIVIDUAL', 'MERIT', 'STATE', [], 4.5, false),
  // ── State emulation titles, collective (Luật 2022 Điều 25–28) ──
  award('TTLDTT', 'Tập thể lao động tiên tiến', 'Advanced Labour Collective', 'TITLE', 'COLLECTIVE', 'MERIT', 'GRASSROOTS', [...UPPER_KINDS, ...PROVINCE_KINDS, 'TLD'], 0.8, false),
  award('TTLDXS', 'Tập thể lao động xuất sắc', 'Excellent Labour Collective', 'TITLE', 'COLLECTIVE', 'MERIT', 'CENTRAL', ['TLD'], 1.5, false),
  award('CO_THI_DUA_CP', 'Cờ thi đua của Chính phủ', 'Government Emulation Flag', 'TITLE', 'COLLECTIVE', 'MERIT', 'STATE', [], 12.0, false),
  // ── Union emulation titles ──
  award('CO_THI_DUA_TLD', 'Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam', 'VGCL Emulation Flag', 'TITLE', 'COLLECTIVE', 'MERIT', 'CENTRAL', ['TLD'], 8.0, true),
  award('CO_THI_DUA_LDLD', 'Cờ thi đua của Liên đoàn Lao động tỉnh, thành phố', 'Provincial Federation Emulation Flag', 'TITLE', 'COLLECTIVE', 'MERIT', 'PROVINCE', [...PROVINCE_KINDS], null, true),
  award('CDCS_HTXSNV', 'Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ', 'Grassroots union, tasks completed excellently', 'TITLE', 'COLLECTIVE', 'MERIT', 'UPPER', [...UPPER_KINDS, ...PROVINCE_KINDS], null, true),
  award('TO_CD_VUNG_MANH', 'Tổ công đoàn vững mạnh', 'Strong union group', 'TITLE', 'COLLECTIVE', 'MERIT', 'GRASSROOTS', [...GRASSROOTS_KINDS], null, true),
  award('DVCD_XS', 'Đoàn viên công đoàn xuất sắc', 'Outstanding union member', 'TITLE', 'INDIVIDUAL', 'MERIT', 'GRASSROOTS', [...GRASSROOTS_KINDS], null, true),
  // ── State commendation forms ──
  award('HC_LD_3', 'Huân chương Lao động hạng Ba', 'Labour Order, Third Class', 'FORM', 'INDIVIDUAL', 'MERIT', 'STATE', [], 4.5, true),
  award('BK_TTG', 'Bằng khen của Thủ tướng Chính phủ', "Prime Minister's Certificate of Merit", 'FORM', 'INDIVIDUAL', 'MERIT', 'STATE', [], 1.5, true),
  award('BK_TTG_TT', 'Bằng khen của Thủ tướng Chính phủ (tập thể)', "Prime Minister's Certificate of Merit (collective)", 'FORM', 'COLLECTIVE', 'MERIT', 'STATE', [], 3.0, true),
  award('BK_BO_TINH', 'Bằng khen của Bộ, ngành, tỉnh', 'Ministry/Provincial Certificate of Merit', 'FORM', 'INDIVIDUAL', 'MERIT', 'CENTRAL', [], 1.0, true),
  // ── Union commendation forms ──
  award('BK_TLD', 'Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam', 'VGCL Certificate of Merit', 'FORM', 'INDIVIDUAL', 'MERIT', 'CENTRAL', ['TLD'], 1.0, true),
  award('BK_TLD_TT', 'Bằng khen của Ban Chấp hành Tổng Liên đoàn (tập thể)', 'VGCL Certificate of Merit (collective)', 'FORM', 'COLLECTIVE', 'MERIT', 'CENTRAL', ['TLD'], 2.0, true),
  award('BK_CHUYEN_DE_TLD', 'Bằng khen chuyên đề của Tổng Liên đoàn', 'VGCL thematic Certificate of Merit', 'FORM', 'INDIVIDUAL', 'THEMATIC', 'CENTRAL', ['TLD'], 1.0, true),
  award('BK_LDLD', 'Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh', 'Provincial Federation Certificate of Merit', 'FORM', 'INDIVIDUAL', 'MERIT', 'PROVINCE', [...PROVINCE_KINDS], null, true),
  award('BK_LDLD_TT', 'Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh (tập thể)', 'Provincial Federation Certificate of Merit (collective)', 'FORM', 'COLLECTIVE', 'MERIT', 'PROVINCE', [...PROVINCE_KINDS], null, true),
  award('GK_CD_CAP_TREN', 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở', 'Upper-level union Certificate of Commendation', 'FORM', 'INDIVIDUAL', 'MERIT', 'UPPER', [...UPPER_KINDS], null, true),
  award('GK_CD_CAP_TREN_TT', 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở (tập thể)', 'Upper-level union Certificate of Commendation (collective)', 'FORM', 'COLLECTIVE', 'MERIT', 'UPPER', [...UPPER_KINDS], null, true),
  award('GK_CDCS', 'Giấy khen của Ban Chấp hành công đoàn cơ sở', 'Grassroots union Certificate of Commendation', 'FORM', 'INDIVIDUAL', 'MERIT', 'GRASSROOTS', [...GRASSROOTS_KINDS], null, true),
  award('GK_DOT_XUAT', 'Giấy khen đột xuất', 'Ad-hoc Certificate of Commendation', 'FORM', 'INDIVIDUAL', 'AD_HOC', 'UPPER', [...GRASSROOTS_KINDS, ...UPPER_KINDS], null, true),
  award('KNC_CD', 'Kỷ niệm chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"', 'Commemorative Medal "For the Cause of Building the Trade Union"', 'FORM', 'INDIVIDUAL', 'DEDICATION', 'CENTRAL', ['TLD'], null, true),
  award('BANG_LDST', 'Bằng Lao động sáng tạo', 'Creative Labour Certificate', 'FORM', 'INDIVIDUAL', 'MERIT', 'CENTRAL', ['TLD'], null, true),
  award('GT_NDC', 'Giải thưởng Nguyễn Đức Cảnh', 'Nguyễn Đức Cảnh Prize', 'FORM', 'INDIVIDUAL', 'MERIT', 'CENTRAL', ['TLD'], null, true),
  award('GT_NVL', 'Giải thưởng Nguyễn Văn Linh', 'Nguyễn Văn Linh Prize', 'FORM', 'INDIVIDUAL', 'DEDICATION', 'CENTRAL', ['TLD'], null, true),
];

export const DEFAULT_AWARDS: readonly AwardDefinition[] = DEFINITIONS.map((d, i) => ({ ...d, sortOrder: (i + 1) * 10 }));

/** Codes the eligibility engine knows rules for (any other catalogue code answers "no rule"). */
export const AWARD_CODES = DEFAULT_AWARDS.map((a) => a.code);

export function findAward(code: string, catalogue: readonly AwardDefinition[] = DEFAULT_AWARDS): AwardDefinition | undefined {
  return catalogue.find((a) => a.code === code);
}

/** The definition fields of a catalogue row (the table row, an API item…), nothing else. */
export function toAwardDefinition(a: AwardDefinition): AwardDefinition {
  return {
    code: a.code, nameVi: a.nameVi, nameEn: a.nameEn, category: a.category, subject: a.subject, kind: a.kind, level: a.level,
    grantingOrgKinds: a.grantingOrgKinds, coefficient: a.coefficient, uncertain: a.uncertain, sortOrder: a.sortOrder,
  };
}
