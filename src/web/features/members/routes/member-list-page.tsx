import { useState } from 'react';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { IconFileSpreadsheet, IconUserPlus } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { formatNumber } from '../../../lib/format';
import { useMembers } from '../api/list-members';
import { memberExportUrl } from '../api/export-members';
import { MemberFilters } from '../components/member-filters';
import { MemberTable } from '../components/member-table';
import { MemberFormModal } from '../components/member-form-modal';
import { memberExportParams, memberListParams, type MemberSearch } from './search';

const route = getRouteApi('/app/doan-vien');

/** `/doan-vien`: the member list, filtered on the server, with every filter in the URL. */
export function MemberListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const params = memberListParams(search);
  const list = useMembers(params);

  // "Thêm đoàn viên" is offered when the unit in view (or the user's own scope) allows it.
  const unitId = search.orgId ?? me.scopeRoots[0]?.id;
  const unit = useQuery({ ...orgDetailQuery(unitId ?? 0), enabled: unitId !== undefined });
  const canCreate = hasAbility(unit.data, 'member.create');

  const update = (patch: Partial<MemberSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.members.title')}
        description={unit.data && search.orgId ? t('web.members.inUnit', { name: unit.data.name }) : t('web.members.description')}
        actions={
          <>
            {canCreate && (
              <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('web.members.add')}
              </Button>
            )}
            <Button
              component="a"
              href={memberExportUrl(memberExportParams(search))}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              data-testid="export-button"
            >
              {t('web.members.export')}
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm">
        <MemberFilters search={search} onChange={(patch) => update(patch)} onClear={() => void navigate({ search: {}, replace: true })} />
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <MemberTable
          rows={list.data?.items ?? []}
          sort={params.sort}
          onSortChange={(sort) => update({ sort: sort === 'name' ? undefined : (sort as MemberSearch['sort']) })}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
        />
        {list.data?.totalCapped && (
          <Text size="sm" c="dimmed" mt="xs">
            {t(list.data.orderedByUnit ? 'web.members.totalCappedByUnit' : 'web.members.totalCapped', { count: formatNumber(list.data.total) })}
          </Text>
        )}
        {list.data && (
          <PaginationBar
            total={list.data.total}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        )}
      </div>
      {creating && (
        <MemberFormModal
          mode="create"
          defaultOrgId={search.orgId ?? null}
          onClose={() => setCreating(false)}
          onSaved={(member) => {
            setCreating(false);
            void navigate({ to: '/doan-vien/$memberId', params: { memberId: member.id } });
          }}
        />
      )}
    </Stack>
  );
}
