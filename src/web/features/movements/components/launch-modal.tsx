import { useState } from 'react';
import { Checkbox, CloseButton, Group, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MovementDetailDto } from '../../../../contracts/movements';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useLaunchMovement } from '../api/movements';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/**
 * Launch a draft on a date (today by default); by default every CĐCS below is asked to register
 * under the movement within two weeks, or only the units picked.
 */
export function LaunchMovementModal({ movement, onClose }: { movement: MovementDetailDto; onClose: () => void }) {
  const t = useT();
  const mutation = useLaunchMovement();
  const today = todayIso();
  const [launchedOn, setLaunchedOn] = useState<string | null>(today);
  const [ask, setAsk] = useState(true);
  const [deadline, setDeadline] = useState<string | null>(addDays(today, 14));
  const [scope, setScope] = useState<'all' | 'pick'>('all');
  const [units, setUnits] = useState<{ id: number }[]>([]);
  const [errors, setErrors] = useState<Record<string, string | null>>({});

  const validate = () => {
    const e: Record<string, string | null> = {
      launchedOn: !launchedOn ? t('web.movements.required') : launchedOn > today ? t('web.movements.step.dateFuture') : null,
      deadline: ask && !deadline ? t('web.movements.required') : ask && deadline! < today ? t('web.movements.launch.deadlinePast') : null,
      units: ask && scope === 'pick' && units.length === 0 ? t('web.movements.launch.noUnits') : null,
    };
    setErrors(e);
    return Object.values(e).every((x) => x === null);
  };

  return (
    <ActionModal
      title={t('web.movements.launch.title')}
      submitLabel={t('web.movements.launch.action')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      validate={validate}
      onSubmit={() =>
        mutation.mutate(
          {
            id: movement.id,
            version: movement.version,
            launchedOn: launchedOn ?? today,
            request: ask ? { deadline: deadline!, targetOrgIds: scope === 'all' ? null : units.map((u) => u.id) } : null,
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.movements.launch.done') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm" fw={500}>
        {movement.title}
      </Text>
      <DateField label={t('web.movements.launch.date')} value={launchedOn} onChange={setLaunchedOn} maxDate={today} required error={errors.launchedOn} data-testid="movement-launch-date" />
      <Checkbox label={t('web.movements.launch.ask')} checked={ask} onChange={(e) => setAsk(e.currentTarget.checked)} data-testid="movement-launch-ask" />
      {ask && (
        <Stack gap="sm">
          <DateField label={t('web.movements.launch.deadline')} value={deadline} onChange={setDeadline} minDate={today} required error={errors.deadline} data-testid="movement-launch-deadline" />
          <Radio.Group value={scope} onChange={(v) => setScope(v as 'all' | 'pick')} error={errors.units}>
            <Stack gap={6}>
              <Radio value="all" label={t('web.movements.launch.allUnits')} data-testid="movement-launch-all" />
              <Radio value="pick" label={t('web.movements.launch.pickUnits')} data-testid="movement-launch-pick" />
            </Stack>
          </Radio.Group>
          {scope === 'pick' && (
            <Stack gap={6}>
              {units.map((u, i) => (
                <Group key={u.id} gap="xs" wrap="nowrap" align="flex-end">
                  <div style={{ flex: 1 }}>
                    <OrgPicker label={`${i + 1}.`} value={u.id} onChange={(id) => setUnits((prev) => (id === null ? prev.filter((x) => x.id !== u.id) : prev.map((x) => (x.id === u.id ? { id } : x))))} activeOnly />
                  </div>
                  <CloseButton aria-label={t('web.movements.launch.removeUnit', { n: i + 1 })} onClick={() => setUnits((prev) => prev.filter((x) => x.id !== u.id))} />
                </Group>
              ))}
              <OrgPicker
                label={t('web.movements.launch.addUnit')}
                value={null}
                onChange={(id) => id !== null && setUnits((prev) => (prev.some((x) => x.id === id) ? prev : [...prev, { id }]))}
                excludeIds={[movement.orgId, ...units.map((u) => u.id)]}
                activeOnly
                data-testid="movement-launch-unit"
              />
            </Stack>
          )}
        </Stack>
      )}
    </ActionModal>
  );
}
