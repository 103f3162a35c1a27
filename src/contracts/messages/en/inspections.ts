// Server messages of inspection and supervision (issue 9).
import type { inspections as vi } from '../vi/inspections';

export const inspections: Record<keyof typeof vi, string> = {
  'inspections.api.notSubordinate': 'Only units below the organisation can be inspected or supervised.',
  'inspections.api.targetInactive': 'The unit to inspect was dissolved or merged.',
  'inspections.api.notPlanned': 'The inspection was already carried out or cancelled and cannot change.',
  'inspections.api.conductedInFuture': 'The inspection date cannot be after today.',
  'inspections.api.dueBeforeVisit': 'The deadline of recommendation {n} must be on or after the inspection date.',
  'inspections.api.recommendationClosed': 'The recommendation was already carried out or withdrawn.',
  'inspections.api.doneOnInvalid': 'The date carried out must be between the inspection date and today.',
};
