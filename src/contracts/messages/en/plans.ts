import type { plans as vi } from '../vi/plans';

export const plans: Record<keyof typeof vi, string> = {
  'plan.notDraft': 'The plan has been issued and can no longer be edited.',
  'plan.staleVersion': 'Someone else has just edited this plan. Reload the page to see the latest version, then edit again.',
  'plan.unknownBasis': 'There is no plan {id} to cite as basis.',
  'plan.unknownRecipient': 'There is no unit {id} among the recipients.',
  'plan.issuedInFuture': 'The issue date cannot be later than today.',
  'plan.recipientOrgMissing': 'The recipient is a unit but no unit is chosen.',
  'plan.numberUsed': 'Number {number} of {year} is already used by “{title}” of {date}. Leave the number empty to get the next one, or enter another number still free in the outgoing register.',
  'plan.issuedTooEarly': 'The issue date is too early for the plan year ({year}).',
};
