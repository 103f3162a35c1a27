import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconBan, IconCheck, IconGavel, IconLink, IconLock, IconArrowBackUp, IconUserShare, IconClockPlus, IconStairsUp } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { hasMessage } from '../../../../contracts/messages';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { useComplaint, type ComplaintDto } from '../api/complaints';
import { BlocksAwardBadge, ComplaintStatusBadge, DeadlineBadge } from '../components/badges';
import { AcceptComplaintModal, CloseComplaintModal, LinkComplaintModal, ResolveComplaintModal } from '../components/complaint-modals';
import { AssignComplaintModal, ExtendDenunciationModal, RevokeDocumentModal, SecondInstanceModal, UploadDocumentModal } from '../components/handling-modals';
import { DocumentsSection } from '../components/documents-section';

const route = getRouteApi('/app/khieu-nai/$complaintId');

type Dialog = 'link' | 'accept' | 'resolve' | 'notAccept' | 'withdraw' | 'assign' | 'extend' | 'secondInstance' | 'upload' | { revoke: number } | null;

/** `/khieu-nai/:id`: the letter, whom it is about, its deadlines and history, and the handling steps its reader may take. */
export function ComplaintPage() {
  const t = useT();
  const { complaintId } = route.useParams();
  const complaint = useComplaint(complaintId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const navigate = useNavigate();
  const c = complaint.data;
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/khieu-nai" size="sm">
          ← {t('web.complaints.page.back')}
        </AnchorLink>
      </div>
      <ErrorAlert error={complaint.error} />
      {complaint.isPending && <LoadingBlock />}
      {c && (
        <>
          <Header c={c} onAction={setDialog} />
          <Details c={c} />
          <DocumentsSection c={c} onUpload={() => setDialog('upload')} onRevoke={(id) => setDialog({ revoke: id })} />
          <History c={c} />
        </>
      )}
      {c && dialog === 'link' && <LinkComplaintModal complaint={c} onClose={() => setDialog(null)} />}
      {c && dialog === 'accept' && <AcceptComplaintModal complaint={c} onClose={() => setDialog(null)} />}
      {c && dialog === 'resolve' && <ResolveComplaintModal complaint={c} onClose={() => setDialog(null)} />}
      {c && (dialog === 'notAccept' || dialog === 'withdraw') && <CloseComplaintModal complaint={c} mode={dialog} onClose={() => setDialog(null)} />}
      {c && dialog === 'assign' && <AssignComplaintModal complaint={c} onClose={close} />}
      {c && dialog === 'extend' && <ExtendDenunciationModal complaint={c} onClose={close} />}
      {c && dialog === 'upload' && <UploadDocumentModal complaint={c} onClose={close} />}
      {c && typeof dialog === 'object' && dialog !== null && <RevokeDocumentModal complaint={c} documentId={dialog.revoke} onClose={close} />}
      {c && dialog === 'secondInstance' && (
        <SecondInstanceModal
          complaint={c}
          onClose={close}
          onCreated={(next) => {
            close();
            void navigate({ to: '/khieu-nai/$complaintId', params: { complaintId: next.id } });
          }}
        />
      )}
    </Stack>
  );
}

type Step = 'accept' | 'resolve' | 'secondInstance' | 'assign' | 'extend' | 'link' | 'notAccept' | 'withdraw';

/** The handling steps in the order shown: the ability that allows each, its button's look and test id. */
const STEPS: { step: Step; icon: typeof IconCheck; testId: string; variant?: string; color?: string }[] = [
  { step: 'accept', icon: IconCheck, testId: 'complaint-accept' },
  { step: 'resolve', icon: IconGavel, testId: 'complaint-resolve' },
  { step: 'secondInstance', icon: IconStairsUp, testId: 'complaint-second-instance' },
  { step: 'assign', icon: IconUserShare, testId: 'complaint-assign', variant: 'default' },
  { step: 'extend', icon: IconClockPlus, testId: 'complaint-extend', variant: 'default' },
  { step: 'link', icon: IconLink, testId: 'complaint-link', variant: 'default' },
  { step: 'notAccept', icon: IconBan, testId: 'complaint-not-accept', variant: 'outline', color: 'red.9' },
  { step: 'withdraw', icon: IconArrowBackUp, testId: 'complaint-withdraw', variant: 'outline', color: 'gray.9' },
];

