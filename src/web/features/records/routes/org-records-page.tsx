import { Group, Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconChecklist } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { RecordsTimeline } from '../components/records-timeline';

const route = getRouteApi('/app/to-chuc/$orgId/ho-so');

/** `/to-chuc/:id/ho-so`: a unit's "Hồ sơ thi đua – khen thưởng" (collective awards, cluster leads, yearly figures). */
export function OrgRecordsPage() {
  const t = useT();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const includeHistory = search.history ?? false;
  const org = useQuery(orgDetailQuery(orgId));
  const name = org.data?.name;

  return (
    <Stack gap="md">
      <AnchorLink to="/to-chuc/$orgId" params={{ orgId }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('web.records.backToUnit')}
        </Group>
      </AnchorLink>
      <PageHeader
        title={name ? t('web.records.titleFor', { name }) : t('web.records.title')}
        description={t('web.records.descriptionUnit')}
        actions={
          <ButtonLink to="/xet-dieu-kien" search={{ orgId }} variant="light" leftSection={<IconChecklist size={16} aria-hidden />}>
            {t('web.records.checkUnitEligibility')}
          </ButtonLink>
        }
      />
      <ErrorAlert error={org.error} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <RecordsTimeline
          subject={{ type: 'UNIT', id: orgId }}
          canAdd={hasAbility(org.data, 'org.createChild')}
          includeHistory={includeHistory}
          onIncludeHistoryChange={(history) => void navigate({ search: { history: history || undefined }, replace: true })}
        />
      </Paper>
    </Stack>
  );
}
