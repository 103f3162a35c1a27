// State rule packs: one per generation of the State texts. The rules are the same shape in every
// pack; what changes is the citation, whether RULES.md confirms it for that period, and defaults.
import type { RulePack, RuleDefinition } from '../types';
import { ALL, DOC, cite, param, rule } from './build';

const INDIVIDUAL_LDTT = ['LDTT', 'CSTD_CS'] as const;
const BK_STATE = ['BK_BO_TINH', 'BK_TLD'] as const;

interface StateVariant {
  ldttDoc: string;
  lawDoc: string;
  serviceDoc: string;
  serviceMonths: number;
  serviceVerified: boolean;
  disciplineVerified: boolean;
  maxAbsenceDays: number | null;
  excellentRatingSuffices: boolean;
  achievementVerified: boolean;
  quotaVerified: boolean;
  quotaArticle: string | null;
  newLaw: boolean;
  commonDoc: string;
  commonArticle: string | null;
  commonVerified: boolean;
  dissolvedDoc: string;
  disciplineReset: boolean;
}

function stateRules(v: StateVariant): RuleDefinition[] {
  const law = (article: string) => cite(v.lawDoc, v.newLaw ? article : null);
  const rules: RuleDefinition[] = [
    rule('COMMON.pending', ALL, cite(v.commonDoc, v.commonArticle), v.commonVerified),
    rule('COMMON.dissolved', ALL, cite(v.dissolvedDoc), v.commonVerified, [], 'COLLECTIVE'),
    rule('COMMON.duplicate', ALL, cite(v.lawDoc, 'Điều 6'), v.newLaw),
    rule('COMMON.notCounted', ALL, cite(v.commonDoc, v.commonArticle), v.commonVerified, [param.boolean('COMMON.notCounted.enabled', true)]),
  ];
  if (v.disciplineReset) {
    rules.push(rule('COMMON.disciplineReset', ALL, cite(DOC.ND_152, 'Điều 4'), true, [param.boolean('COMMON.disciplineReset.enabled', true)], 'INDIVIDUAL'));
  }
  rules.push(
    rule('LDTT.rating', INDIVIDUAL_LDTT, v.newLaw ? cite(DOC.LUAT_2022, 'Điều 24 khoản 1') : cite(v.ldttDoc), true, [param.rating('LDTT.minRating', 'HTTNV')]),
    rule('LDTT.service', INDIVIDUAL_LDTT, cite(v.serviceDoc), v.serviceVerified, [param.integer('LDTT.minServiceMonths', v.serviceMonths, 0, 36)]),
    rule('LDTT.discipline', INDIVIDUAL_LDTT, cite(v.ldttDoc), v.disciplineVerified, [param.discipline('LDTT.discipline.minLevel', 'KHIEN_TRACH')]),
    rule('LDTT.absence', INDIVIDUAL_LDTT, cite(DOC.QD_1689), false, [param.nullableInteger('LDTT.maxAbsenceDays', v.maxAbsenceDays, 0, 366)]),
    rule('CSTD_CS.achievement', ['CSTD_CS'], law('Điều 23'), v.achievementVerified, [
      param.boolean('CSTD_CS.excellentRatingSuffices', v.excellentRatingSuffices),
      param.scope('CSTD_CS.minInitiativeScope', 'GRASSROOTS'),
    ]),
    rule('CSTD_CS.quota', ['CSTD_CS'], cite(v.newLaw ? v.commonDoc : DOC.ND_91, v.quotaArticle), v.quotaVerified, [
      param.share('CSTD_CS.quota.maxShare', 0.15, true),
      param.enumOf('CSTD_CS.quota.rounding', 'FLOOR', ['FLOOR', 'ROUND', 'CEIL']),
    ]),
    rule('CSTD_BO_TINH.chain', ['CSTD_BO_TINH'], law('Điều 22'), true, [param.integer('CSTD_BO_TINH.consecutive', 3, 1, 10)]),
    rule('CSTD_BO_TINH.initiative', ['CSTD_BO_TINH'], law('Điều 22'), true, [param.scope('CSTD_BO_TINH.initiativeScope', 'MINISTRY_PROVINCE')]),
    rule('CSTD_TQ.chain', ['CSTD_TQ'], law('Điều 21'), false, [param.integer('CSTD_TQ.maxGapYears', 3, 1, 10)]),
    rule('CSTD_TQ.initiative', ['CSTD_TQ'], law('Điều 21'), v.newLaw, [param.scope('CSTD_TQ.initiativeScope', 'NATIONAL')]),
    rule('BK.merit', BK_STATE, v.newLaw ? cite(DOC.LUAT_2022, 'Điều 74 khoản 1 điểm d') : cite(DOC.ND_91), v.newLaw, [
      param.integer('BK.consecutive', 2, 1, 10),
      param.integer('BK.initiatives', 2, 0, 20),
    ]),
    rule('BK_TTG.merit', ['BK_TTG'], cite(DOC.ND_65, 'Điều 23 khoản 1 điểm c'), false, [
      param.codes('BK_TTG.priorCodes', 'BK_BO_TINH,BK_TLD'),
      param.integer('BK_TTG.years', 5, 1, 10),
      param.integer('BK_TTG.initiatives', 5, 0, 20),
    ]),
    rule('TTLDTT.rating', ['TTLDTT'], law('Điều 28'), !v.newLaw, [param.rating('TTLDTT.minRating', 'HTTNV')]),
    rule('TTLDTT.ldttShare', ['TTLDTT'], law('Điều 28'), !v.newLaw, [param.share('TTLDTT.minLdttShare', 0.5)]),
    rule('TTLDTT.discipline', ['TTLDTT'], law('Điều 28'), !v.newLaw, [param.integer('TTLDTT.maxDisciplined', 0, 0, 1000)]),
    rule('TTLDXS.rating', ['TTLDXS'], law('Điều 27 điểm a'), v.newLaw, [param.rating('TTLDXS.minRating', 'HTXSNV')]),
    rule('TTLDXS.completed', ['TTLDXS'], law('Điều 27 điểm c'), v.newLaw, [param.share('TTLDXS.minCompletedShare', 1)]),
    rule('TTLDXS.ldttShare', ['TTLDXS'], law('Điều 27 điểm c'), v.newLaw, [param.share('TTLDXS.minLdttShare', 0.7)]),
    rule('TTLDXS.cstdcs', ['TTLDXS'], law('Điều 27 điểm d'), v.newLaw, [param.integer('TTLDXS.minCstdcs', 1, 0, 1000)]),
    rule('CO_THI_DUA_CP.cluster', ['CO_THI_DUA_CP'], law('Điều 25'), v.newLaw, [param.codes('CO_THI_DUA_CP.clusterLevels', 'CENTRAL,PROVINCE')]),
    rule('CO_THI_DUA_CP.rating', ['CO_THI_DUA_CP'], law('Điều 25'), v.newLaw, [param.rating('CO_THI_DUA_CP.minRating', 'HTXSNV')]),
    rule('CO_THI_DUA_CP.flag', ['CO_THI_DUA_CP'], law('Điều 25'), false, [param.codes('CO_THI_DUA_CP.flagCodes', 'CO_THI_DUA_TLD')]),
  );
  return rules;
}

