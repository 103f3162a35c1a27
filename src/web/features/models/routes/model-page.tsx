import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Stepper, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconArrowRight, IconBan, IconCalendarCheck, IconPencil, IconPlus, IconUserStar } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { movesFrom, PROGRESS_STAGES } from '../../../../domain/models/stages';
import { hasMessage } from '../../../../contracts/messages';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { useModel, type ModelDto, type ModelStage } from '../api/models';
import { FollowUpBadge, ModelStageBadge } from '../components/badges';
import { ModelFormModal } from '../components/model-form-modal';
import { StoryStatusBadge } from '../../stories/components/badges';
import { SectionCard } from '../../stories/components/section-card';
import { CreditModal, FollowUpModal, MoveModelModal, ReplicationModal, RevokeModal } from '../components/model-modals';

const route = getRouteApi('/app/mo-hinh/$modelId');

type Dialog = { kind: 'edit' } | { kind: 'move'; to: ModelStage } | { kind: 'followUp' } | { kind: 'replication' } | { kind: 'credit' } | { kind: 'revoke'; what: 'replications' | 'credits'; itemId: number } | null;

/** `/mo-hinh/:id`: the entry, its stages with dates, the fostering plan and its follow-up, the replicating units and the credits. */
export function ModelPage() {
  const t = useT();
  const { modelId } = route.useParams();
  const model = useModel(modelId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const m = model.data;
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/mo-hinh" size="sm">
          ← {t('web.models.page.back')}
        </AnchorLink>
      </div>
      <ErrorAlert error={model.error} />
      {model.isPending && <LoadingBlock />}
      {m && (
        <>
          <Header m={m} onAction={setDialog} />
          <Progress m={m} />
          <Details m={m} />
          <Plan m={m} />
          <Replications m={m} onAction={setDialog} />
          <Credits m={m} onAction={setDialog} />
          <Stories m={m} />
          <FollowUpTimeline m={m} />
        </>
      )}
      {m && dialog?.kind === 'edit' && <ModelFormModal model={m} defaultOrgId={m.orgId} onClose={close} onSaved={close} />}
      {m && dialog?.kind === 'move' && <MoveModelModal model={m} to={dialog.to} onClose={close} />}
      {m && dialog?.kind === 'followUp' && <FollowUpModal model={m} onClose={close} />}
      {m && dialog?.kind === 'replication' && <ReplicationModal model={m} onClose={close} />}
      {m && dialog?.kind === 'credit' && <CreditModal model={m} onClose={close} />}
      {m && dialog?.kind === 'revoke' && <RevokeModal model={m} what={dialog.what} itemId={dialog.itemId} onClose={close} />}
    </Stack>
  );
}

function Header({ m, onAction }: { m: ModelDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const can = (ability: string) => m.abilities.includes(ability);
  // From a closed entry the only move is back to the stage it was closed from.
  const moves = can('model.move') ? (m.stage === 'CLOSED' ? (m.closedFrom ? [m.closedFrom] : []) : movesFrom(m.stage)) : [];
  return (
    <PageHeader
      title={m.name}
      description={`${t(`web.models.kind.${m.kind}`)} · ${m.orgName}`}
      actions={
        <Group gap="sm">
          {moves.map((to) =>
            m.stage === 'CLOSED' ? (
              <Button key={to} leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => onAction({ kind: 'move', to })} data-testid="model-reopen">
                {t('web.models.action.reopen')}
              </Button>
            ) : to === 'CLOSED' ? (
              <Button key={to} variant="outline" color="red.9" leftSection={<IconBan size={16} aria-hidden />} onClick={() => onAction({ kind: 'move', to })} data-testid="model-close">
                {t('web.models.action.to.CLOSED')}
              </Button>
            ) : (
              <Button key={to} leftSection={<IconArrowRight size={16} aria-hidden />} onClick={() => onAction({ kind: 'move', to })} data-testid="model-move" data-to={to}>
                {t(`web.models.action.to.${to as 'FOSTERING' | 'RECOGNISED' | 'REPLICATED'}`)}
              </Button>
            ),
          )}
          {can('model.followUp') && m.stage === 'FOSTERING' && (
            <Button variant="default" leftSection={<IconCalendarCheck size={16} aria-hidden />} onClick={() => onAction({ kind: 'followUp' })} data-testid="model-follow-up-add">
              {t('web.models.action.followUp')}
            </Button>
          )}
          {can('model.update') && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onAction({ kind: 'edit' })} data-testid="model-edit">
              {t('web.models.action.edit')}
            </Button>
          )}
        </Group>
      }
    />
  );
}

