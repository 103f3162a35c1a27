// A vote rule in plain words, the same sentence on every page and in the API: "tán thành từ 90 %
// tổng số thành viên Hội đồng trở lên; túc số 2/3 tổng số thành viên; bỏ phiếu kín; …". The caller
// passes its translate function (server: the request's locale; web: the reader's catalogue).
import { formatFraction, type Locale } from './tally';
import type { VoteRule } from './vote-rules';

export type RuleTranslate = (key: string, params?: Record<string, string | number>) => string;

export function ruleText(rule: VoteRule, locale: Locale, t: RuleTranslate): string {
  const parts = [
    t(rule.strict ? 'councils.rule.approvalStrict' : 'councils.rule.approval', {
      share: formatFraction(rule.approval, locale),
      of: t(`councils.rule.denominator.${rule.denominator}`),
    }),
    t('councils.rule.quorum', { share: formatFraction(rule.quorum, locale) }),
    t(rule.secret ? 'councils.rule.secret' : 'councils.rule.open'),
  ];
  if (rule.writtenVotesFromAbsent) parts.push(t('councils.rule.written'));
  if (rule.consultationWorkingDays > 0) parts.push(t('councils.rule.consultation', { days: rule.consultationWorkingDays }));
  return parts.join('; ');
}
