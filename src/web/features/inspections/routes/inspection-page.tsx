import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconCheck, IconClipboardCheck, IconEdit, IconArrowBackUp } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { useInspection, type InspectionDto, type RecommendationDto } from '../api/inspections';
import { DueBadge, InspectionStatusBadge, RecommendationCounts, RecommendationStatusBadge } from '../components/badges';
import { CancelInspectionModal, ConductInspectionModal, EditInspectionModal, RecommendationDoneModal, RecommendationWithdrawModal } from '../components/inspection-modals';

const route = getRouteApi('/app/kiem-tra/$inspectionId');

type Dialog = { kind: 'edit' | 'conduct' | 'cancel' } | { kind: 'done' | 'withdraw'; recommendation: RecommendationDto } | null;

const textStyle = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** `/kiem-tra/:id`: one inspection, its result and recommendations, and the steps its reader may take. */
export function InspectionPage() {
  const t = useT();
  const { inspectionId } = route.useParams();
  const inspection = useInspection(inspectionId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const i = inspection.data;
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/kiem-tra" size="sm">
          ← {t('web.inspections.page.back')}
        </AnchorLink>
      </div>
      <ErrorAlert error={inspection.error} />
      {inspection.isPending && <LoadingBlock />}
      {i && (
        <>
          <Header i={i} onAction={setDialog} />
          <Details i={i} />
          {i.status === 'DONE' && <Result i={i} onAction={setDialog} />}
        </>
      )}
      {i && dialog?.kind === 'edit' && <EditInspectionModal inspection={i} onClose={close} />}
      {i && dialog?.kind === 'conduct' && <ConductInspectionModal inspection={i} onClose={close} />}
      {i && dialog?.kind === 'cancel' && <CancelInspectionModal inspection={i} onClose={close} />}
      {dialog?.kind === 'done' && <RecommendationDoneModal recommendation={dialog.recommendation} conductedOn={i?.conductedOn} onClose={close} />}
      {dialog?.kind === 'withdraw' && <RecommendationWithdrawModal recommendation={dialog.recommendation} onClose={close} />}
    </Stack>
  );
}

function Header({ i, onAction }: { i: InspectionDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const can = (ability: string) => i.abilities.includes(ability) && i.status === 'PLANNED';
  return (
    <PageHeader
      title={t('web.inspections.page.title', { kind: t(`web.inspections.kind.${i.kind}`), target: i.targetOrgName })}
      description={t('web.inspections.page.by', { org: i.orgName })}
      actions={
        <Group gap="sm">
          {can('inspection.conduct') && (
            <Button leftSection={<IconClipboardCheck size={16} aria-hidden />} onClick={() => onAction({ kind: 'conduct' })} data-testid="inspection-conduct">
              {t('web.inspections.action.conduct')}
            </Button>
          )}
          {can('inspection.update') && (
            <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => onAction({ kind: 'edit' })} data-testid="inspection-edit">
              {t('web.inspections.action.edit')}
            </Button>
          )}
          {can('inspection.cancel') && (
            <Button variant="outline" color="red.9" leftSection={<IconBan size={16} aria-hidden />} onClick={() => onAction({ kind: 'cancel' })} data-testid="inspection-cancel">
              {t('web.inspections.action.cancel')}
            </Button>
          )}
        </Group>
      }
    />
  );
}

function Details({ i }: { i: InspectionDto }) {
  const t = useT();
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        <Group gap="xs">
          <InspectionStatusBadge status={i.status} />
          {i.status === 'DONE' && <RecommendationCounts counts={i.counts} />}
        </Group>
        <Text size="sm">
          {t('web.inspections.field.kind')}: {t(`web.inspections.kind.${i.kind}`)}
        </Text>
        <Text size="sm">
          {t('web.inspections.field.target')}: <Text span fw={600}>{i.targetOrgName}</Text>
        </Text>
        <Text size="sm" style={textStyle} data-testid="inspection-topic">
          {t('web.inspections.field.topic')}: {i.topic}
        </Text>
        <Text size="sm" data-testid="inspection-planned">
          {t('web.inspections.field.plannedOn')}: {formatDate(i.plannedOn)}
        </Text>
        {i.conductedOn && (
          <Text size="sm" data-testid="inspection-conducted">
            {t('web.inspections.field.conductedOn')}: {formatDate(i.conductedOn)}
          </Text>
        )}
        {i.status === 'PLANNED' && (
          <Text size="sm" c="dimmed">
            {t('web.inspections.page.notConducted')}
          </Text>
        )}
        {i.status === 'CANCELLED' && (
          <Alert color="gray" data-testid="inspection-cancelled">
            <Text size="sm" style={textStyle}>
              {t('web.inspections.page.cancelled', { reason: i.cancelledReason ?? '—' })}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Result({ i, onAction }: { i: InspectionDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="inspection-result-heading">
        <Stack gap={6}>
          <Title order={2} size="h4" id="inspection-result-heading">
            {t('web.inspections.page.result')}
          </Title>
          <Title order={3} size="h5">
            {t('web.inspections.field.findings')}
          </Title>
          {/* Plain text: whatever was typed is shown as typed, never interpreted as markup. */}
          <Text size="sm" style={textStyle} data-testid="inspection-findings">
            {i.findings}
          </Text>
          <Title order={3} size="h5" mt="sm">
            {t('web.inspections.field.conclusion')}
          </Title>
          <Text size="sm" style={textStyle} data-testid="inspection-conclusion">
            {i.conclusion}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="inspection-recs-heading" data-testid="inspection-recommendations">
        <Stack gap="sm">
          <Title order={2} size="h4" id="inspection-recs-heading">
            {t('web.inspections.page.recommendations')}
          </Title>
          {i.recommendations.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('web.inspections.page.noRecommendations')}
            </Text>
          )}
          {i.recommendations.map((r) => (
            <RecommendationCard key={r.id} r={r} onAction={onAction} />
          ))}
        </Stack>
      </Paper>
    </>
  );
}

function RecommendationCard({ r, onAction }: { r: RecommendationDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const can = (ability: string) => r.abilities.includes(ability) && r.status === 'OPEN';
  return (
    <Paper withBorder p="sm" data-testid="recommendation" data-status={r.status} data-overdue={String(r.overdue)}>
      <Stack gap={6}>
        <Text size="sm" fw={500} style={textStyle} data-testid="recommendation-text">
          {r.position}. {r.text}
        </Text>
        <Group gap="xs">
          <RecommendationStatusBadge status={r.status} />
          <Text size="sm" span>
            {t('web.inspections.page.due', { date: formatDate(r.dueOn) })}
          </Text>
          <DueBadge r={r} />
        </Group>
        {r.doneOn && (
          <Text size="sm" data-testid="recommendation-done-on">
            {t('web.inspections.page.doneOn', { date: formatDate(r.doneOn) })}
          </Text>
        )}
        {r.note && (
          <Text size="sm" style={textStyle} data-testid="recommendation-note">
            {r.note}
          </Text>
        )}
        {(can('recommendation.done') || can('recommendation.withdraw')) && (
          <Group gap="sm">
            {can('recommendation.done') && (
              <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => onAction({ kind: 'done', recommendation: r })} data-testid="recommendation-done">
                {t('web.inspections.action.done')}
              </Button>
            )}
            {can('recommendation.withdraw') && (
              <Button size="xs" variant="outline" color="gray.9" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => onAction({ kind: 'withdraw', recommendation: r })} data-testid="recommendation-withdraw">
                {t('web.inspections.action.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
