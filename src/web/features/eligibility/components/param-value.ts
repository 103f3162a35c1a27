import type { ParamType } from '../../../../domain/eligibility';
import { hasMessage } from '../../../../contracts/messages';
import type { Translate } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';

const ENUM_LABEL_PREFIXES = ['rating.', 'initiativeScope.', 'disciplineLevel.', 'awardLevel.', 'clusterLevel.', 'web.rules.enum.'];

/** An enum value with its Vietnamese label when the catalogue has one: "HTXSNV – Hoàn thành xuất sắc nhiệm vụ". */
export function enumLabel(value: string, t: Translate): string {
  for (const prefix of ENUM_LABEL_PREFIXES) {
    const key = `${prefix}${value}`;
    if (hasMessage(key)) return `${value} – ${t(key)}`;
  }
  return value;
}

/** A parameter value as people read it: shares as percentages, booleans as Có/Không, null as "không áp dụng". */
export function formatParamValue(type: ParamType, value: unknown, t: Translate): string {
  if (value === null || value === undefined) return t('web.rules.value.none');
  if (type === 'boolean' || typeof value === 'boolean') return value ? t('web.common.yes') : t('web.common.no');
  if (type === 'share' && typeof value === 'number') return `${formatNumber(Math.round(value * 10000) / 100)}%`;
  if (typeof value === 'number') return formatNumber(value);
  if (type === 'enum' && typeof value === 'string') return enumLabel(value, t);
  if (type === 'codes' && value === '') return t('web.rules.value.emptyList');
  return String(value);
}
