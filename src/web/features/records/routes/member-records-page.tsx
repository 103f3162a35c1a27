import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconChecklist } from '@tabler/icons-react';
import type { MemberDetail } from '../../../../contracts/members';
import { api } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { hasAbility } from '../../../lib/session';
import { formatDate, formatNumber } from '../../../lib/format';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useTimeline } from '../api/get-timeline';
import { RecordsTimeline } from '../components/records-timeline';

const route = getRouteApi('/app/doan-vien/$memberId/ho-so');

/** `/doan-vien/:id/ho-so`: a member's "Hồ sơ thi đua – khen thưởng". */
export function MemberRecordsPage() {
  const t = useT();
  const { memberId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const includeHistory = search.history ?? false;
  const member = useQuery({
    queryKey: queryKeys.members.detail(memberId),
    queryFn: ({ signal }) => api.get<MemberDetail>(`/members/${memberId}`, undefined, signal),
  });
  const subject = { type: 'PERSON' as const, id: memberId };
  const summary = useTimeline(subject, includeHistory).data?.summary;
  const name = member.data?.fullName;

  return (
    <Stack gap="md">
      <AnchorLink to="/doan-vien/$memberId" params={{ memberId }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('web.records.backToMember')}
        </Group>
      </AnchorLink>
      <PageHeader
        title={name ? t('web.records.titleFor', { name }) : t('web.records.title')}
        description={t('web.records.description')}
        actions={
          <ButtonLink to="/doan-vien/$memberId/xet-dieu-kien" params={{ memberId }} variant="light" leftSection={<IconChecklist size={16} aria-hidden />}>
            {t('web.records.checkEligibility')}
          </ButtonLink>
        }
      />
      <ErrorAlert error={member.error} />
      {summary && (
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <SummaryField label={t('web.records.summary.serviceStart')} value={formatDate(summary.serviceStartDate)} />
            <SummaryField label={t('web.records.summary.education')} value={summary.educationLevel ? t(`educationLevel.${summary.educationLevel}`) : ''} />
            <SummaryField label={t('web.records.summary.unionWorkCategory')} value={summary.unionWorkCategory ? t(`unionWorkCategory.${summary.unionWorkCategory}`) : ''} />
            <SummaryField label={t('web.records.summary.unionWorkYears')} value={t('web.records.summary.years', { years: formatNumber(Math.round(summary.unionWorkYears * 10) / 10) })} />
          </SimpleGrid>
        </Paper>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <RecordsTimeline
          subject={subject}
          canAdd={hasAbility(member.data, 'member.update')}
          includeHistory={includeHistory}
          onIncludeHistoryChange={(history) => void navigate({ search: { history: history || undefined }, replace: true })}
        />
      </Paper>
    </Stack>
  );
}

function SummaryField({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}
