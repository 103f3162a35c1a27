import { Grid, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PageHeader } from '../../../components/ui/page-header';
import { CERTIFICATE_KINDS, type CertificateKind } from '../../../../contracts/certificate-templates';
import { useOrgTemplates } from '../api/certificate-templates';
import { TemplateEditor } from '../components/template-editor';
import { TemplateHistory } from '../components/template-history';
import type { CertificateTemplateSearch } from './search';

const route = getRouteApi('/app/mau-giay-khen');

/** `/mau-giay-khen`: an organisation's Giấy khen and Bằng khen templates, their preview and history. */
export function CertificateTemplatesPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const orgId = search.orgId ?? me.roles.find((r) => r.role === 'TDKT_OFFICER')?.orgId ?? me.roles[0]?.orgId;
  const kind: CertificateKind = search.kind ?? 'GIAY_KHEN';
  const data = useOrgTemplates(orgId);
  const update = (patch: Partial<CertificateTemplateSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const template = data.data?.templates.find((x) => x.kind === kind);

  return (
    <Stack gap="md">
      <PageHeader title={t('web.certificateTemplates.title')} description={t('web.certificateTemplates.description')} />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.certificateTemplates.filter')}>
          <Grid.Col span={{ base: 12, sm: 7, md: 6 }}>
            <OrgPicker label={t('web.certificateTemplates.org')} value={orgId ?? null} onChange={(v) => update({ orgId: v ?? undefined })} data-testid="ct-org" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5, md: 6 }}>
            <Stack gap={4}>
              <Text component="span" size="sm" fw={500} id="ct-kind-label">
                {t('web.certificateTemplates.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="ct-kind-label"
                data={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`web.certificateTemplates.kind.${k}`) }))}
                value={kind}
                onChange={(v) => update({ kind: v as CertificateKind })}
                fullWidth
                data-testid="ct-kind"
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </Paper>
      {orgId === undefined && <Text c="dimmed">{t('web.certificateTemplates.chooseOrg')}</Text>}
      <ErrorAlert error={data.error} />
      {orgId !== undefined && data.isPending && <LoadingBlock />}
      {data.data && template && (
        <>
          <TemplateEditor
            key={`${data.data.orgId}-${kind}-${template.id ?? 'default'}`}
            orgId={data.data.orgId}
            orgName={data.data.orgName}
            template={template}
            canEdit={data.data.abilities.includes('certificateTemplate.update')}
          />
          <TemplateHistory key={`${data.data.orgId}-${kind}`} orgId={data.data.orgId} kind={kind} />
        </>
      )}
    </Stack>
  );
}
