import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import type { z } from 'zod';
import type { MemberDetail, membershipPeriod } from '../../../../contracts/members';
import { ORG_STATUSES, type OrgStatus } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';

type Period = z.infer<typeof membershipPeriod>;
type Office = MemberDetail['offices'][number];

function isOrgStatus(value: string): value is OrgStatus {
  return (ORG_STATUSES as readonly string[]).includes(value);
}

/** Where the member has belonged (quá trình sinh hoạt) and which union offices they held. */
export function MemberHistory({ member }: { member: MemberDetail }) {
  const t = useT();
  const periods = [...member.memberships].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const offices = [...member.offices].sort((a, b) => b.validFrom.localeCompare(a.validFrom));

  const periodColumns: Column<Period>[] = [
    {
      key: 'unit',
      header: t('web.members.field.unit'),
      primary: true,
      cell: (p) => (
        <Group gap={6}>
          <AnchorLink to="/to-chuc/$orgId" params={{ orgId: p.orgId }} search={{ showInactive: p.orgStatus !== 'ACTIVE' || undefined }}>
            {p.orgName}
          </AnchorLink>
          {p.orgStatus !== 'ACTIVE' && (
            <Badge size="xs" variant="light" color="gray">
              {isOrgStatus(p.orgStatus) ? t(`orgStatus.${p.orgStatus}`) : p.orgStatus}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'from', header: t('web.common.from'), cell: (p) => formatDate(p.validFrom) },
    { key: 'to', header: t('web.common.to'), cell: (p) => formatDate(p.validTo) || t('web.common.present') },
    { key: 'reason', header: t('web.members.history.endReason'), cell: (p) => (p.endReason ? t(`membershipEnd.${p.endReason}`) : '') },
    { key: 'note', header: t('web.common.note'), cell: (p) => p.note ?? '' },
  ];

  const officeColumns: Column<Office>[] = [
    { key: 'title', header: t('web.members.history.office'), primary: true, cell: (o) => t(`officer.${o.title}`) },
    {
      key: 'unit',
      header: t('web.members.field.unit'),
      cell: (o) => (
        <AnchorLink to="/to-chuc/$orgId" params={{ orgId: o.orgId }}>
          {o.orgName}
        </AnchorLink>
      ),
    },
    { key: 'from', header: t('web.common.from'), cell: (o) => formatDate(o.validFrom) },
    { key: 'to', header: t('web.common.to'), cell: (o) => formatDate(o.validTo) || t('web.common.present') },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('web.members.history.memberships')}
        </Title>
        <ResponsiveTable
          caption={t('web.members.history.memberships')}
          columns={periodColumns}
          rows={periods}
          rowKey={(p) => `${p.orgId}-${p.validFrom}`}
          empty={t('web.members.history.noMemberships')}
          minWidth={640}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('web.members.history.offices')}
        </Title>
        <ResponsiveTable
          caption={t('web.members.history.offices')}
          columns={officeColumns}
          rows={offices}
          rowKey={(o) => `${o.orgId}-${o.title}-${o.validFrom}`}
          empty={t('web.members.history.noOffices')}
          minWidth={560}
        />
      </Paper>
    </Stack>
  );
}
