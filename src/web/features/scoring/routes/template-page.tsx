import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconBan, IconCopy, IconLock, IconPencil, IconSpeakerphone } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDate, formatNumber } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { usePublishTemplate, useTemplate } from '../api/templates';
import { TemplateStatusBadge } from '../components/template-badges';
import { TemplateStructure } from '../components/template-structure';
import { TemplateEditor, problemsOf } from '../components/template-editor';
import { TemplateRetireModal, TemplateReviseModal } from '../components/template-action-modals';

const route = getRouteApi('/app/mau-cham-diem/$templateId');
const AUTHOR_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/mau-cham-diem/:id`: a template version, and what the user may do with it. */
export function TemplatePage() {
  const t = useT();
  const me = useMe();
  const { templateId } = route.useParams();
  const navigate = route.useNavigate();
  const template = useTemplate(templateId);
  const publish = usePublishTemplate();
  const [dialog, setDialog] = useState<'revise' | 'publish' | 'retire' | null>(null);
  const [editing, setEditing] = useState(false);

  const back = (
    <AnchorLink to="/mau-cham-diem" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.scoring.templates.back')}
    </AnchorLink>
  );
  if (template.isPending) return <LoadingBlock />;
  if (template.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={template.error} />
      </Stack>
    );
  }
  const x = template.data;
  const can = (a: string) => x.abilities.includes(a);
  const problems = problemsOf(publish.error).length > 0 ? problemsOf(publish.error) : x.problems;
  const author = me.roles.find((r) => AUTHOR_ROLES.includes(r.role));

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={x.nameVi}
        description={`${x.code} · ${t('web.scoring.templates.versionN', { version: x.version })}`}
        actions={
          !editing && (
            <Group gap="xs">
              {can('template.update') && (
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="template-edit">
                  {t('web.scoring.templates.edit')}
                </Button>
              )}
              {can('template.publish') && (
                <Button leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setDialog('publish')} disabled={x.problems.length > 0} data-testid="template-publish">
                  {t('web.scoring.templates.publish')}
                </Button>
              )}
              {can('template.revise') && (
                <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setDialog('revise')} data-testid="template-revise">
                  {t('web.scoring.templates.revise')}
                </Button>
              )}
              {can('template.retire') && (
                <Button variant="default" color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={() => setDialog('retire')} data-testid="template-retire">
                  {t('web.scoring.templates.retire')}
                </Button>
              )}
            </Group>
          )
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md">
          <Fact label={t('web.scoring.field.status')}>
            <TemplateStatusBadge status={x.status} />
          </Fact>
          <Fact label={t('web.scoring.templates.subject')}>{t(`web.scoring.subject.${x.subject}`)}</Fact>
          <Fact label={t('web.scoring.templates.owner')}>{x.orgName ?? t('web.scoring.templates.shipped')}</Fact>
          <Fact label={t('web.scoring.templates.totalPoints')}>{formatNumber(x.totalPoints)}</Fact>
          <Fact label={t('web.scoring.templates.criteriaCount')}>{String(x.criteriaCount)}</Fact>
          {x.publishedAt && <Fact label={t('web.scoring.templates.status.PUBLISHED')}>{formatDate(x.publishedAt)}</Fact>}
        </SimpleGrid>
        {x.structure.source && (
          <Text size="sm" mt="sm">
            <Text span fw={600} size="sm">
              {t('web.scoring.templates.source')}:
            </Text>{' '}
            {x.structure.source}
          </Text>
        )}
      </Paper>
      {x.status === 'PUBLISHED' && (
        <Alert color="blue" variant="light" icon={<IconLock size={18} aria-hidden />} data-testid="template-frozen">
          {t('web.scoring.templates.frozen')}
        </Alert>
      )}
      {x.status === 'RETIRED' && (
        <Alert color="orange" variant="light" data-testid="template-retired">
          {t('web.scoring.templates.retired')}
        </Alert>
      )}
      {x.status === 'DRAFT' && !editing && (
        <Text size="sm" data-testid="template-draft-note">
          {t('web.scoring.templates.draftNote')}
        </Text>
      )}
      {x.status === 'DRAFT' && problems.length > 0 && !editing && (
        <Alert color="orange" variant="light" title={t('web.scoring.templates.problems')} data-testid="template-problems">
          <List size="sm">
            {problems.map((p, i) => (
              <List.Item key={i}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {problemsOf(publish.error).length === 0 && <ErrorAlert error={publish.error} />}
      {editing ? <TemplateEditor template={x} onDone={() => setEditing(false)} /> : <TemplateStructure structure={x.structure} />}
      {dialog === 'revise' && (
        <TemplateReviseModal template={x} defaultOrgId={author?.orgId ?? null} onClose={() => setDialog(null)} onDone={(created) => void navigate({ to: '/mau-cham-diem/$templateId', params: { templateId: created.id } })} />
      )}
      {dialog === 'retire' && <TemplateRetireModal template={x} onClose={() => setDialog(null)} />}
      {dialog === 'publish' && (
        <ActionModal
          title={t('web.scoring.templates.publish')}
          submitLabel={t('web.scoring.templates.publish')}
          onClose={() => setDialog(null)}
          submitting={publish.isPending}
          error={publish.error}
          size="md"
          onSubmit={() =>
            publish.mutate(x.id, {
              onSuccess: (p) => {
                notifications.show({ color: 'teal', message: t('web.scoring.templates.publish.done', { version: p.version }) });
                setDialog(null);
              },
            })
          }
        >
          <Text size="sm">{t('web.scoring.templates.publish.confirm', { code: x.code, version: x.version })}</Text>
        </ActionModal>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" size="sm">
        {children}
      </Text>
    </Stack>
  );
}
