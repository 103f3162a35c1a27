import { useState } from 'react';
import { ActionIcon, Button, Grid, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { CEREMONY_LIMITS } from '../../../../contracts/ceremonies';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useUpdateCeremony, type CeremonyDto, type ProgrammeLine } from '../api/ceremonies';

type Draft = { key: number; at: string; item: string; by: string };
let nextKey = 1;
const toDraft = (p: ProgrammeLine): Draft => ({ key: nextKey++, at: p.at ?? '', item: p.item, by: p.by ?? '' });

/** The running order (chương trình): read, or edited line by line (time, item, by whom) when the ceremony is planned. */
export function ProgrammeSection({ ceremony }: { ceremony: CeremonyDto }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const canEdit = ceremony.abilities.includes('ceremony.update');
  return (
    <Paper withBorder p="md" data-testid="ceremony-programme">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {t('web.ceremonies.programme.title')}
          </Title>
          {canEdit && !editing && (
            <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="ceremony-programme-edit">
              {t('web.ceremonies.programme.edit')}
            </Button>
          )}
        </Group>
        {editing ? <ProgrammeEditor ceremony={ceremony} onDone={() => setEditing(false)} /> : <ProgrammeView lines={ceremony.programme} />}
      </Stack>
    </Paper>
  );
}

function ProgrammeView({ lines }: { lines: ProgrammeLine[] }) {
  const t = useT();
  if (lines.length === 0) return <Text c="dimmed">{t('web.ceremonies.programme.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped verticalSpacing="xs" aria-label={t('web.ceremonies.programme.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('web.ceremonies.programme.at')}</Table.Th>
            <Table.Th>{t('web.ceremonies.programme.item')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            <Table.Tr key={i} data-testid="ceremony-programme-line">
              <Table.Td>{l.at ?? ''}</Table.Td>
              <Table.Td>
                <Text size="sm">{l.item}</Text>
                {l.by && (
                  <Text size="sm" c="dimmed">
                    {l.by}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProgrammeEditor({ ceremony, onDone }: { ceremony: CeremonyDto; onDone: () => void }) {
  const t = useT();
  const [lines, setLines] = useState<Draft[]>(() => ceremony.programme.map(toDraft));
  const [invalid, setInvalid] = useState(false);
  const update = useUpdateCeremony(ceremony.id);
  const set = (key: number, patch: Partial<Draft>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const move = (index: number, by: -1 | 1) =>
    setLines((ls) => {
      const next = [...ls];
      const [line] = next.splice(index, 1);
      next.splice(index + by, 0, line!);
      return next;
    });
  const badTime = (at: string) => at.trim() !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(at.trim());

  const save = () => {
    const bad = lines.some((l) => l.item.trim() === '' || badTime(l.at));
    setInvalid(bad);
    if (bad) return;
    update.mutate(
      { version: ceremony.version, programme: lines.map((l) => ({ at: l.at.trim() || null, item: l.item.trim(), by: l.by.trim() || null })) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('web.ceremonies.programme.saved') });
          onDone();
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      {lines.map((l, i) => (
        <Paper key={l.key} withBorder p="sm" data-testid="ceremony-programme-row">
          <Grid gap="xs" align="flex-end">
            <Grid.Col span={{ base: 4, sm: 2 }}>
              <TextInput
                label={t('web.ceremonies.programme.at')}
                placeholder="08:00"
                value={l.at}
                onChange={(e) => {
                  const at = e.currentTarget.value;
                  set(l.key, { at });
                }}
                maxLength={5}
                error={invalid && badTime(l.at) ? t('web.ceremonies.programme.badTime') : undefined}
                data-testid="ceremony-programme-at"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 10 }}>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <ActionIcon variant="default" size="lg" aria-label={t('web.ceremonies.programme.up', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, -1)}>
                  <IconArrowUp size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="default" size="lg" aria-label={t('web.ceremonies.programme.down', { n: i + 1 })} disabled={i === lines.length - 1} onClick={() => move(i, 1)}>
                  <IconArrowDown size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="default" size="lg" color="red" aria-label={t('web.ceremonies.programme.remove', { n: i + 1 })} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput
                label={t('web.ceremonies.programme.item')}
                value={l.item}
                onChange={(e) => {
                  const item = e.currentTarget.value;
                  set(l.key, { item });
                }}
                required
                maxLength={CEREMONY_LIMITS.programmeItemMax}
                error={invalid && l.item.trim() === '' ? t('web.ceremonies.form.required') : undefined}
                data-testid="ceremony-programme-item"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label={t('web.ceremonies.programme.by')}
                value={l.by}
                onChange={(e) => {
                  const by = e.currentTarget.value;
                  set(l.key, { by });
                }}
                maxLength={CEREMONY_LIMITS.presenterMax}
                data-testid="ceremony-programme-by"
              />
            </Grid.Col>
          </Grid>
        </Paper>
      ))}
      <ErrorAlert error={update.error} />
      <Group gap="sm" justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={lines.length >= CEREMONY_LIMITS.programmeMax}
          onClick={() => setLines((ls) => [...ls, toDraft({ at: null, item: '', by: null })])}
          data-testid="ceremony-programme-add"
        >
          {t('web.ceremonies.programme.add')}
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('web.common.cancel')}
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={update.isPending} onClick={save} data-testid="ceremony-programme-save">
            {t('web.ceremonies.programme.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
