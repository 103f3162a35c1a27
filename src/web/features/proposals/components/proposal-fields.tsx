import { Badge, Textarea, TextInput } from '@mantine/core';
import { COMPLAINT_LIMITS } from '../../../../contracts/complaints';
import { PROPOSAL_LIMITS } from '../../../../contracts/proposals';
import { isContact } from '../../../../contracts/consultations';
import type { Translate } from '../../../lib/i18n';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import type { ProposalStatus } from '../api/proposals';

/** What a proposer writes: themselves (left out by a member, taken from their record), whom, and the story. */
export interface ProposalDraft {
  proposerName: string;
  proposerContact: string;
  subjectName: string;
  subjectUnit: string;
  story: string;
}
export type ProposalField = keyof ProposalDraft;

export const emptyProposal = (): ProposalDraft => ({ proposerName: '', proposerContact: '', subjectName: '', subjectUnit: '', story: '' });

/** The same checks as the contract, in the catalogue's words, before anything is sent (a member's own name and contact are optional). */
export function checkProposal(d: ProposalDraft, t: Translate, member = false): Partial<Record<ProposalField, string>> {
  const out: Partial<Record<ProposalField, string>> = {};
  const name = (v: string, field: ProposalField, required: boolean) => {
    const s = v.trim();
    if (s === '') {
      if (required) out[field] = t('validation.required');
    } else if (s.length < 2) out[field] = t('validation.tooShort', { min: 2 });
  };
  name(d.proposerName, 'proposerName', !member);
  name(d.subjectName, 'subjectName', true);
  const contact = d.proposerContact.trim();
  if (contact === '') {
    if (!member) out.proposerContact = t('validation.required');
  } else if (!isContact(contact)) out.proposerContact = t('complaints.contactInvalid');
  const story = d.story.trim();
  if (story === '') out.story = t('validation.required');
  else if (story.length < PROPOSAL_LIMITS.storyMin) out.story = t('validation.tooShort', { min: PROPOSAL_LIMITS.storyMin });
  return out;
}

/** The body sent to the server: blank optional fields left out. */
export function proposalBody(d: ProposalDraft) {
  const opt = (v: string) => v.trim() || undefined;
  return { proposerName: opt(d.proposerName), proposerContact: opt(d.proposerContact), subjectName: d.subjectName.trim(), subjectUnit: opt(d.subjectUnit), story: d.story.trim() };
}

function Line({ field, label, description, draft, onChange, error, required, max, autoComplete, testId }: {
  field: ProposalField; label: string; description?: string; draft: ProposalDraft; onChange: (patch: Partial<ProposalDraft>) => void; error?: string; required: boolean; max: number; autoComplete?: string; testId: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      value={draft[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        onChange({ [field]: value });
      }}
      required={required}
      maxLength={max}
      autoComplete={autoComplete}
      error={error}
      data-testid={testId}
    />
  );
}

/** Proposer, subject and story, with the length hints; `member` makes the proposer's own lines optional. */
export function ProposalFields({ draft, onChange, errors, testIdPrefix, member = false }: {
  draft: ProposalDraft;
  onChange: (patch: Partial<ProposalDraft>) => void;
  errors: Partial<Record<ProposalField, string>>;
  testIdPrefix: string;
  member?: boolean;
}) {
  const t = useT();
  const common = { draft, onChange };
  return (
    <>
      {!member && (
        <>
          <Line {...common} field="proposerName" label={t('web.proposals.field.proposerName')} error={errors.proposerName} required max={COMPLAINT_LIMITS.nameMax} autoComplete="name" testId={`${testIdPrefix}-proposer-name`} />
          <Line
            {...common}
            field="proposerContact"
            label={t('web.proposals.field.contact')}
            description={t('web.proposals.field.contactHint')}
            error={errors.proposerContact}
            required
            max={COMPLAINT_LIMITS.contactMax}
            autoComplete="tel"
            testId={`${testIdPrefix}-contact`}
          />
        </>
      )}
      {member && (
        <Line
          {...common}
          field="proposerContact"
          label={t('web.proposals.field.contact')}
          description={t('web.proposals.field.contactMemberHint')}
          error={errors.proposerContact}
          required={false}
          max={COMPLAINT_LIMITS.contactMax}
          autoComplete="tel"
          testId={`${testIdPrefix}-contact`}
        />
      )}
      <Line {...common} field="subjectName" label={t('web.proposals.field.subjectName')} error={errors.subjectName} required max={COMPLAINT_LIMITS.nameMax} testId={`${testIdPrefix}-subject`} />
      <Line {...common} field="subjectUnit" label={t('web.proposals.field.subjectUnit')} description={t('web.proposals.field.subjectUnitHint')} error={errors.subjectUnit} required={false} max={COMPLAINT_LIMITS.addressMax} testId={`${testIdPrefix}-unit`} />
      <Textarea
        label={t('web.proposals.field.story')}
        description={t('web.proposals.field.storyHint', { min: PROPOSAL_LIMITS.storyMin, max: formatNumber(PROPOSAL_LIMITS.storyMax), count: formatNumber(draft.story.trim().length) })}
        value={draft.story}
        onChange={(e) => {
          const story = e.currentTarget.value;
          onChange({ story });
        }}
        required
        autosize
        minRows={4}
        maxRows={14}
        maxLength={PROPOSAL_LIMITS.storyMax}
        error={errors.story}
        data-testid={`${testIdPrefix}-story`}
      />
    </>
  );
}

// A long status wraps on a phone instead of widening the card.
const plain = { textTransform: 'none', maxWidth: '100%', height: 'auto', whiteSpace: 'normal' } as const;
const STATUS_COLORS: Record<ProposalStatus, string> = { RECEIVED: 'blue', STORY: 'teal', NOMINATED: 'indigo', DECLINED: 'gray' };

export function ProposalStatusBadge({ status, testId = 'proposal-status' }: { status: ProposalStatus; testId?: string }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={plain} styles={{ label: { overflow: 'visible', whiteSpace: 'normal' } }} data-testid={testId} data-status={status}>
      {t(`web.proposals.status.${status}`)}
    </Badge>
  );
}
