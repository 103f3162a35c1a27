// Small builders so that each pack reads as a table of rules.
import { DISCIPLINE_LEVELS, INITIATIVE_SCOPES, RATINGS } from '../../../contracts/enums';
import type { Citation, ParamDefinition, RuleDefinition } from '../types';

export const DOC = {
  LUAT_2022: 'Luật Thi đua, khen thưởng số 06/2022/QH15',
  LUAT_2013: 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013)',
  ND_91: 'Nghị định 91/2017/NĐ-CP',
  ND_65: 'Nghị định 65/2014/NĐ-CP (quy tắc cũ)',
  ND_98: 'Nghị định 98/2023/NĐ-CP',
  ND_152: 'Nghị định 152/2025/NĐ-CP',
  TT_01: 'Thông tư 01/2024/TT-BNV',
  TT_15: 'Thông tư 15/2025/TT-BNV',
  QD_1564: 'Quyết định 1564/QĐ-TLĐ',
  QD_1689: 'Quyết định 1689/QĐ-TLĐ',
  QD_999: 'Quyết định 999/QĐ-TLĐ',
  HD_1217: 'Hướng dẫn 1217/HD-TLĐ',
  HD_1294: 'Hướng dẫn 1294/HD-TLĐ',
  KNC_CANTHO: 'Hướng dẫn xét Kỷ niệm chương của LĐLĐ TP Cần Thơ (theo Quyết định 1689/QĐ-TLĐ)',
} as const;

export function cite(document: string, article: string | null = null): Citation {
  return { document, article };
}

export function rule(
  id: string,
  targets: readonly string[],
  citation: Citation,
  verified: boolean,
  params: readonly ParamDefinition[] = [],
  subject?: 'INDIVIDUAL' | 'COLLECTIVE',
): RuleDefinition {
  return { id, targets, title: `elig.rule.${id}`, citation, verified, params, ...(subject ? { subject } : {}) };
}

export const ALL = ['*'] as const;

export const param = {
  integer: (key: string, defaultValue: number, min: number, max: number): ParamDefinition => ({ key, type: 'integer', defaultValue, min, max }),
  nullableInteger: (key: string, defaultValue: number | null, min: number, max: number): ParamDefinition => ({
    key,
    type: 'integer',
    defaultValue,
    min,
    max,
    nullable: true,
  }),
  money: (key: string, defaultValue: number): ParamDefinition => ({ key, type: 'integer', defaultValue, min: 0, max: 100_000_000_000 }),
  share: (key: string, defaultValue: number | null, nullable = false): ParamDefinition => ({
    key,
    type: 'share',
    defaultValue,
    min: 0,
    max: 1,
    ...(nullable ? { nullable: true } : {}),
  }),
  boolean: (key: string, defaultValue: boolean): ParamDefinition => ({ key, type: 'boolean', defaultValue }),
  enumOf: (key: string, defaultValue: string, values: readonly string[]): ParamDefinition => ({ key, type: 'enum', defaultValue, values }),
  rating: (key: string, defaultValue: (typeof RATINGS)[number]): ParamDefinition => ({ key, type: 'enum', defaultValue, values: RATINGS }),
  scope: (key: string, defaultValue: (typeof INITIATIVE_SCOPES)[number]): ParamDefinition => ({ key, type: 'enum', defaultValue, values: INITIATIVE_SCOPES }),
  discipline: (key: string, defaultValue: (typeof DISCIPLINE_LEVELS)[number]): ParamDefinition => ({
    key,
    type: 'enum',
    defaultValue,
    values: DISCIPLINE_LEVELS,
  }),
  /** A comma-separated list of codes, e.g. "BK_BO_TINH,BK_TLD". */
  codes: (key: string, defaultValue: string): ParamDefinition => ({ key, type: 'codes', defaultValue }),
};
