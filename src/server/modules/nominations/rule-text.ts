// Renders a message of the nominations rules for people: state and step codes become their names,
// award codes the award's name.
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';

const LABELLED: Record<string, string> = { state: 'nominations.state', itemState: 'nominations.itemState', action: 'nominations.action', decision: 'nominations.decision' };

export function ruleText(locale: Locale, key: string, params: Readonly<Record<string, string | number>>, awards?: ReadonlyMap<string, { name: string }>): string {
  const p: Record<string, string | number> = { ...params };
  for (const [name, prefix] of Object.entries(LABELLED)) {
    const v = p[name];
    if (typeof v === 'string') p[name] = t(locale, `${prefix}.${v}`);
  }
  const code = p.awardCode ?? p.award;
  if (awards && typeof code === 'string') p.award = awards.get(code)?.name ?? code;
  return t(locale, key, p);
}
