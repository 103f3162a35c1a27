// The dossier (hồ sơ) of a nomination: which documents it needs, by procedure and award (Luật Thi đua,
// khen thưởng 2022 Điều 84 normal procedure, Điều 85 simplified; RULES.md §6.2). Pure functions: the
// server stores the uploaded documents and asks `missingDocuments` before a batch may be submitted.
//
// Scope: a NOMINATION item is uploaded with each nomination; a SUBMISSION item is satisfied once per
// batch by the tờ trình the system generates, so it is only checked when the batch itself is checked.
// KHAC (other) is never required and always accepted as an extra; Y_KIEN_CO_QUAN (opinions of the
// consulted agencies) is tracked separately from the checklist.
import type { AwardDefinition } from '../catalogue/awards';
import type { MessageParams } from './messages';

export const DOSSIER_DOC_KINDS = [
  'TO_TRINH',
  'BAO_CAO_THANH_TICH',
  'TOM_TAT_THANH_TICH',
  'BIEN_BAN_BINH_XET',
  'BIEN_BAN_HOI_DONG',
  'XAC_NHAN_SANG_KIEN',
  'XAC_NHAN_THANH_TICH',
  'Y_KIEN_CO_QUAN',
  'KHAC',
] as const;
export type DossierDocKind = (typeof DOSSIER_DOC_KINDS)[number];

