import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconHeartHandshake, IconInfoCircle } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { RecordsTimeline } from '../../records/components/records-timeline';
import { ProposalStatusBadge } from '../../proposals/components/proposal-fields';
import { myCertificateUrl, useMyRecord, type MyAward, type MyRecord } from '../api/me';
import { ProposeModal } from '../components/propose-modal';

type Registration = MyRecord['registrations'][number];
type Proposal = MyRecord['proposals'][number];
type Membership = MyRecord['memberships'][number];

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** A section holding one list (a table, cards on a phone); `name` prefixes the test ids. */
function ListSection<T>({ title, name, columns, rows, rowKey, empty, children }: { title: string; name: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => number; empty: string; children?: ReactNode }) {
  return (
    <Section title={title} testId={`me-${name}s`}>
      <ResponsiveTable caption={title} columns={columns} rows={rows} rowKey={rowKey} empty={<Text component="span">{empty}</Text>} testId={`me-${name}-table`} rowTestId={`me-${name}-row`} />
      {children}
    </Section>
  );
}

/** `/cua-toi`: the logged-in member's own record — awards with their certificates, records, registrations and proposals. */
export function MyRecordPage() {
  const t = useT();
  const record = useMyRecord();
  const [proposing, setProposing] = useState(false);
  const [history, setHistory] = useState(false);
  const r = record.data;

  const awardColumns: Column<MyAward>[] = [
    {
      key: 'award',
      header: t('web.me.award.name'),
      primary: true,
      cell: (a) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm" fw={500} span>
            {a.awardName}
          </Text>
          {a.revoked && (
            <Badge color="red.9" variant="outline" style={{ textTransform: 'none' }} data-testid="me-award-revoked">
              {t('web.me.award.revoked')}
            </Badge>
          )}
        </Stack>
      ),
    },
    { key: 'achievement', header: t('web.me.award.achievement'), cell: (a) => a.achievement },
    { key: 'decision', header: t('web.me.award.decision'), cell: (a) => t('web.me.award.decisionLine', { number: a.decisionNumber, date: formatDate(a.decisionDate), issuer: a.issuerName }) },
    {
      key: 'certificate',
      header: t('web.me.award.certificate'),
      cell: (a) =>
        a.serial ? (
          <Stack gap={4} align="flex-start">
            <Text size="xs" ff="monospace" span>
              {a.serial}
            </Text>
            <Group gap="xs">
              {!a.revoked && (
                <Button component="a" href={myCertificateUrl(a.serial)} size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} data-testid="me-certificate-download">
                  {t('web.me.award.download')}
                </Button>
              )}
              <AnchorLink to="/verify/$serial" params={{ serial: a.serial }} size="sm" data-testid="me-certificate-verify">
                {t('web.me.award.verify')}
              </AnchorLink>
            </Group>
          </Stack>
        ) : (
          '—'
        ),
    },
  ];
  const registrationColumns: Column<Registration>[] = [
    { key: 'award', header: t('web.me.registration.award'), primary: true, cell: (x) => x.awardName },
    { key: 'year', header: t('web.me.registration.year'), cell: (x) => String(x.year) },
    { key: 'unit', header: t('web.me.registration.unit'), cell: (x) => x.unitName },
    { key: 'status', header: t('web.me.registration.status'), cell: (x) => t(`web.registrations.review.${x.reviewStatus}`) },
  ];
  const membershipColumns: Column<Membership>[] = [
    { key: 'unit', header: t('web.me.membership.unit'), primary: true, cell: (m) => m.orgName },
    { key: 'from', header: t('web.me.membership.from'), cell: (m) => formatDate(m.validFrom) },
    { key: 'to', header: t('web.me.membership.to'), cell: (m) => (m.validTo ? `${formatDate(m.validTo)}${m.endReason ? ` · ${t(`membershipEnd.${m.endReason}`)}` : ''}` : t('web.me.membership.current')) },
  ];
  const proposalColumns: Column<Proposal>[] = [
    { key: 'subject', header: t('web.proposals.field.subjectName'), primary: true, cell: (x) => x.subjectName },
    { key: 'code', header: t('web.me.proposal.code'), cell: (x) => <Text size="sm" ff="monospace" span>{x.referenceCode}</Text> },
    { key: 'received', header: t('web.proposals.field.receivedOn'), cell: (x) => formatDate(x.receivedOn) },
    { key: 'status', header: t('web.proposals.field.status'), cell: (x) => <ProposalStatusBadge status={x.status} testId="me-proposal-status" /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.me.title')}
        description={r?.person ? t('web.me.subtitle', { name: r.person.fullName, unit: r.person.unitName ?? '—' }) : t('web.me.description')}
        actions={
          r?.hasPerson && (
            <Button size="md" leftSection={<IconHeartHandshake size={18} aria-hidden />} onClick={() => setProposing(true)} data-testid="me-propose">
              {t('web.me.propose.action')}
            </Button>
          )
        }
      />
      <ErrorAlert error={record.error} />
      {record.isPending && <LoadingBlock />}
      {r && !r.hasPerson && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="me-no-person">
          {t('web.me.noPerson')}
        </Alert>
      )}
      {r?.person && (
        <>
          <ListSection title={t('web.me.section.awards')} name="award" columns={awardColumns} rows={r.awards} rowKey={(a) => a.decisionItemId} empty={t('web.me.award.empty')} />
          <Section title={t('web.me.section.records')} testId="me-records">
            <RecordsTimeline subject={{ type: 'PERSON', id: r.person.id }} canAdd={false} includeHistory={history} onIncludeHistoryChange={setHistory} />
          </Section>
          <ListSection title={t('web.me.section.memberships')} name="membership" columns={membershipColumns} rows={r.memberships} rowKey={(m) => Date.parse(m.validFrom) + m.orgId} empty={t('web.me.membership.empty')} />
          <ListSection title={t('web.me.section.registrations')} name="registration" columns={registrationColumns} rows={r.registrations} rowKey={(x) => x.id} empty={t('web.me.registration.empty')} />
          <ListSection title={t('web.me.section.proposals')} name="proposal" columns={proposalColumns} rows={r.proposals} rowKey={(x) => x.id} empty={t('web.me.proposal.empty')}>
            {r.credits.length > 0 && (
              <Stack gap={4} data-testid="me-credits">
                <Text size="sm" fw={500}>
                  {t('web.me.credit.title')}
                </Text>
                {r.credits.map((c, i) => (
                  <Text size="sm" key={`${c.storyId ?? 'x'}-${i}`}>
                    {t('web.me.credit.line', { title: c.title ?? '—', role: t(`web.me.credit.role.${c.role as 'DISCOVERED' | 'WROTE' | 'PUBLICISED' | 'FOSTERED'}`), date: formatDate(c.at.slice(0, 10)) })}
                  </Text>
                ))}
              </Stack>
            )}
          </ListSection>
        </>
      )}
      {proposing && <ProposeModal onClose={() => setProposing(false)} />}
    </Stack>
  );
}
