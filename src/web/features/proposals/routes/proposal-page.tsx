import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconFileText, IconLink, IconStar } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { useProposal, type ProposalDto } from '../api/proposals';
import { ProposalStatusBadge } from '../components/proposal-fields';
import { DeclineModal, LinkPersonModal, NominationModal, StoryModal } from '../components/review-modals';

const route = getRouteApi('/app/de-xuat-nguoi-tot/$proposalId');

type Dialog = 'link' | 'story' | 'nominate' | 'decline' | null;

/** `/de-xuat-nguoi-tot/:id`: the proposal, its story, and the review steps its reader may take. */
export function ProposalPage() {
  const t = useT();
  const { proposalId } = route.useParams();
  const proposal = useProposal(proposalId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const p = proposal.data;
  const close = () => setDialog(null);
  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/de-xuat-nguoi-tot" size="sm">
          ← {t('web.proposals.page.back')}
        </AnchorLink>
      </div>
      <ErrorAlert error={proposal.error} />
      {proposal.isPending && <LoadingBlock />}
      {p && (
        <>
          <Header p={p} onAction={setDialog} />
          <Details p={p} />
        </>
      )}
      {p && dialog === 'link' && <LinkPersonModal proposal={p} onClose={close} />}
      {p && dialog === 'story' && <StoryModal proposal={p} onClose={close} />}
      {p && dialog === 'nominate' && <NominationModal proposal={p} onClose={close} />}
      {p && dialog === 'decline' && <DeclineModal proposal={p} onClose={close} />}
    </Stack>
  );
}

function Header({ p, onAction }: { p: ProposalDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const can = (ability: string) => p.abilities.includes(ability);
  return (
    <PageHeader
      title={t('web.proposals.page.title', { name: p.subjectName })}
      description={`${p.referenceCode} · ${p.orgName}`}
      actions={
        <Group gap="sm">
          {can('proposal.story') && (
            <Button leftSection={<IconStar size={16} aria-hidden />} onClick={() => onAction('story')} data-testid="proposal-story">
              {t('web.proposals.action.story')}
            </Button>
          )}
          {can('proposal.nominate') && (
            <Button variant="default" leftSection={<IconFileText size={16} aria-hidden />} onClick={() => onAction('nominate')} data-testid="proposal-nominate">
              {t('web.proposals.action.nominate')}
            </Button>
          )}
          {can('proposal.link') && (
            <Button variant="default" leftSection={<IconLink size={16} aria-hidden />} onClick={() => onAction('link')} data-testid="proposal-link">
              {t('web.proposals.action.link')}
            </Button>
          )}
          {can('proposal.decline') && (
            <Button variant="outline" color="red.9" leftSection={<IconBan size={16} aria-hidden />} onClick={() => onAction('decline')} data-testid="proposal-decline">
              {t('web.proposals.action.decline')}
            </Button>
          )}
        </Group>
      }
    />
  );
}

function Details({ p }: { p: ProposalDto }) {
  const t = useT();
  return (
    <>
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group gap="xs">
            <ProposalStatusBadge status={p.status} />
          </Group>
          <Text size="sm">
            {t('web.proposals.field.receivedOn')}: {formatDate(p.receivedOn)} · {t(`web.proposals.channel.${p.channel}`)}
          </Text>
          <Text size="sm" data-testid="proposal-proposer">
            {t('web.proposals.field.proposer')}: {p.proposer.name}
            {p.proposer.contact ? ` · ${p.proposer.contact}` : ''}
          </Text>
          {p.proposer.contact === null && (
            <Text size="xs" c="dimmed">
              {t('web.proposals.page.contactHidden')}
            </Text>
          )}
          <Text size="sm">
            {t('web.proposals.field.subjectUnit')}: {p.subjectUnit ?? '—'}
          </Text>
          <Text size="sm" data-testid="proposal-person">
            {t('web.proposals.field.person')}: {p.person?.name ?? t('web.proposals.page.noPerson')}
          </Text>
          {p.storyId !== null && (
            <Text size="sm">
              <AnchorLink to="/guong-dien-hinh/$storyId" params={{ storyId: p.storyId }} data-testid="proposal-story-link">
                {t('web.proposals.page.storyLink')}
              </AnchorLink>
            </Text>
          )}
          {p.nominationId !== null && (
            <Text size="sm">
              <AnchorLink to="/de-nghi/ho-so/$nominationId" params={{ nominationId: p.nominationId }} data-testid="proposal-nomination-link">
                {t('web.proposals.page.nominationLink')}
              </AnchorLink>
            </Text>
          )}
          {p.status === 'DECLINED' && (
            <Text size="sm" data-testid="proposal-review-note">
              {t('web.proposals.page.declined', { reason: p.reviewNote ?? '' })}
            </Text>
          )}
          {p.reviewedAt && (
            <Text size="xs" c="dimmed">
              {t('web.proposals.page.reviewedAt', { at: formatDateTime(p.reviewedAt) })}
            </Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} fz="h4">
            {t('web.proposals.field.story')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="proposal-story-text">
            {p.story}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
