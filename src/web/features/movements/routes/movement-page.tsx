import { useState } from 'react';
import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconEdit, IconFileTypeDocx, IconFlag, IconPlayerPlay, IconClipboardCheck } from '@tabler/icons-react';
import type { MovementDetailDto } from '../../../../contracts/movements';
import { TRANSITIONS } from '../../../../domain/movements/movement-rules';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { hasAbility } from '../../../lib/session';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { movementSummaryUrl, useMovement } from '../api/movements';
import { MovementStatusBadge } from '../components/movement-table';
import { MovementStepper } from '../components/movement-stepper';
import { LaunchMovementModal } from '../components/launch-modal';
import { StepMovementModal, type StepStatus } from '../components/step-modal';

const route = getRouteApi('/app/phong-trao/$movementId');

const STEP_ABILITY: Record<StepStatus, string> = {
  IN_PROGRESS: 'movement.progress',
  MID_REVIEW: 'movement.midReview',
  FINAL_REVIEW: 'movement.finalReview',
  CLOSED: 'movement.close',
};

function Figures({ m }: { m: MovementDetailDto }) {
  const t = useT();
  const f = m.figures;
  if (!f) return null;
  const cells: [string, number, string][] = [
    [t('web.movements.figures.asked'), f.asked, 'blue'],
    [t('web.movements.figures.onTime'), f.onTime, 'teal'],
    [t('web.movements.figures.late'), f.late, 'orange'],
    [t('web.movements.figures.missing'), f.missing, 'red'],
  ];
  return (
    <Paper withBorder p="md" data-testid="movement-figures">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">{t('web.movements.figures')}</Title>
          <Text size="sm" c="dimmed">{t('web.movements.figures.deadline', { date: formatDate(f.deadline) })}</Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {cells.map(([label, n, color]) => (
            <Stack key={label} gap={0} align="center">
              <Text size="xl" fw={700} c={color}>{n}</Text>
              <Text size="xs">{label}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {f.registrations.map((r) => (
          <Text key={r.awardCode} size="sm">
            {t('web.movements.figures.registrations', { award: r.awardName, submitted: r.submitted, approved: r.approved, returned: r.returned })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** `/phong-trao/:id`: where the movement stands, its criteria and awards, the figures, and the next step. */
export function MovementPage() {
  const t = useT();
  const { movementId } = route.useParams();
  const movement = useMovement(movementId);
  const [launching, setLaunching] = useState(false);
  const [stepping, setStepping] = useState<StepStatus | null>(null);

  const back = (
    <AnchorLink to="/phong-trao" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.movements.back')}
    </AnchorLink>
  );
  if (movement.isPending) return <LoadingBlock />;
  if (movement.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={movement.error} />
      </Stack>
    );
  }
  const m = movement.data;
  const next = TRANSITIONS[m.status].filter((s): s is StepStatus => s !== 'LAUNCHED' && hasAbility(m, STEP_ABILITY[s as StepStatus]));
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={m.title}
        description={
          <Group gap="xs">
            <MovementStatusBadge status={m.status} />
            <Badge variant="outline" style={{ textTransform: 'none' }}>{t(`movement.kind.${m.kind}`)}</Badge>
            <Text size="sm">{m.orgName} · {formatDate(m.startsOn)} – {formatDate(m.endsOn)}</Text>
          </Group>
        }
        actions={
          <>
            {hasAbility(m, 'movement.summary') && (
              <Button component="a" href={movementSummaryUrl(m.id)} download variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />} data-testid="movement-download">
                {t('web.movements.download')}
              </Button>
            )}
            {hasAbility(m, 'movement.register') && (
              <ButtonLink to="/dang-ky/moi" search={{ movementId: m.id, year: m.year }} leftSection={<IconClipboardCheck size={16} aria-hidden />} data-testid="movement-register">
                {t('web.movements.register')}
              </ButtonLink>
            )}
            {hasAbility(m, 'movement.update') && (
              <ButtonLink to="/phong-trao/$movementId/sua" params={{ movementId: m.id }} variant="default" leftSection={<IconEdit size={16} aria-hidden />} data-testid="movement-edit">
                {t('web.movements.edit')}
              </ButtonLink>
            )}
            {hasAbility(m, 'movement.launch') && (
              <Button leftSection={<IconFlag size={16} aria-hidden />} onClick={() => setLaunching(true)} data-testid="movement-launch">
                {t('web.movements.launch.action')}
              </Button>
            )}
            {next.map((s) => (
              <Button key={s} variant={s === 'CLOSED' ? 'default' : 'filled'} leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => setStepping(s)} data-testid="movement-step" data-step={s}>
                {t(`web.movements.step.${s}`)}
              </Button>
            ))}
          </>
        }
      />
      <Paper withBorder p="md">
        <MovementStepper movement={m} />
      </Paper>
      <Figures m={m} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          {m.slogan && <Text fw={600} fs="italic">“{m.slogan}”</Text>}
          {m.participants && <Text size="sm"><b>{t('web.movements.field.participants')}:</b> {m.participants}</Text>}
          {m.content && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{m.content}</Text>}
          <Title order={2} size="h5">{t('web.movements.field.criteria')}</Title>
          {m.criteria.length === 0 ? (
            <Text size="sm" c="red.9">{t('web.movements.noCriteria')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={320} type="native" tabIndex={0} role="region" aria-label={t('web.movements.field.criteria')}>
              <Table striped data-testid="movement-criteria">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('web.movements.field.criterionText')}</Table.Th>
                    <Table.Th>{t('web.movements.field.criterionMeasure')}</Table.Th>
                    <Table.Th>{t('web.movements.field.criterionTarget')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.criteria.map((c, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{i + 1}. {c.text}</Table.Td>
                      <Table.Td>{c.measure}</Table.Td>
                      <Table.Td>{c.target}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Title order={2} size="h5">{t('web.movements.field.awards')}</Title>
          {m.offeredAwards.length === 0 ? (
            <Text size="sm" c="dimmed">{t('web.movements.noAwards')}</Text>
          ) : (
            <List size="sm" data-testid="movement-awards-list">
              {m.offeredAwards.map((a) => <List.Item key={a.code}>{a.name}</List.Item>)}
            </List>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h5">{t('web.movements.steps')}</Title>
          {m.steps.length === 0 ? (
            <Text size="sm" c="dimmed">{t('web.movements.noSteps')}</Text>
          ) : (
            <Timeline bulletSize={16} lineWidth={2} active={m.steps.length - 1} data-testid="movement-steps">
              {m.steps.map((s) => (
                <Timeline.Item key={s.id} title={`${formatDate(s.onDate)} · ${t(`movement.status.${s.toStatus}`)}`} data-testid="movement-step-row" data-step={s.toStatus}>
                  {s.note && <Text size="sm">{s.note}</Text>}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(s.createdAt)} {s.actorName ? t('web.movements.step.by', { name: s.actorName }) : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      </Paper>
      {launching && <LaunchMovementModal movement={m} onClose={() => setLaunching(false)} />}
      {stepping && <StepMovementModal movement={m} to={stepping} onClose={() => setStepping(null)} />}
    </Stack>
  );
}