function Progress({ m }: { m: ModelDto }) {
  const t = useT();
  const isMobile = useIsMobile();
  const reached = m.stage === 'CLOSED' ? (m.closedFrom ?? 'DISCOVERED') : m.stage;
  const active = PROGRESS_STAGES.indexOf(reached as (typeof PROGRESS_STAGES)[number]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="model-progress-heading">
      <Stack gap="sm">
        <Group gap="xs" justify="space-between">
          <Title order={2} size="h4" id="model-progress-heading">
            {t('web.models.page.progress')}
          </Title>
          <Group gap="xs">
            <ModelStageBadge stage={m.stage} />
            <FollowUpBadge followUp={m.followUp} />
          </Group>
        </Group>
        <Stepper active={active + 1} size="xs" orientation={isMobile ? 'vertical' : 'horizontal'} allowNextStepsSelect={false} aria-label={t('web.models.page.progress')} data-testid="model-stepper">
          {PROGRESS_STAGES.map((s) => (
            <Stepper.Step key={s} label={t(`web.models.stage.${s}`)} description={m.stageDates[s] ? formatDate(m.stageDates[s]) : t('web.models.page.notYet')} data-testid="model-step" data-stage={s} />
          ))}
        </Stepper>
        {m.stage === 'CLOSED' && m.closedOn && (
          <Alert color="gray" data-testid="model-closed">
            {t('web.models.page.closed', { date: formatDate(m.closedOn), reason: m.closedReason ?? '' })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Details({ m }: { m: ModelDto }) {
  const t = useT();
  const facts: [string, string][] = [
    [t('web.models.field.subject'), m.subjectName ?? '—'],
    [t('web.models.field.responsible'), m.responsibleOrgName],
    [t('web.models.field.fieldOfWork'), m.field ?? '—'],
    [t('web.models.field.movement'), m.movementTitle ?? '—'],
    [t('web.models.field.discoveredOn'), formatDate(m.discoveredOn)],
    [t('web.models.field.recognisedOn'), m.recognisedOn ? `${formatDate(m.recognisedOn)}${m.decisionNumber ? ` · ${t('web.models.page.decision', { number: m.decisionNumber })}` : ''}` : '—'],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="model-details-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="model-details-heading">
          {t('web.models.page.details')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="model-description">
          {m.description}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          {facts.map(([label, value]) => (
            <Stack key={label} gap={2}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Plan({ m }: { m: ModelDto }) {
  const t = useT();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="model-plan-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="model-plan-heading">
          {t('web.models.page.plan')}
        </Title>
        {m.fosteringPlan ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="model-plan">
            {m.fosteringPlan}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" data-testid="model-plan-none">
            {t('web.models.page.noPlan')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Replications({ m, onAction }: { m: ModelDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const manages = m.abilities.includes('model.update');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="model-replications-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="model-replications-heading">
            {t('web.models.page.replications')}
          </Title>
          {m.abilities.includes('model.replicate') && (
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onAction({ kind: 'replication' })} data-testid="model-replication-add">
              {t('web.models.action.addReplication')}
            </Button>
          )}
        </Group>
        {m.replications.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('web.models.page.noReplications')}
          </Text>
        )}
        {m.replications.map((r) => (
          <Group key={r.id} justify="space-between" gap="xs" wrap="nowrap" align="flex-start" data-testid="model-replication" data-status={r.status}>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} td={r.status === 'REVOKED' ? 'line-through' : undefined} style={{ wordBreak: 'break-word' }}>
                {r.orgName}
              </Text>
              <Text size="xs" c="dimmed">
                {t('web.models.page.since', { date: formatDate(r.startedOn) })}
                {r.note ? ` · ${r.note}` : ''}
              </Text>
              {r.revokedReason && <Text size="xs">{t('web.models.page.revoked', { reason: r.revokedReason })}</Text>}
            </Stack>
            {manages && r.status === 'ACTIVE' && (
              <Button size="xs" variant="outline" color="red.9" onClick={() => onAction({ kind: 'revoke', what: 'replications', itemId: r.id })} data-testid="model-replication-revoke">
                {t('web.models.action.revoke')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function Credits({ m, onAction }: { m: ModelDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const manages = m.abilities.includes('model.credit');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="model-credits-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="model-credits-heading">
            {t('web.models.page.credits')}
          </Title>
          {manages && (
            <Button size="xs" variant="default" leftSection={<IconUserStar size={14} aria-hidden />} onClick={() => onAction({ kind: 'credit' })} data-testid="model-credit-add">
              {t('web.models.action.addCredit')}
            </Button>
          )}
        </Group>
        {m.credits.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('web.models.page.noCredits')}
          </Text>
        )}
        {m.credits.map((c) => (
          <Group key={c.id} justify="space-between" gap="xs" wrap="nowrap" align="flex-start" data-testid="model-credit" data-status={c.status}>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text size="sm" fw={500} td={c.status === 'REVOKED' ? 'line-through' : undefined}>
                  {c.name}
                </Text>
                <Badge variant="outline" color="gray.9" style={{ textTransform: 'none' }}>
                  {t(`web.models.credit.${c.role}`)}
                </Badge>
              </Group>
              {c.note && <Text size="xs">{c.note}</Text>}
              {c.revokedReason && <Text size="xs">{t('web.models.page.revoked', { reason: c.revokedReason })}</Text>}
            </Stack>
            {manages && c.status === 'ACTIVE' && (
              <Button size="xs" variant="outline" color="red.9" onClick={() => onAction({ kind: 'revoke', what: 'credits', itemId: c.id })} data-testid="model-credit-revoke">
                {t('web.models.action.revoke')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** The stories written about the entry (those the reader may open), each with its status and link. */
function Stories({ m }: { m: ModelDto }) {
  const t = useT();
  return (
    <SectionCard id="model-stories" title={t('web.models.page.stories')}>
      {m.stories.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('web.models.stories.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" aria-label={t('web.models.stories.caption')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {m.stories.map((s) => (
            <Group component="li" key={s.id} justify="space-between" gap="xs" wrap="wrap" data-testid="model-story" data-status={s.status}>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <AnchorLink to="/guong-dien-hinh/$storyId" params={{ storyId: s.id }} size="sm" fw={500}>
                  {s.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {s.orgName}
                </Text>
              </Stack>
              <StoryStatusBadge status={s.status} />
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function FollowUpTimeline({ m }: { m: ModelDto }) {
  const t = useT();
  const title = (e: ModelDto['events'][number]) => {
    if (e.action === 'stage' && e.fromStage && e.toStage) {
      return t('web.models.event.stage', { from: t(`web.models.stage.${e.fromStage as ModelStage}`), to: t(`web.models.stage.${e.toStage as ModelStage}`) });
    }
    const key = `web.models.event.${e.action}`;
    return hasMessage(key) ? t(key) : e.action;
  };
  return (
    <SectionCard id="model-timeline" title={t('web.models.page.timeline')}>
      <Timeline bulletSize={14} lineWidth={2} active={m.events.length - 1}>
        {m.events.map((e) => (
          <Timeline.Item key={e.id} title={title(e)} data-testid="model-event" data-action={e.action}>
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)} · {e.actorName ?? t('web.models.page.system')}
            </Text>
            {e.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {e.note}
              </Text>
            )}
            {e.nextOn && (
              <Text size="sm" fw={500}>
                {t('web.models.page.nextOn', { date: formatDate(e.nextOn) })}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </SectionCard>
  );
}
