// Union rule packs. The text of 999/QĐ-TLĐ (2024) was not read, so its pack repeats the "probable
// shape" of the older union rules; nothing here is verified (RULES.md §0.2, §14.4).
import type { Citation, RulePack, RuleDefinition } from '../types';
import { ALL, DOC, cite, param, rule } from './build';

function unionRules(where: (old: Citation) => Citation): RuleDefinition[] {
  return [
    rule('COMMON.meritVsThematic', ALL, where(cite(DOC.HD_1217, 'mục 1.1')), false, [param.boolean('COMMON.meritVsThematic.enabled', true)]),
    rule('COMMON.registration', ALL, where(cite(DOC.QD_1689)), false, [param.boolean('COMMON.registration.required', false)]),
    rule('BK_LDLD.merit', ['BK_LDLD'], where(cite(DOC.LUAT_2022, 'Điều 74 khoản 1 điểm d (tương tự)')), false, [
      param.integer('BK_LDLD.consecutive', 2, 1, 10),
      param.integer('BK_LDLD.initiatives', 2, 0, 20),
    ]),
    rule('GK.rating', ['GK_CDCS', 'GK_CD_CAP_TREN'], where(cite(DOC.QD_1689)), false, [param.rating('GK.minRating', 'HTTNV')]),
    rule('DVCD_XS.rating', ['DVCD_XS'], where(cite(DOC.QD_1689)), false, [param.rating('DVCD_XS.minRating', 'HTXSNV')]),
    rule('KNC_CD.years', ['KNC_CD'], where(cite(DOC.KNC_CANTHO)), false, [
      param.integer('KNC_CD.years.unionCadre', 20, 0, 60),
      param.integer('KNC_CD.years.unionPublicServant', 25, 0, 60),
      param.integer('KNC_CD.years.outsideContributor', 5, 0, 60),
    ]),
    rule('KNC_CD.once', ['KNC_CD'], where(cite(DOC.KNC_CANTHO)), false),
    rule('KNC_CD.priorYears', ['KNC_CD'], where(cite(DOC.KNC_CANTHO)), false, [param.integer('KNC_CD.priorYearsCompleted', 3, 0, 10)]),
    rule('BANG_LDST.benefit', ['BANG_LDST'], where(cite(DOC.QD_1564, 'Điều 16')), false, [
      param.money('BANG_LDST.leaderMinVnd', 200_000_000),
      param.money('BANG_LDST.universityMinVnd', 150_000_000),
      param.money('BANG_LDST.collegeMinVnd', 80_000_000),
      param.money('BANG_LDST.collegeCumulativeVnd', 120_000_000),
      param.integer('BANG_LDST.cumulativeYears', 3, 1, 10),
    ]),
    rule('CO_THI_DUA_TLD.cluster', ['CO_THI_DUA_TLD'], where(cite(DOC.LUAT_2022, 'Điều 26')), false, [
      param.codes('CO_THI_DUA_TLD.clusterLevels', 'CENTRAL,PROVINCE'),
    ]),
    rule('CO_THI_DUA_TLD.rating', ['CO_THI_DUA_TLD'], where(cite(DOC.LUAT_2022, 'Điều 26')), false, [param.rating('CO_THI_DUA_TLD.minRating', 'HTXSNV')]),
    rule('CO_THI_DUA_LDLD.cluster', ['CO_THI_DUA_LDLD'], where(cite(DOC.QD_1564, 'Điều 11')), false, [
      param.codes('CO_THI_DUA_LDLD.clusterLevels', 'PROVINCE,UPPER'),
    ]),
    rule('CO_THI_DUA_LDLD.rating', ['CO_THI_DUA_LDLD'], where(cite(DOC.QD_1564, 'Điều 11')), false, [param.rating('CO_THI_DUA_LDLD.minRating', 'HTXSNV')]),
    rule('CDCS_HTXSNV.rating', ['CDCS_HTXSNV', 'TO_CD_VUNG_MANH'], where(cite(DOC.HD_1294)), false, [param.rating('CDCS_HTXSNV.minRating', 'HTXSNV')]),
    rule('BK_TT.rating', ['BK_TLD_TT', 'BK_LDLD_TT', 'GK_CD_CAP_TREN_TT'], where(cite(DOC.QD_1689)), false, [param.rating('BK_TT.minRating', 'HTTNV')]),
  ];
}

export const CD_1689: RulePack = {
  id: 'CD-1689',
  kind: 'UNION',
  nameKey: 'elig.pack.CD-1689',
  validFrom: '2019-11-12',
  validTo: '2024-05-28',
  sources: [
    'Quyết định 1689/QĐ-TLĐ (12/11/2019), Quy chế khen thưởng của tổ chức Công đoàn; áp dụng cả cho mọi ngày trước 12/11/2019',
    'Quy tắc cũ còn được dùng làm dạng dự kiến: 1564/QĐ-TLĐ (2014), 1217/HD-TLĐ (2016), 1294/HD-TLĐ (2019)',
  ],
  rules: unionRules((old) => old),
};

export const CD_999: RulePack = {
  id: 'CD-999',
  kind: 'UNION',
  nameKey: 'elig.pack.CD-999',
  validFrom: '2024-05-29',
  validTo: null,
  sources: [
    'Quyết định 999/QĐ-TLĐ (29/05/2024), Quy chế khen thưởng của tổ chức Công đoàn — chưa đọc được văn bản',
    'Mọi quy tắc là dạng dự kiến theo các quy chế trước (1564, 1689) và chưa được xác minh',
  ],
  rules: unionRules((old) => cite(DOC.QD_999, `dạng dự kiến theo ${old.document}${old.article ? `, ${old.article}` : ''}`)),
};
