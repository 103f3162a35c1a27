import { Box, Stack, Text } from '@mantine/core';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { AnchorLink } from '../../../components/ui/links';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { YearFilter } from '../../../components/ui/year-filter';
import { SectionCard } from './section-card';
import { useCreditList, type CreditListItemDto } from '../api/stories';

interface Props {
  orgId: number | undefined;
  year: number | undefined;
  page: number;
  onChange: (patch: { year?: number; creditPage?: number }) => void;
}

/**
 * "Ghi nhận người phát hiện": who discovered, wrote, fostered or publicised the stories and the
 * models of the chosen organisation (and its units) in the chosen year — what officers read when
 * they propose rewards.
 */
export function CreditListSection({ orgId, year, page, onChange }: Props) {
  const t = useT();
  const list = useCreditList({ orgId, year, page, pageSize: LIMITS.pageSizeDefault });
  const columns: Column<CreditListItemDto>[] = [
    { key: 'name', header: t('web.stories.creditList.person'), primary: true, cell: (c) => c.name },
    { key: 'role', header: t('web.stories.credits.role'), cell: (c) => t(`web.stories.creditList.role.${c.role}`) },
    {
      key: 'target',
      header: t('web.stories.creditList.target'),
      cell: (c) => (
        <Stack gap={0}>
          <Text size="xs" c="dimmed" span>
            {t(`web.stories.creditList.kind.${c.target.kind}`)}
          </Text>
          {c.target.kind === 'STORY' ? (
            <AnchorLink to="/guong-dien-hinh/$storyId" params={{ storyId: c.target.id }} size="sm" data-testid="credit-list-target" data-kind="STORY">
              {c.target.title}
            </AnchorLink>
          ) : (
            <AnchorLink to="/mo-hinh/$modelId" params={{ modelId: c.target.id }} size="sm" data-testid="credit-list-target" data-kind="MODEL">
              {c.target.title}
            </AnchorLink>
          )}
        </Stack>
      ),
    },
    { key: 'org', header: t('web.stories.field.org'), cell: (c) => c.orgName },
    { key: 'on', header: t('web.stories.creditList.on'), cell: (c) => formatDate(c.on) },
  ];
  return (
    <SectionCard id="credit-list" title={t('web.stories.creditList.title')}>
      <Text size="sm">{t('web.stories.creditList.description')}</Text>
      <Box maw={220}>
        <YearFilter label={t('web.stories.creditList.year')} value={year} onChange={(y) => onChange({ year: y, creditPage: undefined })} data-testid="credit-list-year" />
      </Box>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.stories.creditList.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(c) => `${c.target.kind}-${c.id}`}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={<Text component="span">{t('web.stories.creditList.empty')}</Text>}
          testId="credit-list-table"
          rowTestId="credit-list-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={page} pageSize={LIMITS.pageSizeDefault} onPageChange={(p) => onChange({ year, creditPage: p === 1 ? undefined : p })} />}
      </div>
    </SectionCard>
  );
}
