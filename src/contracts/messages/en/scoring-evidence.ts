import type { scoringEvidence as vi } from '../vi/scoring-evidence';

export const scoringEvidence: Record<keyof typeof vi, string> = {
  'scoring.evidence.title': 'Evidence',
  'file.empty': 'The file is empty (0 bytes). Please choose it again.',
  'file.unsupported': 'Unsupported file (checked by its content, not its name). Accepted: {allowed}.',
  'file.noFile': 'No file chosen to upload.',
  'scoring.evidence.unknownCriterion': 'Criterion “{criterion}” is not on this score sheet.',
  'scoring.evidence.supersedesOther': 'The replaced file must be active evidence of the same criterion on this sheet.',
  'scoring.evidence.locked': 'The sheet has been submitted or verified: its evidence can no longer change.',
  'scoring.evidence.notActive': 'This evidence has already been replaced or withdrawn.',
  'scoring.evidence.replacedReason': 'Replaced by “{fileName}”.',
  'scoring.evidence.missing': 'Criterion {criterion} is given {points} points but its required evidence is missing.',
  'scoring.evidence.missingSummary': 'Cannot submit: {count} criteria that require evidence have no file ({list}).',
};
