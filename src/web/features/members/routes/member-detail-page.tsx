import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { getRouteApi, useCanGoBack, useRouter } from '@tanstack/react-router';
import { IconArrowLeft, IconArrowsExchange, IconAward, IconListCheck, IconPencil, IconUserMinus } from '@tabler/icons-react';
import { ButtonLink } from '../../../components/ui/links';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useMember } from '../api/get-member';
import { MemberProfile } from '../components/member-profile';
import { MemberHistory } from '../components/member-history';
import { MemberFormModal } from '../components/member-form-modal';
import { TransferMemberModal } from '../components/transfer-member-modal';
import { LeaveMemberModal } from '../components/leave-member-modal';

const route = getRouteApi('/app/doan-vien/$memberId');

type ModalKind = 'edit' | 'transfer' | 'leave';

export function MemberDetailPage() {
  const t = useT();
  const { memberId } = route.useParams();
  const router = useRouter();
  const canGoBack = useCanGoBack();
  const member = useMember(memberId);
  const [modal, setModal] = useState<ModalKind | null>(null);
  const close = () => setModal(null);

  // Back to the list the user came from, filters and page included.
  const back = (
    <Anchor
      href="/doan-vien"
      size="sm"
      onClick={(event) => {
        event.preventDefault();
        if (canGoBack) router.history.back();
        else void router.navigate({ to: '/doan-vien' });
      }}
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('web.members.backToList')}
      </Group>
    </Anchor>
  );

  if (member.isPending) return <LoadingBlock />;
  if (member.error) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={member.error} />
      </Stack>
    );
  }
  const m = member.data;
  const can = (ability: string) => hasAbility(m, ability);

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        documentTitle={m.fullName}
        title={
          <Group gap="sm" component="span">
            {m.fullName}
            <Badge variant="light" color={m.status === 'ACTIVE' ? 'teal' : 'gray'}>
              {t(`memberStatus.${m.status}`)}
            </Badge>
          </Group>
        }
        description={
          <Text component="span" size="sm">
            {t('web.members.codeLine', { code: m.memberCode })}
            {m.orgName ? ` · ${m.orgName}` : ''}
          </Text>
        }
        actions={
          <>
            <ButtonLink to="/doan-vien/$memberId/ho-so" params={{ memberId: m.id }} variant="light" leftSection={<IconAward size={16} aria-hidden />} data-testid="member-records-link">
              {t('web.records.title')}
            </ButtonLink>
            <ButtonLink to="/doan-vien/$memberId/xet-dieu-kien" params={{ memberId: m.id }} variant="light" leftSection={<IconListCheck size={16} aria-hidden />} data-testid="member-eligibility-link">
              {t('web.elig.member.link')}
            </ButtonLink>
            {can('member.update') && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setModal('edit')}>
                {t('web.common.edit')}
              </Button>
            )}
            {can('member.transfer') && (
              <Button variant="default" leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => setModal('transfer')}>
                {t('web.members.transfer.action')}
              </Button>
            )}
            {can('member.leave') && (
              <Button variant="outline" color="red" leftSection={<IconUserMinus size={16} aria-hidden />} onClick={() => setModal('leave')}>
                {t('web.members.leave.action')}
              </Button>
            )}
          </>
        }
      />
      <MemberProfile member={m} />
      <MemberHistory member={m} />
      {modal === 'edit' && <MemberFormModal mode="edit" member={m} onClose={close} onSaved={close} />}
      {modal === 'transfer' && <TransferMemberModal member={m} onClose={close} />}
      {modal === 'leave' && <LeaveMemberModal member={m} onClose={close} />}
    </Stack>
  );
}
