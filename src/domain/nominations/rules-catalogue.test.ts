import { describe, expect, it } from 'vitest';
import { nominationsRules as vi } from '../../contracts/messages/vi/nominations-rules';
import { nominationsRules as en } from '../../contracts/messages/en/nominations-rules';
import { DOSSIER_MESSAGE_KEYS } from './dossier';
import { WORKFLOW_MESSAGE_KEYS, SUBMISSION_STATES, ITEM_STATES, SUBMISSION_ACTIONS, ITEM_DECISIONS } from './workflow';
import { CONFLICT_MESSAGE_KEYS } from './conflicts';
import { SHARES_MESSAGE_KEYS } from './shares';

describe('the catalogue of the nominations rules', () => {
  const emitted = [...DOSSIER_MESSAGE_KEYS, ...WORKFLOW_MESSAGE_KEYS, ...CONFLICT_MESSAGE_KEYS, ...SHARES_MESSAGE_KEYS];
  const labels = [
    ...SUBMISSION_STATES.map((s) => `nominations.state.${s}`),
    ...ITEM_STATES.map((s) => `nominations.itemState.${s}`),
    ...SUBMISSION_ACTIONS.map((s) => `nominations.action.${s}`),
    ...ITEM_DECISIONS.map((s) => `nominations.decision.${s}`),
  ];

  it('has a Vietnamese and an English text for every key the rules emit and every state and step they name', () => {
    expect(Object.keys(vi).sort()).toEqual([...emitted, ...labels].sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
  });
});
