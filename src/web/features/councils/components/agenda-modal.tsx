import { useState } from 'react';
import { Button, Checkbox, Group, Pagination, Paper, Select, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { VOTE_METHODS } from '../../../../contracts/councils';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useWaitingNominations } from '../api/councils';
import { useAddAgenda, type MeetingDto, type VoteMethod } from '../api/meetings';

const PAGE = 50;

/** "Đưa hồ sơ vào chương trình họp": every nomination sent to the council, or a chosen few. */
export function AgendaModal({ meeting, onClose }: { meeting: MeetingDto; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const waiting = useWaitingNominations(meeting.councilId, page);
  const add = useAddAgenda(meeting.id);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [method, setMethod] = useState<VoteMethod>('SECRET_ONLINE');
  const [mode, setMode] = useState<'all' | 'picked'>('all');
  const total = waiting.data?.total ?? 0;

  const toggle = (id: number, on: boolean) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () => add.mutate(mode === 'all' ? { all: true, method } : { nominationIds: [...picked], method }, { onSuccess: onClose });

  return (
    <ActionModal
      title={t('web.councils.agenda.title')}
      submitLabel={mode === 'all' ? t('web.councils.agenda.addAll', { count: total }) : t('web.councils.agenda.addPicked', { count: picked.size })}
      onClose={onClose}
      submitting={add.isPending}
      error={add.error}
      validate={() => (mode === 'all' ? total > 0 : picked.size > 0)}
      onSubmit={submit}
      size="xl"
    >
      <Text size="sm">{t('web.councils.agenda.explain')}</Text>
      <Select
        label={t('web.councils.item.method')}
        data={VOTE_METHODS.map((m) => ({ value: m, label: t(`web.councils.method.${m}`) }))}
        value={method}
        onChange={(v) => v && setMethod(v as VoteMethod)}
        allowDeselect={false}
        data-testid="agenda-method"
      />
      <Group gap="xs">
        <Button variant={mode === 'all' ? 'filled' : 'default'} onClick={() => setMode('all')} aria-pressed={mode === 'all'} data-testid="agenda-mode-all">
          {t('web.councils.agenda.modeAll', { count: total })}
        </Button>
        <Button variant={mode === 'picked' ? 'filled' : 'default'} leftSection={<IconListCheck size={16} aria-hidden />} onClick={() => setMode('picked')} aria-pressed={mode === 'picked'} data-testid="agenda-mode-pick">
          {t('web.councils.agenda.modePick')}
        </Button>
      </Group>
      {waiting.isPending ? (
        <LoadingBlock />
      ) : total === 0 ? (
        <Paper withBorder p="md" data-testid="agenda-empty">
          <Text size="sm" c="dimmed" ta="center">
            {t('web.councils.agenda.none')}
          </Text>
        </Paper>
      ) : (
        <Stack gap={4} data-testid="agenda-waiting">
          {(waiting.data?.items ?? []).map((n) => (
            <Paper key={n.id} withBorder p="xs" data-testid="agenda-waiting-row">
              {mode === 'picked' ? (
                <Checkbox
                  checked={picked.has(n.id)}
                  onChange={(e) => toggle(n.id, e.currentTarget.checked)}
                  label={`${n.subjectName}${n.unitName ? ` – ${n.unitName}` : ''}: ${n.awardName}`}
                  data-testid="agenda-pick"
                />
              ) : (
                <Text size="sm">
                  {n.subjectName}
                  {n.unitName ? ` – ${n.unitName}` : ''}: {n.awardName}
                </Text>
              )}
            </Paper>
          ))}
          {total > PAGE && (
            <Group justify="flex-end" mt="xs">
              <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" getControlProps={(control) => ({ 'aria-label': control === 'previous' ? t('web.common.previousPage') : control === 'next' ? t('web.common.nextPage') : t('web.common.page') })}
                getItemProps={(p) => ({ 'aria-label': t('web.common.pageN', { page: p }) })} />
            </Group>
          )}
        </Stack>
      )}
    </ActionModal>
  );
}
