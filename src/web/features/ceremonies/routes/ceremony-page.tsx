import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconCalendarCheck, IconChecklist, IconDownload, IconEdit, IconFileCertificate } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { programmeDocxUrl, recipientsDocxUrl, recipientsXlsxUrl, useCeremony, type CeremonyDto } from '../api/ceremonies';
import { CeremonyStatusBadge } from '../components/badges';
import { CancelCeremonyModal, DecisionsModal, EditCeremonyModal, HeldModal } from '../components/ceremony-modals';
import { ProgrammeSection } from '../components/programme-editor';
import { RecipientsSection } from '../components/recipient-groups';
import { AttendancePanel } from '../components/attendance-panel';

const route = getRouteApi('/app/le-trao-tang/$ceremonyId');

type Dialog = 'edit' | 'decisions' | 'held' | 'cancel' | null;

/** `/le-trao-tang/:id`: the ceremony, its programme, the call order with presenters, downloads, and the attendance mode. */
export function CeremonyPage() {
  const t = useT();
  const { ceremonyId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const ceremony = useCeremony(ceremonyId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const attendance = search.mode === 'attendance';
  const setAttendance = (on: boolean) => void navigate({ search: on ? { mode: 'attendance' } : {}, replace: true });

  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/le-trao-tang" size="sm">
          ← {t('web.ceremonies.page.back')}
        </AnchorLink>
      </div>
      <ErrorAlert error={ceremony.error} />
      {ceremony.isPending && <LoadingBlock />}
      {ceremony.data && <CeremonyHeader c={ceremony.data} onAction={setDialog} onAttendance={() => setAttendance(true)} attendance={attendance} />}
      {ceremony.data && attendance && ceremony.data.abilities.includes('ceremony.attendance') && <AttendancePanel ceremony={ceremony.data} onDone={() => setAttendance(false)} />}
      {ceremony.data && !(attendance && ceremony.data.abilities.includes('ceremony.attendance')) && (
        <>
          <DecisionsSection c={ceremony.data} />
          <ProgrammeSection ceremony={ceremony.data} />
          <RecipientsSection ceremony={ceremony.data} />
        </>
      )}
      {ceremony.data && dialog === 'edit' && <EditCeremonyModal ceremony={ceremony.data} onClose={() => setDialog(null)} />}
      {ceremony.data && dialog === 'decisions' && <DecisionsModal ceremony={ceremony.data} onClose={() => setDialog(null)} />}
      {ceremony.data && dialog === 'held' && <HeldModal ceremony={ceremony.data} onClose={() => setDialog(null)} />}
      {ceremony.data && dialog === 'cancel' && <CancelCeremonyModal ceremony={ceremony.data} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function CeremonyHeader({ c, onAction, onAttendance, attendance }: { c: CeremonyDto; onAction: (d: Dialog) => void; onAttendance: () => void; attendance: boolean }) {
  const t = useT();
  const can = (ability: string) => c.abilities.includes(ability);
  return (
    <Stack gap="sm">
      <PageHeader
        title={c.title}
        actions={
          <Group gap="sm">
            {can('ceremony.attendance') && c.recipients.length > 0 && !attendance && (
              <Button size="md" leftSection={<IconChecklist size={18} aria-hidden />} onClick={onAttendance} data-testid="ceremony-attendance-open">
                {t('web.ceremonies.page.attendance')}
              </Button>
            )}
            {can('ceremony.update') && (
              <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => onAction('edit')} data-testid="ceremony-edit">
                {t('web.ceremonies.page.edit')}
              </Button>
            )}
            {can('ceremony.update') && (
              <Button variant="default" leftSection={<IconFileCertificate size={16} aria-hidden />} onClick={() => onAction('decisions')} data-testid="ceremony-decisions">
                {t('web.ceremonies.page.decisions')}
              </Button>
            )}
            {can('ceremony.hold') && c.recipients.length > 0 && (
              <Button variant="default" leftSection={<IconCalendarCheck size={16} aria-hidden />} onClick={() => onAction('held')} data-testid="ceremony-held">
                {t('web.ceremonies.page.held')}
              </Button>
            )}
            {can('ceremony.cancel') && (
              <Button variant="outline" color="red.9" leftSection={<IconBan size={16} aria-hidden />} onClick={() => onAction('cancel')} data-testid="ceremony-cancel">
                {t('web.ceremonies.page.cancel')}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group gap="xs">
            <CeremonyStatusBadge status={c.status} />
            <Text size="sm">{c.orgName}</Text>
          </Group>
          <Text size="sm" data-testid="ceremony-when">
            {t('web.ceremonies.field.when')}: {formatDateTime(c.heldAt)}
          </Text>
          <Text size="sm" data-testid="ceremony-place">
            {t('web.ceremonies.field.place')}: {c.place}
          </Text>
          {c.note && <Text size="sm">{c.note}</Text>}
          <Text size="sm" data-testid="ceremony-counts">
            {t('web.ceremonies.counts', { total: c.counts.total, received: c.counts.received, proxy: c.counts.proxy, absent: c.counts.absent, pending: c.counts.pending })}
          </Text>
          {c.counts.revoked > 0 && (
            <Text size="sm" c="red.9">
              {t('web.ceremonies.page.revokedLines', { count: c.counts.revoked })}
            </Text>
          )}
          {c.status === 'CANCELLED' && (
            <Alert color="gray" title={t('web.ceremonies.page.cancelled')}>
              {c.cancelledReason}
            </Alert>
          )}
          {c.recipients.length > 0 && (
            <Group gap="xs" mt="xs">
              <Button component="a" href={recipientsDocxUrl(c.id)} variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} data-testid="ceremony-download-list">
                {t('web.ceremonies.download.list')}
              </Button>
              <Button component="a" href={programmeDocxUrl(c.id)} variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} data-testid="ceremony-download-programme">
                {t('web.ceremonies.download.programme')}
              </Button>
              <Button component="a" href={recipientsXlsxUrl(c.id)} variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} data-testid="ceremony-download-xlsx">
                {t('web.ceremonies.download.xlsx')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function DecisionsSection({ c }: { c: CeremonyDto }) {
  const t = useT();
  return (
    <Paper withBorder p="md" data-testid="ceremony-decision-list">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('web.ceremonies.decisions.presented')}
        </Title>
        {c.decisions.length === 0 && <Text c="dimmed">{t('web.ceremonies.decisions.noneChosen')}</Text>}
        {c.decisions.map((d) => (
          <Text key={d.id} size="sm" data-testid="ceremony-decision">
            <Text span fw={600}>
              {d.numberText ?? `#${d.id}`}
            </Text>{' '}
            {t('web.ceremonies.decisions.line', { date: formatDate(d.signedOn), org: d.orgName, subject: d.subject, count: d.lineCount })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
