import { ruleText as sentence, type VoteRule } from '../../../../domain/council';
import type { Locale } from '../../../../contracts/enums';
import type { MessageKey } from '../../../../contracts/messages';
import type { Translate } from '../../../lib/i18n';

/** A vote rule in plain words: the sentence the server sends with each agenda item (`rule.text`), for awards not yet on an agenda. */
export function ruleText(rule: VoteRule, t: Translate, locale: Locale): string {
  return sentence(rule, locale, (key, params) => t(key as MessageKey, params));
}
