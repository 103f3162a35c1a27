import type { cascade as vi } from '../vi/cascade';

export const cascade: Record<keyof typeof vi, string> = {
  'cascade.deadlinePast': 'The deadline ({deadline}) has passed. Choose today or a later date.',
  'cascade.unknownTarget': 'There is no unit {id} among the units asked to respond.',
  'cascade.targetOutsideSubtree': '{name} is not below the issuing unit and cannot be asked to respond.',
  'cascade.targetInactive': '{name} has ended or been merged and cannot be asked to respond.',
  'cascade.noTargets': 'No unit is asked to respond. Choose at least one subordinate unit.',
};