function Header({ c, onAction }: { c: ComplaintDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  return (
    <PageHeader
      title={t('web.complaints.page.title', { code: c.referenceCode })}
      description={`${t(`web.complaints.kind.${c.kind}`)} · ${c.orgName}`}
      actions={
        <Group gap="sm">
          {STEPS.filter((s) => c.abilities.includes(`complaint.${s.step}`)).map(({ step, icon: Icon, testId, variant, color }) => (
            <Button key={step} variant={variant} color={color} leftSection={<Icon size={16} aria-hidden />} onClick={() => onAction(step)} data-testid={testId}>
              {t(`web.complaints.action.${step}`)}
            </Button>
          ))}
        </Group>
      }
    />
  );
}

/** The other instance of the same matter: a line and a link to it. */
function OtherInstance({ id, text, link, testId }: { id: number; text: string; link: string; testId: string }) {
  return (
    <Text size="sm" data-testid={testId}>
      {text}{' '}
      <AnchorLink to="/khieu-nai/$complaintId" params={{ complaintId: id }} size="sm">
        {link}
      </AnchorLink>
    </Text>
  );
}

function Details({ c }: { c: ComplaintDto }) {
  const t = useT();
  const flags = [c.complex && t('web.complaints.page.complexFlag'), c.remote && t('web.complaints.page.remoteFlag')].filter(Boolean).join(', ') || t('web.complaints.page.normalFlag');
  return (
    <>
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group gap="xs">
            <ComplaintStatusBadge status={c.status} />
            <DeadlineBadge resolveBy={c.resolveBy} status={c.status} />
          </Group>
          {c.instance === 2 && c.previousId !== null && <OtherInstance id={c.previousId} text={t('web.complaints.page.secondInstanceOf')} link={t('web.complaints.page.openFirst')} testId="complaint-instance" />}
          {c.nextId !== null && <OtherInstance id={c.nextId} text={t('web.complaints.page.hasSecond')} link={t('web.complaints.page.openSecond')} testId="complaint-next" />}
          <Text size="sm" data-testid="complaint-reference">
            {t('web.complaints.field.reference')}: <Text span fw={600} style={{ wordBreak: 'break-all' }}>{c.referenceCode}</Text>
          </Text>
          <Text size="sm">
            {t('web.complaints.field.receivedOn')}: {formatDate(c.receivedOn)} · {t(`web.complaints.channel.${c.channel}`)}
          </Text>
          {c.learnedOn && (
            <Text size="sm">
              {t('web.complaints.field.learnedOn')}: {formatDate(c.learnedOn)}
            </Text>
          )}
          {/* The 90-day filing limit is the first instance's; a second instance was checked against its window when recorded. */}
          {c.instance === 1 && (
            <Text size="sm" c={c.filedInTime === false ? 'red.9' : undefined} data-testid="complaint-filed-in-time">
              {t(`web.complaints.page.filedInTime.${String(c.filedInTime) as 'true' | 'false' | 'null'}`)}
            </Text>
          )}
          {c.acceptedOn && (
            <Text size="sm">
              {t('web.complaints.page.acceptedOn', { date: formatDate(c.acceptedOn) })} · {t('web.complaints.page.flags', { flags })}
            </Text>
          )}
          {c.resolveBy && (
            <Text size="sm" data-testid="complaint-deadline-source">
              {t('web.complaints.field.deadline')}: {formatDate(c.resolveBy.deadline)}. {t('web.complaints.deadline.source', { days: c.resolveBy.days, source: c.resolveBy.source })}
            </Text>
          )}
          {c.extensions > 0 && <Text size="sm">{t('web.complaints.page.extensions', { n: c.extensions })}</Text>}
          <Text size="sm" data-testid="complaint-assignee">
            {t('web.complaints.field.assignee')}: {c.assignee?.name ?? t('web.complaints.assign.nobody')}
          </Text>
          {c.closedOn && <Text size="sm">{t('web.complaints.page.closedOn', { date: formatDate(c.closedOn) })}</Text>}
          {c.secondInstanceWindow && c.nextId === null && (
            <Text size="sm" data-testid="complaint-second-window-line">
              {t(`web.complaints.second.window.${c.secondInstanceWindow.reason}`, { from: formatDate(c.secondInstanceWindow.opensOn), to: formatDate(c.secondInstanceWindow.closesOn) })}
            </Text>
          )}
          {c.outcome && (
            <Text size="sm" fw={600} data-testid="complaint-outcome">
              {t('web.complaints.page.outcome', { outcome: t(`web.complaints.outcome.${c.outcome}`) })}
            </Text>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="complaint-subject-heading">
        <Stack gap={6}>
          <Title order={2} size="h4" id="complaint-subject-heading">
            {t('web.complaints.field.subject')}
          </Title>
          {c.subject ? (
            <Group gap="xs">
              <Text size="sm" fw={500} data-testid="complaint-subject">
                {c.subject.name}
              </Text>
              {c.blocksAward && <BlocksAwardBadge />}
            </Group>
          ) : (
            <Text size="sm" c="dimmed" data-testid="complaint-subject-none">
              {t('web.complaints.page.noSubject')}
            </Text>
          )}
          {c.blocksAward && <Text size="sm">{t('web.complaints.page.blocksHint')}</Text>}
          {c.decisionNumber && c.decisionId !== null && (
            <AnchorLink to="/quyet-dinh/$decisionId" params={{ decisionId: c.decisionId }} size="sm" data-testid="complaint-decision">
              {t('web.complaints.page.decision', { number: c.decisionNumber })}
            </AnchorLink>
          )}
          {c.nominationId !== null && (
            <AnchorLink to="/de-nghi/ho-so/$nominationId" params={{ nominationId: c.nominationId }} size="sm" data-testid="complaint-nomination">
              {t('web.complaints.page.nomination', { id: c.nominationId })}
            </AnchorLink>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="complaint-writer-heading">
        <Stack gap={6}>
          <Title order={2} size="h4" id="complaint-writer-heading">
            {t('web.complaints.page.writer')}
          </Title>
          {c.complainant ? (
            <Stack gap={2} data-testid="complaint-writer">
              <Text size="sm" fw={500}>
                {c.complainant.name}
              </Text>
              <Text size="sm">{c.complainant.contact}</Text>
              {c.complainant.address && <Text size="sm">{c.complainant.address}</Text>}
            </Stack>
          ) : (
            <Alert color="gray" icon={<IconLock size={18} aria-hidden />} data-testid="complaint-writer-hidden">
              {t('web.complaints.page.writerHidden')}
            </Alert>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="complaint-content-heading">
        <Stack gap={6}>
          <Title order={2} size="h4" id="complaint-content-heading">
            {t('web.complaints.field.content')}
          </Title>
          {/* Plain text: whatever the writer typed is shown as typed, never interpreted as markup. */}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="complaint-content">
            {c.content}
          </Text>
          {c.resolution && (
            <>
              <Title order={3} size="h5" mt="sm">
                {t('web.complaints.page.resolution')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="complaint-resolution">
                {c.resolution}
              </Text>
            </>
          )}
        </Stack>
      </Paper>
    </>
  );
}

function History({ c }: { c: ComplaintDto }) {
  const t = useT();
  const actionName = (action: string) => {
    const key = `web.complaints.event.${action}`;
    return hasMessage(key) ? t(key) : action;
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="complaint-history-heading" data-testid="complaint-history">
      <Stack gap="sm">
        <Title order={2} size="h4" id="complaint-history-heading">
          {t('web.complaints.page.history')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={c.events.length - 1}>
          {c.events.map((e, i) => (
            <Timeline.Item key={`${e.at}-${i}`} title={actionName(e.action)} data-testid="complaint-event" data-action={e.action}>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)} · {e.actorName ?? t('web.complaints.page.system')}
              </Text>
              {e.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {e.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
