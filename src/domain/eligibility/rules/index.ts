// Rule id → behaviour. Every rule id used by a pack must be here (a test checks it).
import type { Evaluation } from '../context';
import type { RuleDefinition } from '../types';
import { bkLdldMerit, bkStateMerit, bkTtgMerit, cstdBoTinhChain, cstdBoTinhInitiative, cstdTqChain, cstdTqInitiative } from './chains';
import { clusterLead, cpFlag, ttldttDiscipline, ttldttShare, ttldxsCompleted, ttldxsCstdcs, ttldxsShare, unitRating } from './collective';
import { disciplineReset, dissolved, duplicate, meritVsThematic, notCounted, pending, registration } from './common';
import { cstdcsAchievement, cstdcsQuota, ldttAbsence, ldttDiscipline, ldttRating, ldttService, ratingRule } from './individual';
import { bangLdstBenefit, kncOnce, kncPriorYears, kncYears } from './union';

export type RuleImpl = (ev: Evaluation, rule: RuleDefinition) => void;

export const RULE_IMPLS: Readonly<Record<string, RuleImpl>> = {
  'COMMON.pending': pending,
  'COMMON.dissolved': dissolved,
  'COMMON.duplicate': duplicate,
  'COMMON.notCounted': notCounted,
  'COMMON.disciplineReset': disciplineReset,
  'COMMON.meritVsThematic': meritVsThematic,
  'COMMON.registration': registration,
  'LDTT.rating': ldttRating,
  'LDTT.service': ldttService,
  'LDTT.discipline': ldttDiscipline,
  'LDTT.absence': ldttAbsence,
  'CSTD_CS.achievement': cstdcsAchievement,
  'CSTD_CS.quota': cstdcsQuota,
  'CSTD_BO_TINH.chain': cstdBoTinhChain,
  'CSTD_BO_TINH.initiative': cstdBoTinhInitiative,
  'CSTD_TQ.chain': cstdTqChain,
  'CSTD_TQ.initiative': cstdTqInitiative,
  'BK.merit': bkStateMerit,
  'BK_LDLD.merit': bkLdldMerit,
  'BK_TTG.merit': bkTtgMerit,
  'GK.rating': ratingRule('GK.minRating'),
  'DVCD_XS.rating': ratingRule('DVCD_XS.minRating'),
  'KNC_CD.years': kncYears,
  'KNC_CD.once': kncOnce,
  'KNC_CD.priorYears': kncPriorYears,
  'BANG_LDST.benefit': bangLdstBenefit,
  'TTLDTT.rating': unitRating('TTLDTT.minRating'),
  'TTLDTT.ldttShare': ttldttShare,
  'TTLDTT.discipline': ttldttDiscipline,
  'TTLDXS.rating': unitRating('TTLDXS.minRating'),
  'TTLDXS.completed': ttldxsCompleted,
  'TTLDXS.ldttShare': ttldxsShare,
  'TTLDXS.cstdcs': ttldxsCstdcs,
  'CO_THI_DUA_CP.cluster': clusterLead('CO_THI_DUA_CP.clusterLevels'),
  'CO_THI_DUA_CP.rating': unitRating('CO_THI_DUA_CP.minRating'),
  'CO_THI_DUA_CP.flag': cpFlag,
  'CO_THI_DUA_TLD.cluster': clusterLead('CO_THI_DUA_TLD.clusterLevels'),
  'CO_THI_DUA_TLD.rating': unitRating('CO_THI_DUA_TLD.minRating'),
  'CO_THI_DUA_LDLD.cluster': clusterLead('CO_THI_DUA_LDLD.clusterLevels'),
  'CO_THI_DUA_LDLD.rating': unitRating('CO_THI_DUA_LDLD.minRating'),
  'CDCS_HTXSNV.rating': unitRating('CDCS_HTXSNV.minRating'),
  'BK_TT.rating': unitRating('BK_TT.minRating'),
};
