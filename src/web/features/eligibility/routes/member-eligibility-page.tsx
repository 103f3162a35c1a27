import { Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft } from '@tabler/icons-react';
import type { MemberDetail } from '../../../../contracts/members';
import { api } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { queryKeys } from '../../../lib/query-keys';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useMemberEligibility } from '../api/get-member-eligibility';
import { useAwardOptions } from '../api/list-award-options';
import { AwardSelect, yearOptions } from '../components/award-select';
import { EligibilityStatusBadge } from '../components/status-badge';
import { ReasonList } from '../components/reason-list';
import { WhatIfPanel } from '../components/what-if-panel';
import { DEFAULT_MEMBER_TARGET, defaultYear, type MemberEligibilitySearch } from './search';

const route = getRouteApi('/app/doan-vien/$memberId/xet-dieu-kien');

/** `/doan-vien/:id/xet-dieu-kien`: one member, one award, one year — the explained answer and a what-if. */
export function MemberEligibilityPage() {
  const { t, locale } = useI18n();
  const { memberId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const target = search.target ?? DEFAULT_MEMBER_TARGET;
  const year = search.year ?? defaultYear();
  const member = useQuery({
    queryKey: queryKeys.members.detail(memberId),
    queryFn: ({ signal }) => api.get<MemberDetail>(`/members/${memberId}`, undefined, signal),
  });
  const awards = useAwardOptions();
  const answer = useMemberEligibility(memberId, target, year);
  const award = awards.data?.find((a) => a.code === target);
  const awardName = award ? (locale === 'en' ? award.nameEn : award.nameVi) : target;

  const update = (patch: Partial<MemberEligibilitySearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const name = member.data?.fullName ?? '';

  return (
    <Stack gap="md">
      <AnchorLink to="/doan-vien/$memberId" params={{ memberId }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('web.elig.member.back')}
        </Group>
      </AnchorLink>
      <PageHeader title={name ? t('web.elig.member.title', { name }) : t('web.elig.member.titlePlain')} description={t('web.elig.member.description')} />
      <ErrorAlert error={member.error} />
      <Paper withBorder p="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <AwardSelect label={t('web.elig.filter.award')} awards={awards.data} loading={awards.isPending} subject="INDIVIDUAL" value={target} onChange={(code) => update({ target: code ?? undefined })} data-testid="elig-member-award" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('web.elig.filter.year')} data={yearOptions(year)} value={String(year)} onChange={(v) => v && update({ year: Number(v) })} allowDeselect={false} data-testid="elig-member-year" />
          </Grid.Col>
        </Grid>
      </Paper>
      <Paper withBorder p="md" data-testid="elig-member-result">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('web.elig.member.fromRecords', { award: awardName, year })}
          </Title>
          <ErrorAlert error={answer.error} />
          {answer.isPending && <LoadingBlock />}
          {answer.data && (
            <>
              <Group gap="sm">
                <EligibilityStatusBadge status={answer.data.status} size="lg" testId="elig-member-status" />
                <Text size="sm" c="dimmed">
                  {t('web.elig.member.rulesLine', { date: formatDate(answer.data.referenceDate), packs: answer.data.rulePacks.map((p) => p.name).join('; ') })}
                </Text>
              </Group>
              <ReasonList reasons={answer.data.reasons} testId="elig-member-reasons" />
            </>
          )}
        </Stack>
      </Paper>
      <WhatIfPanel memberId={memberId} target={target} year={year} storedStatus={answer.data?.status} />
    </Stack>
  );
}
