import { useState } from 'react';
import { Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { DECISION_ROUNDINGS, type CreateDecisionInput } from '../../../../contracts/decisions';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useMeetings } from '../../councils/api/meetings';
import { useCreateDecision, useDecisionCandidates, type DecisionDto } from '../api/decisions';

interface Props {
  defaultOrgId: number | null;
  defaultMeetingId?: number;
  onClose: () => void;
  onCreated: (d: DecisionDto) => void;
}

type Source = 'meeting' | 'nominations';
const CANDIDATES_PAGE = 20;

/**
 * "Lập quyết định": from a closed council meeting of the organisation, or from nominations it holds
 * that are ready (passed by its council, or simplified procedure), with the rounding of the money.
 */
export function CreateDecisionModal({ defaultOrgId, defaultMeetingId, onClose, onCreated }: Props) {
  const t = useT();
  const [source, setSource] = useState<Source>('meeting');
  const [orgId, setOrgId] = useState<number | null>(defaultOrgId);
  const [meetingId, setMeetingId] = useState<number | null>(defaultMeetingId ?? null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [rounding, setRounding] = useState<CreateDecisionInput['rounding']>('NONE');
  const [missing, setMissing] = useState(false);
  const meetings = useMeetings({ status: 'CLOSED', orgId: orgId ?? undefined, page: 1, pageSize: LIMITS.pageSizeMax }, source === 'meeting' && orgId !== null);
  const create = useCreateDecision();
  const options = (meetings.data?.items ?? []).map((m) => ({ value: String(m.id), label: t('web.decisions.create.meetingLine', { title: m.title, date: formatDateTime(m.scheduledAt) }) }));
  const ready = source === 'meeting' ? meetingId !== null : chosen.size > 0;

  return (
    <ActionModal
      title={t('web.decisions.create.title')}
      submitLabel={t('web.decisions.create.submit')}
      onClose={onClose}
      submitting={create.isPending}
      error={create.error}
      validate={() => {
        const ok = orgId !== null && ready;
        setMissing(!ok);
        return ok;
      }}
      onSubmit={() => {
        if (orgId === null) return;
        const from = source === 'meeting' ? { meetingId: meetingId! } : { nominationIds: [...chosen] };
        create.mutate(
          { orgId, ...from, rounding },
          {
            onSuccess: (d) => {
              notifications.show({ color: 'teal', message: t('web.decisions.create.done') });
              onCreated(d);
            },
          },
        );
      }}
    >
      <OrgPicker
        label={t('web.decisions.field.org')}
        value={orgId}
        onChange={(v) => {
          setOrgId(v);
          setMeetingId(null);
          setChosen(new Set());
        }}
        required
        error={missing && orgId === null ? t('web.decisions.create.required') : undefined}
        data-testid="decision-create-org"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="decision-create-source-label">
          {t('web.decisions.create.source')}
        </Text>
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v as Source)}
          data={[
            { value: 'meeting', label: t('web.decisions.create.fromMeeting') },
            { value: 'nominations', label: t('web.decisions.create.fromNominations') },
          ]}
          aria-labelledby="decision-create-source-label"
          fullWidth
          data-testid="decision-create-source"
        />
      </Stack>
      {source === 'meeting' ? (
        <>
          <Select
            label={t('web.decisions.field.meeting')}
            data={options}
            value={meetingId === null ? null : String(meetingId)}
            onChange={(v) => setMeetingId(v ? Number(v) : null)}
            required
            searchable
            disabled={orgId === null || meetings.isPending}
            error={missing && meetingId === null ? t('web.decisions.create.required') : undefined}
            data-testid="decision-create-meeting"
          />
          {meetings.data && options.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('web.decisions.create.noMeetings')}
            </Text>
          )}
        </>
      ) : (
        <CandidatePicker orgId={orgId} chosen={chosen} onChange={setChosen} error={missing && chosen.size === 0 ? t('web.decisions.create.chooseNominations') : undefined} />
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

/** Ready nominations of the organisation, searched on the server (without diacritics), chosen by ticking. */
function CandidatePicker({ orgId, chosen, onChange, error }: { orgId: number | null; chosen: Set<number>; onChange: (next: Set<number>) => void; error?: string }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const candidates = useDecisionCandidates({ orgId, q, page, pageSize: CANDIDATES_PAGE });
  const items = candidates.data?.items ?? [];
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };

  return (
    <Stack gap="xs">
      <TextInput
        label={t('web.decisions.create.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        disabled={orgId === null}
        data-testid="decision-create-search"
      />
      <Text size="sm" c={error ? 'red.9' : 'dimmed'} data-testid="decision-create-chosen">
        {error ?? t('web.decisions.create.chosen', { count: chosen.size })}
      </Text>
      {candidates.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('web.decisions.create.noCandidates')}
        </Text>
      )}
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('web.decisions.create.candidates')}>
        {items.map((c) => (
          <Paper key={c.id} withBorder p="xs" component="li" data-testid="decision-candidate">
            <Checkbox
              checked={chosen.has(c.id)}
              onChange={(e) => toggle(c.id, e.currentTarget.checked)}
              label={
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={500} span>
                    {c.subjectName}
                  </Text>
                  <Text size="xs" c="dimmed" span>
                    {[c.unitName, c.awardName, c.procedure === 'SIMPLIFIED' ? t('web.decisions.create.simplified') : null].filter(Boolean).join(' · ')}
                  </Text>
                </Group>
              }
            />
          </Paper>
        ))}
      </Stack>
      {candidates.data && candidates.data.total > CANDIDATES_PAGE && <PaginationBar total={candidates.data.total} page={page} pageSize={CANDIDATES_PAGE} onPageChange={setPage} />}
    </Stack>
  );
}
