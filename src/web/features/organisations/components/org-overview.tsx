import type { ReactNode } from 'react';
import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../../components/ui/links';
import type { OrgDetail } from '../../../../contracts/organisations';
import { useT } from '../../../lib/i18n';
import { formatDate, formatNumber } from '../../../lib/format';
import { OrgStatusBadge } from '../../../components/ui/org-status-badge';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { OrgSummary } from '../../../../contracts/organisations';
import { useOrgChildren } from '../api/get-org-children';
import { useKindLabel } from '../api/get-org-kinds';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

export function OrgOverview({ org, showInactive }: { org: OrgDetail; showInactive: boolean }) {
  const t = useT();
  const kindLabel = useKindLabel();
  const children = useOrgChildren(org.id, showInactive, org.childCount > 0 || showInactive);

  const columns: Column<OrgSummary>[] = [
    {
      key: 'name',
      header: t('web.org.field.name'),
      primary: true,
      cell: (child) => (
        <Group gap={6} wrap="nowrap">
          <AnchorLink to="/to-chuc/$orgId" params={{ orgId: child.id }} search={{ showInactive: showInactive || undefined }} c={child.status === 'ACTIVE' ? undefined : 'dimmed'}>
            {child.name}
          </AnchorLink>
          <OrgStatusBadge status={child.status} hideActive />
        </Group>
      ),
    },
    { key: 'code', header: t('web.org.field.code'), cell: (child) => child.code },
    { key: 'kind', header: t('web.org.field.kind'), cell: (child) => kindLabel(child.kind) },
    { key: 'members', header: t('web.org.field.memberCount'), cell: (child) => formatNumber(child.memberCount) },
  ];

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="dl" m={0}>
        <Field label={t('web.org.field.code')}>{org.code}</Field>
        <Field label={t('web.org.field.shortName')}>{org.shortName}</Field>
        <Field label={t('web.org.field.kind')}>{kindLabel(org.kind)}</Field>
        <Field label={t('web.org.field.sector')}>{org.sector ? t(`sector.${org.sector}`) : ''}</Field>
        <Field label={t('web.org.field.status')}>
          <OrgStatusBadge status={org.status} />
        </Field>
        <Field label={t('web.org.field.memberCount')}>{formatNumber(org.memberCount)}</Field>
        <Field label={t('web.org.field.validFrom')}>{formatDate(org.validFrom)}</Field>
        {org.validTo && <Field label={t('web.org.field.validTo')}>{formatDate(org.validTo)}</Field>}
        <Field label={t('web.org.field.address')}>{org.address}</Field>
      </SimpleGrid>

      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('web.org.children', { count: formatNumber(children.data?.length ?? org.childCount) })}
        </Title>
        <ResponsiveTable
          caption={t('web.org.childrenCaption', { name: org.name })}
          columns={columns}
          rows={children.data ?? []}
          rowKey={(child) => child.id}
          loading={children.isFetching && !children.data}
          empty={t('web.org.noChildren')}
          minWidth={520}
        />
      </Stack>
    </Stack>
  );
}