export const VN_2017: RulePack = {
  id: 'VN-2017',
  kind: 'STATE',
  nameKey: 'elig.pack.VN-2017',
  validFrom: '2017-07-31',
  validTo: '2023-12-31',
  sources: [
    'Luật Thi đua, khen thưởng 2003, sửa đổi, bổ sung 2013',
    'Nghị định 91/2017/NĐ-CP (31/07/2017); áp dụng cho mọi ngày trước 01/01/2024',
  ],
  rules: stateRules({
    ldttDoc: DOC.ND_91,
    lawDoc: DOC.LUAT_2013,
    serviceDoc: DOC.ND_91,
    serviceMonths: 10,
    serviceVerified: true,
    disciplineVerified: true,
    maxAbsenceDays: 40,
    excellentRatingSuffices: false,
    achievementVerified: false,
    quotaVerified: true,
    quotaArticle: 'Điều 9 khoản 3',
    newLaw: false,
    commonDoc: DOC.ND_91,
    commonArticle: null,
    commonVerified: false,
    dissolvedDoc: DOC.ND_91,
    disciplineReset: false,
  }),
};

export const VN_2024: RulePack = {
  id: 'VN-2024',
  kind: 'STATE',
  nameKey: 'elig.pack.VN-2024',
  validFrom: '2024-01-01',
  validTo: '2025-06-30',
  sources: [
    'Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực 01/01/2024)',
    'Nghị định 98/2023/NĐ-CP (hiệu lực 01/01/2024)',
    'Thông tư 01/2024/TT-BNV (hiệu lực 25/04/2024; quy tắc 06 tháng áp dụng cho cả năm 2024)',
  ],
  rules: stateRules({
    ldttDoc: DOC.ND_98,
    lawDoc: DOC.LUAT_2022,
    serviceDoc: DOC.TT_01,
    serviceMonths: 6,
    serviceVerified: true,
    disciplineVerified: false,
    maxAbsenceDays: null,
    excellentRatingSuffices: true,
    achievementVerified: true,
    quotaVerified: false,
    quotaArticle: null,
    newLaw: true,
    commonDoc: DOC.ND_98,
    commonArticle: null,
    commonVerified: false,
    dissolvedDoc: DOC.TT_01,
    disciplineReset: false,
  }),
};

export const VN_2025: RulePack = {
  id: 'VN-2025',
  kind: 'STATE',
  nameKey: 'elig.pack.VN-2025',
  validFrom: '2025-07-01',
  validTo: null,
  sources: [
    'Luật Thi đua, khen thưởng số 06/2022/QH15',
    'Nghị định 152/2025/NĐ-CP (14/06/2025, hiệu lực 01/07/2025); cơ sở dữ liệu vbpl.vn ghi ngày hết hiệu lực 01/03/2027 — chưa xác minh, nên gói này chưa đặt ngày kết thúc',
    'Thông tư 15/2025/TT-BNV (04/08/2025; ngày hiệu lực 05/08/2025 chưa xác minh)',
  ],
  rules: stateRules({
    ldttDoc: DOC.ND_152,
    lawDoc: DOC.LUAT_2022,
    serviceDoc: DOC.TT_15,
    serviceMonths: 6,
    serviceVerified: false,
    disciplineVerified: false,
    maxAbsenceDays: null,
    excellentRatingSuffices: true,
    achievementVerified: true,
    quotaVerified: false,
    quotaArticle: null,
    newLaw: true,
    commonDoc: DOC.ND_152,
    commonArticle: 'Điều 4',
    commonVerified: true,
    dissolvedDoc: DOC.TT_15,
    disciplineReset: true,
  }),
};
