import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { AwardItem } from '../../../../contracts/awards';
import { useI18n } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';

interface AwardTableProps {
  rows: AwardItem[];
  loading: boolean;
  refreshing: boolean;
  onEdit: (award: AwardItem) => void;
  onToggleActive: (award: AwardItem) => void;
}

export function formatMoney(vnd: number): string {
  return `${formatNumber(vnd)} đ`;
}

/** The catalogue: names, classification and today's reward money; administrators edit from here. */
export function AwardTable({ rows, loading, refreshing, onEdit, onToggleActive }: AwardTableProps) {
  const { t, locale } = useI18n();
  const columns: Column<AwardItem>[] = [
    {
      key: 'name',
      header: t('web.awards.field.name'),
      primary: true,
      cell: (a) => (
        <Stack gap={2}>
          <Text size="sm" fw={500} c={a.active ? undefined : 'dimmed'}>
            {locale === 'en' ? a.nameEn : a.nameVi}
          </Text>
          <Group gap={4}>
            <Text size="xs" c="dimmed" ff="monospace">
              {a.code}
            </Text>
            {a.uncertain && (
              <Tooltip label={t('web.awards.uncertainHint')} multiline w={280} withArrow>
                <Badge size="xs" color="orange" variant="light" style={{ textTransform: 'none' }} tabIndex={0}>
                  {t('web.awards.uncertain')}
                </Badge>
              </Tooltip>
            )}
            {!a.active && (
              <Badge size="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
                {t('web.awards.inactive')}
              </Badge>
            )}
          </Group>
        </Stack>
      ),
    },
    {
      key: 'class',
      header: t('web.awards.field.classification'),
      cell: (a) => (
        <Stack gap={0}>
          <Text size="sm">{`${t(`awardCategory.${a.category}`)} · ${t(`awardSubject.${a.subject}`)}`}</Text>
          <Text size="xs" c="dimmed">{`${t(`awardLevel.${a.level}`)} · ${t(`awardKind.${a.kind}`)}`}</Text>
        </Stack>
      ),
    },
    { key: 'coefficient', header: t('web.awards.field.coefficient'), cell: (a) => (a.coefficient === null ? '—' : formatNumber(a.coefficient)) },
    {
      key: 'money',
      header: t('web.awards.field.money'),
      cell: (a) => (a.rewardVnd === null ? <Text span size="sm" c="dimmed">{t('web.awards.noMoney')}</Text> : <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>{formatMoney(a.rewardVnd)}</Text>),
    },
  ];
  if (rows.some((a) => a.abilities.includes('award.update'))) {
    columns.push({
      key: 'actions',
      header: t('web.common.actions'),
      cell: (a) =>
        a.abilities.includes('award.update') ? (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(a)} aria-label={t('web.awards.edit.actionFor', { name: a.nameVi })}>
              {t('web.awards.edit.action')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color={a.active ? 'red' : 'teal'}
              leftSection={a.active ? <IconPlayerPause size={14} aria-hidden /> : <IconPlayerPlay size={14} aria-hidden />}
              onClick={() => onToggleActive(a)}
            >
              {a.active ? t('web.awards.deactivate.action') : t('web.awards.reactivate.action')}
            </Button>
          </Group>
        ) : null,
    });
  }
  return (
    <ResponsiveTable
      caption={t('web.awards.tableCaption')}
      columns={columns}
      rows={rows}
      rowKey={(a) => a.code}
      loading={loading}
      refreshing={refreshing}
      empty={t('web.awards.empty')}
      testId="award-table"
      rowTestId="award-row"
      minWidth={900}
    />
  );
}
