import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { IconExternalLink, IconSpeakerphone } from '@tabler/icons-react';
import type { ConsultationSummaryDto } from '../../../../contracts/consultations';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDate } from '../../../lib/format';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { AnchorLink } from '../../../components/ui/links';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PageHeader } from '../../../components/ui/page-header';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useConsultations } from '../api/consultations';
import { CreateConsultationModal } from '../components/create-consultation-modal';
import { PhaseBadge } from '../components/phase-badge';

const route = getRouteApi('/app/lay-y-kien');

/** `/lay-y-kien`: the lists an organisation published for public comment, and publishing a new one. */
export function ConsultationListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // The TĐKT office's own organisation first: that is where lists are published.
  const ownOrg = me.roles.find((r) => r.role === 'TDKT_OFFICER') ?? me.roles.find((r) => r.role === 'SYSTEM_ADMIN') ?? me.roles.find((r) => r.role !== 'MEMBER');
  const orgId = search.orgId ?? ownOrg?.orgId;
  const page = search.page ?? 1;
  const list = useConsultations({ orgId, page, pageSize: LIMITS.pageSizeDefault });
  const [creating, setCreating] = useState(false);
  const canPublish = orgId !== undefined && me.roles.some((r) => (r.role === 'TDKT_OFFICER' && r.orgId === orgId) || r.role === 'SYSTEM_ADMIN');
  const org = useQuery({ ...orgDetailQuery(orgId ?? 0), enabled: orgId !== undefined });
  const orgCode = org.data?.code;

  const columns: Column<ConsultationSummaryDto>[] = [
    {
      key: 'title',
      header: t('web.consultations.field.title'),
      primary: true,
      cell: (c) => (
        <AnchorLink to="/lay-y-kien/$consultationId" params={{ consultationId: c.id }} fw={500} data-testid="consultation-link">
          {c.title}
        </AnchorLink>
      ),
    },
    { key: 'org', header: t('web.consultations.field.org'), cell: (c) => <Text size="sm">{c.orgName}</Text> },
    { key: 'period', header: t('web.consultations.field.period'), cell: (c) => <Text size="sm">{t('web.consultations.period', { from: formatDate(c.startsOn), to: formatDate(c.endsOn), days: c.workingDays })}</Text> },
    { key: 'phase', header: t('web.consultations.field.phase'), cell: (c) => <PhaseBadge phase={c.phase} /> },
    { key: 'items', header: t('web.consultations.field.items'), cell: (c) => <Text size="sm">{c.itemCount}</Text> },
    {
      key: 'feedback',
      header: t('web.consultations.field.feedback'),
      cell: (c) => (
        <Text size="sm" c={c.feedback.NEW > 0 ? 'orange.9' : undefined} fw={c.feedback.NEW > 0 ? 600 : undefined}>
          {t('web.consultations.feedbackCounts', { total: c.feedback.NEW + c.feedback.RELEVANT + c.feedback.DISMISSED, open: c.feedback.NEW })}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.consultations.title')}
        description={t('web.consultations.description')}
        actions={
          <Group gap="sm">
            <ExcelExportButton path="/consultations/export.xlsx" filters={{ orgId }} testId="consultation-export" />
            {canPublish && (
              <Button leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="consultation-create">
                {t('web.consultations.create.open')}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 20rem' }}>
            <OrgPicker label={t('web.consultations.field.org')} value={orgId ?? null} onChange={(id) => void navigate({ search: { orgId: id ?? undefined }, replace: true })} />
          </div>
          {orgCode && (
            <Anchor href={`/cong-khai/${encodeURIComponent(orgCode)}/lay-y-kien`} target="_blank" rel="noopener" size="sm" data-testid="consultation-public-link">
              <Group gap={4} wrap="nowrap">
                <IconExternalLink size={16} aria-hidden />
                {t('web.consultations.publicPage')}
              </Group>
            </Anchor>
          )}
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.consultations.title')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={t('web.consultations.empty')}
          testId="consultation-table"
          rowTestId="consultation-row"
          minWidth={760}
        />
        {list.data && list.data.total > list.data.pageSize && (
          <PaginationBar total={list.data.total} page={page} pageSize={list.data.pageSize} onPageChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} />
        )}
      </div>
      {creating && orgId !== undefined && <CreateConsultationModal orgId={orgId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