export const PROCEDURES = ['NORMAL', 'SIMPLIFIED'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** Every key this file emits: document labels, hints and the procedure problem. */
export const DOSSIER_MESSAGE_KEYS = [
  'nominations.dossier.doc.toTrinh',
  'nominations.dossier.doc.baoCaoThanhTich',
  'nominations.dossier.doc.tomTatThanhTich',
  'nominations.dossier.doc.bienBanBinhXet',
  'nominations.dossier.doc.bienBanXetKhenThuong',
  'nominations.dossier.doc.bienBanHoiDong',
  'nominations.dossier.doc.xacNhanSangKien',
  'nominations.dossier.doc.xacNhanThanhTich',
  'nominations.dossier.doc.yKienCoQuan',
  'nominations.dossier.doc.khac',
  'nominations.dossier.hint.toTrinhGenerated',
  'nominations.dossier.hint.reportCertified',
  'nominations.dossier.hint.summaryReport',
  'nominations.dossier.hint.secretBallot',
  'nominations.dossier.hint.initiative',
  'nominations.dossier.hint.achievementConfirmation',
  'nominations.procedure.simplifiedNotAllowed',
] as const;
export type DossierMessageKey = (typeof DOSSIER_MESSAGE_KEYS)[number];

export interface DossierMessage<K extends DossierMessageKey = DossierMessageKey> {
  key: K;
  params: MessageParams;
}

/**
 * Label of every document kind, for lists of uploaded documents. The checklist uses the same keys,
 * except that the minutes of a commendation form are "biên bản xét khen thưởng" (Điều 84.2), not
 * "biên bản bình xét thi đua" (Điều 84.1): see `BIEN_BAN_XET_KHEN_THUONG_LABEL`.
 */
export const DOC_KIND_LABEL_KEYS: Readonly<Record<DossierDocKind, DossierMessageKey>> = {
  TO_TRINH: 'nominations.dossier.doc.toTrinh',
  BAO_CAO_THANH_TICH: 'nominations.dossier.doc.baoCaoThanhTich',
  TOM_TAT_THANH_TICH: 'nominations.dossier.doc.tomTatThanhTich',
  BIEN_BAN_BINH_XET: 'nominations.dossier.doc.bienBanBinhXet',
  BIEN_BAN_HOI_DONG: 'nominations.dossier.doc.bienBanHoiDong',
  XAC_NHAN_SANG_KIEN: 'nominations.dossier.doc.xacNhanSangKien',
  XAC_NHAN_THANH_TICH: 'nominations.dossier.doc.xacNhanThanhTich',
  Y_KIEN_CO_QUAN: 'nominations.dossier.doc.yKienCoQuan',
  KHAC: 'nominations.dossier.doc.khac',
};
export const BIEN_BAN_XET_KHEN_THUONG_LABEL: DossierMessageKey = 'nominations.dossier.doc.bienBanXetKhenThuong';

/** Titles whose proposal needs a confirmed initiative or scientific work (Điều 84.1.d). */
export const DEFAULT_INITIATIVE_TITLES: readonly string[] = ['CSTD_CS', 'CSTD_BO_TINH', 'CSTD_TQ'];
/** Titles whose minutes must show the proposing council's secret-ballot result (ND 91/2017 Điều 49, old). */
export const DEFAULT_SECRET_BALLOT_TITLES: readonly string[] = ['CSTD_TQ', 'CO_THI_DUA_CP', 'CSTD_BO_TINH', 'CO_THI_DUA_TLD'];

/** Kinds that may use the simplified procedure (Luật 2022 Điều 85; ND 98/2023 Điều 40.1). */
const SIMPLIFIED_KINDS: ReadonlySet<AwardDefinition['kind']> = new Set(['AD_HOC', 'DEDICATION', 'SENIORITY', 'FOREIGN']);

export interface ChecklistItem {
  kind: DossierDocKind;
  required: boolean;
  scope: 'NOMINATION' | 'SUBMISSION';
  /** Original sets to send on paper. */
  copies: number;
  labelKey: DossierMessageKey;
  hintKey: DossierMessageKey | null;
}

export type ChecklistAward = Pick<AwardDefinition, 'code' | 'category' | 'kind' | 'level' | 'subject'>;

export interface ChecklistOptions {
  initiativeTitles?: readonly string[];
  secretBallotTitles?: readonly string[];
}

/**
 * Kinds that allow the simplified procedure. Điều 85 also covers awards for a political task and
 * awards "discovered" by the head; those are not award kinds, so the caller cannot express them here.
 */
export function simplifiedAllowed(award: Pick<AwardDefinition, 'kind'>): boolean {
  return SIMPLIFIED_KINDS.has(award.kind);
}

/**
 * Paper copies, first matching row wins. UNCERTAIN: the 2 and 3 are old Ban TĐKT TW practice
 * (banthiduakhenthuongtw.gov.vn/noi-dung/1396, ND 91/2017 era). That page also asked 3 sets for
 * simplified dossiers, but Luật 2022 Điều 85 now says one original set, and the current law wins.
 */
export const DOSSIER_COPIES_RULES: readonly { readonly when: string; readonly copies: number; readonly test: (award: ChecklistAward, procedure: Procedure) => boolean }[] = [
  { when: 'simplified procedure (Điều 85: 01 bộ)', copies: 1, test: (_a, p) => p === 'SIMPLIFIED' },
  {
    when: 'CSTĐ toàn quốc, Cờ thi đua Chính phủ, Bằng khen Thủ tướng',
    copies: 2,
    test: (a) => a.code === 'CSTD_TQ' || a.code === 'CO_THI_DUA_CP' || a.code.startsWith('BK_TTG'),
  },
  { when: 'other State-level forms (Huân chương, Huy chương, prizes)', copies: 3, test: (a) => a.category === 'FORM' && a.level === 'STATE' },
];

export function dossierCopies(award: ChecklistAward, procedure: Procedure): number {
  return DOSSIER_COPIES_RULES.find((r) => r.test(award, procedure))?.copies ?? 1;
}

/**
 * The documents a nomination's dossier needs, in DOSSIER_DOC_KINDS order. The procedure is taken as
 * given: whether it is allowed for the award is `validateProcedure`'s question, not this one's.
 */
export function dossierChecklist(award: ChecklistAward, procedure: Procedure, options: ChecklistOptions = {}): ChecklistItem[] {
  const copies = dossierCopies(award, procedure);
  const item = (kind: DossierDocKind, required: boolean, hintKey: DossierMessageKey | null = null, labelKey = DOC_KIND_LABEL_KEYS[kind]): ChecklistItem => ({
    kind,
    required,
    scope: kind === 'TO_TRINH' ? 'SUBMISSION' : 'NOMINATION',
    copies,
    labelKey,
    hintKey,
  });
  const toTrinh = item('TO_TRINH', true, 'nominations.dossier.hint.toTrinhGenerated');

  if (procedure === 'SIMPLIFIED') {
    return [
      toTrinh,
      item('TOM_TAT_THANH_TICH', true, 'nominations.dossier.hint.summaryReport'),
      item('XAC_NHAN_THANH_TICH', false, 'nominations.dossier.hint.achievementConfirmation'),
    ];
  }

  if (award.category === 'TITLE') {
    const secretBallot = (options.secretBallotTitles ?? DEFAULT_SECRET_BALLOT_TITLES).includes(award.code);
    const initiative = (options.initiativeTitles ?? DEFAULT_INITIATIVE_TITLES).includes(award.code);
    const out = [
      toTrinh,
      // The high titles' report must be certified by the proposing level (Ban TĐKT TW checklist, old).
      item('BAO_CAO_THANH_TICH', true, secretBallot ? 'nominations.dossier.hint.reportCertified' : null),
      item('BIEN_BAN_BINH_XET', true),
    ];
    if (secretBallot) out.push(item('BIEN_BAN_HOI_DONG', true, 'nominations.dossier.hint.secretBallot'));
    if (initiative) out.push(item('XAC_NHAN_SANG_KIEN', true, 'nominations.dossier.hint.initiative'));
    return out;
  }

  return [
    toTrinh,
    item('BAO_CAO_THANH_TICH', true),
    item('BIEN_BAN_BINH_XET', true, null, BIEN_BAN_XET_KHEN_THUONG_LABEL),
    // Điều 84.2.d: a confirmation for outstanding đột xuất achievements; optional evidence otherwise.
    item('XAC_NHAN_THANH_TICH', award.kind === 'AD_HOC', 'nominations.dossier.hint.achievementConfirmation'),
  ];
}

/**
 * Required checklist items with no present document of their kind, in checklist order. SUBMISSION
 * items (the generated tờ trình) are only reported with `includeSubmissionScope`.
 */
export function missingDocuments(
  checklist: readonly ChecklistItem[],
  present: readonly { kind: DossierDocKind }[],
  opts: { includeSubmissionScope?: boolean } = {},
): ChecklistItem[] {
  const have = new Set(present.map((d) => d.kind));
  return checklist.filter((c) => c.required && (c.scope === 'NOMINATION' || opts.includeSubmissionScope === true) && !have.has(c.kind));
}

/** A problem when the award's kind does not allow the procedure, else null. */
export function validateProcedure(award: Pick<AwardDefinition, 'code' | 'kind'>, procedure: Procedure): DossierMessage<'nominations.procedure.simplifiedNotAllowed'> | null {
  if (procedure === 'SIMPLIFIED' && !simplifiedAllowed(award)) return { key: 'nominations.procedure.simplifiedNotAllowed', params: { award: award.code } };
  return null;
}
