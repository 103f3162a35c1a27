import { useState } from 'react';
import { ActionIcon, Checkbox, Group, NumberInput, Paper, Radio, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDto } from '../../../../contracts/plans';
import { RESPONSE_KINDS, type RequestSpec } from '../../../../contracts/cascade';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { api } from '../../../lib/api-client';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { planKeys } from '../api/plans';

type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** Issue: the server assigns the number, delivers the plan and, when asked, the request to the chosen units. */
function useIssueWithRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; issuedOn: string; number: number | null; request: RequestSpec | null }) => api.post<PlanDto>(`/plans/${id}/issue`, input),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['plans', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['requests'] }),
        queryClient.invalidateQueries({ queryKey: ['outgoing'] }),
      ]);
    },
  });
}

function ChosenUnit({ id, onRemove }: { id: number; onRemove: () => void }) {
  const t = useT();
  const org = useQuery(orgDetailQuery(id));
  const name = org.data?.name ?? '…';
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" data-testid="issue-request-target-row">
      <Text size="sm">{name}</Text>
      <ActionIcon variant="subtle" color="gray" aria-label={t('web.cascade.issue.removeTarget', { name })} onClick={onRemove}>
        <IconX size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/**
 * Issue a draft on a date (today by default, never after today). Optionally ask the subordinate
 * units to respond — with their own plan or their registrations — by a deadline: every grassroots
 * union below by default, or the units chosen here.
 */
export function IssuePlanModal({ plan, onClose }: { plan: PlanDto; onClose: () => void }) {
  const t = useT();
  const mutation = useIssueWithRequest();
  const today = todayIso();
  const [issuedOn, setIssuedOn] = useState<string | null>(today);
  const [number, setNumber] = useState<number | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [ask, setAsk] = useState(false);
  const [kind, setKind] = useState<ResponseKind>('PLAN');
  const [deadline, setDeadline] = useState<string | null>(null);
  const [deadlineError, setDeadlineError] = useState<string | null>(null);
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [targets, setTargets] = useState<number[]>([]);
  const [targetsError, setTargetsError] = useState<string | null>(null);

  const validate = () => {
    const problem = !issuedOn ? t('web.plans.issue.dateRequired') : issuedOn > today ? t('web.plans.issue.dateFuture') : null;
    setDateError(problem);
    let ok = problem === null;
    if (ask) {
      const d = !deadline ? t('web.cascade.issue.deadlineRequired') : deadline < today ? t('web.cascade.issue.deadlinePast') : null;
      setDeadlineError(d);
      const tg = scope === 'chosen' && targets.length === 0 ? t('web.cascade.issue.targetsRequired') : null;
      setTargetsError(tg);
      ok = ok && d === null && tg === null;
    }
    return ok;
  };

  return (
    <ActionModal
      title={t('web.plans.issue.title')}
      submitLabel={t('web.plans.issue.action')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      validate={validate}
      onSubmit={() =>
        mutation.mutate(
          {
            id: plan.id,
            version: plan.version,
            issuedOn: issuedOn ?? today,
            number,
            request: ask && deadline ? { responseKind: kind, deadline, targetOrgIds: scope === 'chosen' ? targets : null } : null,
          },
          {
            onSuccess: (issued) => {
              notifications.show({ color: 'teal', message: t('web.plans.issue.done', { numberLine: issued.numberLine }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.plans.issue.body')}</Text>
      <Text size="sm" fw={500}>
        {plan.title}
      </Text>
      <DateField
        label={t('web.plans.issue.date')}
        value={issuedOn}
        onChange={(v) => {
          setIssuedOn(v);
          setDateError(null);
        }}
        maxDate={today}
        required
        error={dateError}
        data-testid="plan-issue-date"
      />
      <NumberInput
        label={t('web.plans.issue.number')}
        description={t('web.plans.issue.numberHelp')}
        value={number ?? ''}
        onChange={(v) => setNumber(typeof v === 'number' && v > 0 ? v : null)}
        min={1}
        max={99999}
        allowDecimal={false}
        allowNegative={false}
        data-testid="plan-issue-number"
      />
      <Checkbox label={t('web.cascade.issue.request')} checked={ask} onChange={(e) => setAsk(e.currentTarget.checked)} data-testid="issue-request" />
      {ask && (
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('web.cascade.issue.requestHelp')}
            </Text>
            <Select
              label={t('web.cascade.issue.responseKind')}
              data={RESPONSE_KINDS.map((k) => ({ value: k, label: t(`web.cascade.requests.kind.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as ResponseKind)}
              allowDeselect={false}
              data-testid="issue-request-kind"
            />
            <DateField
              label={t('web.cascade.issue.deadline')}
              value={deadline}
              onChange={(v) => {
                setDeadline(v);
                setDeadlineError(null);
              }}
              minDate={today}
              required
              error={deadlineError}
              data-testid="issue-request-deadline"
            />
            <Radio.Group label={t('web.cascade.issue.targets')} value={scope} onChange={(v) => setScope(v as 'all' | 'chosen')}>
              <Stack gap={6} mt={4}>
                <Radio value="all" label={t('web.cascade.issue.targetsAll')} data-testid="issue-request-all" />
                <Radio value="chosen" label={t('web.cascade.issue.targetsChosen')} data-testid="issue-request-chosen" />
              </Stack>
            </Radio.Group>
            {scope === 'chosen' && (
              <Stack gap="xs">
                <OrgPicker
                  label={t('web.cascade.issue.addTarget')}
                  value={null}
                  activeOnly
                  excludeIds={[plan.orgId, ...targets]}
                  error={targetsError ?? undefined}
                  onChange={(id) => {
                    if (id === null) return;
                    setTargets((cur) => (cur.includes(id) ? cur : [...cur, id]));
                    setTargetsError(null);
                  }}
                  data-testid="issue-request-target"
                />
                {targets.map((id) => (
                  <ChosenUnit key={id} id={id} onRemove={() => setTargets((cur) => cur.filter((y) => y !== id))} />
                ))}
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
    </ActionModal>
  );
}
