import { Badge } from '@mantine/core';
import type { EligibilityStatus } from '../../../../contracts/enums';
import type { ITEM_STATES, NominationStatus, SubmissionStatus } from '../../../../contracts/nominations';
import { useT } from '../../../lib/i18n';

const ELIGIBILITY_COLORS: Record<EligibilityStatus, string> = { ELIGIBLE: 'teal', NOT_ELIGIBLE: 'red', MISSING_EVIDENCE: 'orange' };
const NOMINATION_COLORS: Record<NominationStatus, string> = { DRAFT: 'gray', IN_REVIEW: 'blue', RETURNED: 'orange', ACCEPTED: 'teal', REJECTED: 'red', WITHDRAWN: 'gray', TO_COUNCIL: 'grape', COUNCIL_PASSED: 'green', COUNCIL_FAILED: 'red', AWARDED: 'teal' };
const SUBMISSION_COLORS: Record<SubmissionStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  RECEIVED: 'cyan',
  UNDER_APPRAISAL: 'indigo',
  RETURNED: 'orange',
  RESUBMITTED: 'blue',
  APPRAISED: 'teal',
  TO_COUNCIL: 'grape',
  ESCALATED: 'violet',
  WITHDRAWN: 'gray',
};
type ItemState = (typeof ITEM_STATES)[number];
const ITEM_COLORS: Record<ItemState, string> = { PENDING: 'gray', ACCEPTED: 'teal', RETURNED: 'orange', FIXED: 'blue', REJECTED: 'red', WITHDRAWN: 'gray' };

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;

export function EligibilityBadge({ status, testId = 'nomination-eligibility' }: { status: EligibilityStatus; testId?: string }) {
  const t = useT();
  return (
    <Badge color={ELIGIBILITY_COLORS[status]} variant="light" style={plain} styles={{ label: { overflow: 'visible' } }} data-testid={testId} data-status={status}>
      {t(`web.nominations.eligibility.${status}`)}
    </Badge>
  );
}

export function NominationStatusBadge({ status }: { status: NominationStatus }) {
  const t = useT();
  return (
    <Badge color={NOMINATION_COLORS[status]} variant="light" style={plain} styles={{ label: { overflow: 'visible' } }} data-testid="nomination-status" data-status={status}>
      {t(`web.nominations.status.${status}`)}
    </Badge>
  );
}

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  const t = useT();
  return (
    <Badge color={SUBMISSION_COLORS[status]} variant="light" style={plain} styles={{ label: { overflow: 'visible' } }} data-testid="submission-status" data-status={status}>
      {t(`web.nominations.submission.status.${status}`)}
    </Badge>
  );
}

export function ItemStateBadge({ state }: { state: ItemState }) {
  const t = useT();
  return (
    <Badge color={ITEM_COLORS[state]} variant="dot" style={plain} styles={{ label: { overflow: 'visible' } }} data-testid="line-state" data-state={state}>
      {t(`web.nominations.item.${state}`)}
    </Badge>
  );
}
