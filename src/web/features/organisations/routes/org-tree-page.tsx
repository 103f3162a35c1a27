import { useState } from 'react';
import { Button, Collapse, Grid, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { IconSitemap } from '@tabler/icons-react';
import { useMe } from '../../../lib/session';
import { useT } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useOrg } from '../api/get-org';
import { OrgTree } from '../components/org-tree';
import { OrgDetailPanel } from '../components/org-detail-panel';

/** `/to-chuc` and `/to-chuc/$orgId`: the tree on the left, the chosen unit on the right. */
export function OrgTreePage() {
  const me = useMe();
  const params = useParams({ strict: false });
  const search = useSearch({ strict: false });
  const orgId = params.orgId;
  const showInactive = search.showInactive ?? false;
  const firstRoot = me.scopeRoots[0];

  if (orgId === undefined) {
    if (firstRoot) return <Navigate to="/to-chuc/$orgId" params={{ orgId: firstRoot.id }} search={{ showInactive: search.showInactive }} replace />;
    return <NoScope />;
  }
  return <OrgTreeLayout orgId={orgId} showInactive={showInactive} />;
}

function NoScope() {
  const t = useT();
  return (
    <Stack>
      <Title order={1} fz="h2">
        {t('web.org.pageTitle')}
      </Title>
      <Text c="dimmed">{t('web.org.noScope')}</Text>
    </Stack>
  );
}

function OrgTreeLayout({ orgId, showInactive }: { orgId: number; showInactive: boolean }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [treeOpenOnMobile, setTreeOpenOnMobile] = useState(false);
  const detail = useOrg(orgId);
  const revealIds = detail.data?.ancestors.map((a) => a.id) ?? [];

  const toggleInactive = (checked: boolean) =>
    void navigate({ to: '/to-chuc/$orgId', params: { orgId }, search: { showInactive: checked || undefined }, replace: true });

  const tree = (
    <Stack gap="sm">
      <Switch label={t('web.org.showInactive')} checked={showInactive} onChange={(e) => toggleInactive(e.currentTarget.checked)} size="sm" />
      <OrgTree roots={me.scopeRoots} selectedId={orgId} showInactive={showInactive} revealIds={revealIds} />
    </Stack>
  );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="sm" style={isMobile ? undefined : { position: 'sticky', top: 72, maxHeight: 'calc(100dvh - 88px)', overflow: 'auto' }}>
          <Group justify="space-between" mb={isMobile && !treeOpenOnMobile ? 0 : 'sm'}>
            <Title order={2} fz="h5">
              {t('web.org.treeTitle')}
            </Title>
            {isMobile && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSitemap size={14} aria-hidden />}
                onClick={() => setTreeOpenOnMobile((v) => !v)}
                aria-expanded={treeOpenOnMobile}
              >
                {treeOpenOnMobile ? t('web.org.hideTree') : t('web.org.showTree')}
              </Button>
            )}
          </Group>
          {isMobile ? <Collapse expanded={treeOpenOnMobile}>{tree}</Collapse> : tree}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {detail.isPending ? <LoadingBlock /> : detail.error ? <ErrorAlert error={detail.error} /> : <OrgDetailPanel org={detail.data} showInactive={showInactive} />}
      </Grid.Col>
    </Grid>
  );
}
