import type { TimelineItem } from '../../../../contracts/achievements';
import type { MessageKey } from '../../../../contracts/messages';
import type { Translate } from '../../../lib/i18n';
import { formatDate, formatNumber } from '../../../lib/format';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** The secondary facts of a record in short phrases: decision number and date, period, scope… */
export function recordDetails(item: TimelineItem, t: Translate): string[] {
  const v = item.values;
  const out: string[] = [];
  const push = (key: MessageKey, params: Record<string, string | number>) => out.push(t(key, params));
  const period = (from: unknown, to: unknown) =>
    str(to) ? push('web.records.detail.period', { from: formatDate(str(from)), to: formatDate(str(to)) }) : push('web.records.detail.since', { from: formatDate(str(from)) });
  switch (item.kind) {
    case 'AWARD':
      push('web.records.detail.year', { year: String(v.year ?? '') });
      if (str(v.decisionNumber)) push('web.records.detail.decision', { number: str(v.decisionNumber)! });
      if (str(v.decisionDate)) push('web.records.detail.decisionDate', { date: formatDate(str(v.decisionDate)) });
      if (str(v.issuerName)) out.push(str(v.issuerName)!);
      break;
    case 'INITIATIVE':
      push('web.records.detail.recognised', { by: str(v.recognisedBy) ?? '', date: formatDate(str(v.recognisedOn)) });
      if (str(v.scope)) out.push(t(`initiativeScope.${str(v.scope)}` as MessageKey));
      if (v.applied === false) out.push(t('web.records.detail.notApplied'));
      if (typeof v.benefitValueVnd === 'number') push('web.records.detail.benefit', { amount: `${formatNumber(v.benefitValueVnd)} đ` });
      break;
    case 'RESEARCH':
      push('web.records.detail.accepted', { date: formatDate(str(v.acceptedOn)) });
      if (str(v.scope)) out.push(t(`initiativeScope.${str(v.scope)}` as MessageKey));
      break;
    case 'DISCIPLINE':
      period(v.validFrom, v.validTo);
      if (str(v.decisionNumber)) push('web.records.detail.decision', { number: str(v.decisionNumber)! });
      break;
    case 'ABSENCE':
      period(v.validFrom, v.validTo);
      break;
    case 'PENDING_CASE':
      if (str(v.closedOn)) push('web.records.detail.caseClosed', { from: formatDate(str(v.openedOn)), to: formatDate(str(v.closedOn)) });
      else push('web.records.detail.caseOpen', { from: formatDate(str(v.openedOn)) });
      break;
    case 'REGISTRATION':
      push('web.records.detail.registered', { date: formatDate(str(v.registeredOn)) });
      break;
    case 'CLUSTER_LEAD':
      if (str(v.level)) out.push(t(`clusterLevel.${str(v.level)}` as MessageKey));
      break;
    case 'UNIT_STATS':
      push('web.records.detail.stats', {
        ldtt: formatNumber(Number(v.ldtt ?? 0)),
        cstdcs: formatNumber(Number(v.cstdcs ?? 0)),
        disciplined: formatNumber(Number(v.disciplinedWarningOrAbove ?? 0)),
      });
      break;
    case 'RATING':
      break;
  }
  return out;
}
