import { useState } from 'react';
import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DECISION_ROUNDINGS, type CreateDecisionInput } from '../../../../contracts/decisions';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useMeetings } from '../../councils/api/meetings';
import { useCreateDecision, type DecisionDto } from '../api/decisions';

interface Props {
  defaultOrgId: number | null;
  defaultMeetingId?: number;
  onClose: () => void;
  onCreated: (d: DecisionDto) => void;
}

/** "Lập quyết định": from a closed council meeting of the organisation, with the rounding of the money. */
export function CreateDecisionModal({ defaultOrgId, defaultMeetingId, onClose, onCreated }: Props) {
  const t = useT();
  const [orgId, setOrgId] = useState<number | null>(defaultOrgId);
  const [meetingId, setMeetingId] = useState<number | null>(defaultMeetingId ?? null);
  const [rounding, setRounding] = useState<CreateDecisionInput['rounding']>('NONE');
  const [missing, setMissing] = useState(false);
  // Meetings are listed by council, not organisation: the closed ones are filtered here.
  const meetings = useMeetings({ status: 'CLOSED', page: 1, pageSize: LIMITS.pageSizeMax });
  const create = useCreateDecision();
  const options = (meetings.data?.items ?? [])
    .filter((m) => orgId === null || m.orgId === orgId || m.id === defaultMeetingId)
    .map((m) => ({ value: String(m.id), label: t('web.decisions.create.meetingLine', { title: m.title, date: formatDateTime(m.scheduledAt) }) }));

  return (
    <ActionModal
      title={t('web.decisions.create.title')}
      submitLabel={t('web.decisions.create.submit')}
      onClose={onClose}
      submitting={create.isPending}
      error={create.error}
      validate={() => {
        const ok = orgId !== null && meetingId !== null;
        setMissing(!ok);
        return ok;
      }}
      onSubmit={() => {
        if (orgId === null || meetingId === null) return;
        // The decision is the meeting's organisation's (its council decides for it).
        const meetingOrgId = meetings.data?.items.find((m) => m.id === meetingId)?.orgId ?? orgId;
        create.mutate(
          { orgId: meetingOrgId, meetingId, rounding },
          {
            onSuccess: (d) => {
              notifications.show({ color: 'teal', message: t('web.decisions.create.done') });
              onCreated(d);
            },
          },
        );
      }}
    >
      <OrgPicker label={t('web.decisions.field.org')} value={orgId} onChange={(v) => { setOrgId(v); setMeetingId(null); }} required error={missing && orgId === null ? t('web.decisions.create.required') : undefined} data-testid="decision-create-org" />
      <Select
        label={t('web.decisions.field.meeting')}
        data={options}
        value={meetingId === null ? null : String(meetingId)}
        onChange={(v) => setMeetingId(v ? Number(v) : null)}
        required
        searchable
        disabled={meetings.isPending}
        error={missing && meetingId === null ? t('web.decisions.create.required') : undefined}
        data-testid="decision-create-meeting"
      />
      {meetings.data && options.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('web.decisions.create.noMeetings')}
        </Text>
      )}
      <Select
        label={t('web.decisions.field.rounding')}
        data={DECISION_ROUNDINGS.map((r) => ({ value: r, label: t(`web.decisions.rounding.${r}`) }))}
        value={rounding}
        onChange={(v) => v && setRounding(v as CreateDecisionInput['rounding'])}
        allowDeselect={false}
        data-testid="decision-create-rounding"
      />
    </ActionModal>
  );
}
