// Which packs are in force on a date: one State pack and one union pack. The earliest pack of each
// kind also covers every earlier date, so old nominations still get an answer.
import type { RulePack } from '../types';
import { VN_2017, VN_2024, VN_2025 } from './state';
import { CD_1689, CD_999 } from './union';

const STATE_PACKS: readonly RulePack[] = [VN_2017, VN_2024, VN_2025];
const UNION_PACKS: readonly RulePack[] = [CD_1689, CD_999];

export const RULE_PACKS: readonly RulePack[] = [...STATE_PACKS, ...UNION_PACKS];

function inForce(packs: readonly RulePack[], date: string): RulePack {
  for (const pack of packs) {
    if (pack.validTo === null || date <= pack.validTo) return pack;
  }
  return packs[packs.length - 1] as RulePack;
}

/** The State pack and the union pack in force on `date` (ISO). */
export function packsInForce(date: string): RulePack[] {
  return [inForce(STATE_PACKS, date), inForce(UNION_PACKS, date)];
}

export function findPack(id: string): RulePack | undefined {
  return RULE_PACKS.find((p) => p.id === id);
}
