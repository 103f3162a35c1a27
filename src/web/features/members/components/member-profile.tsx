import type { ReactNode } from 'react';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { MemberDetail } from '../../../../contracts/members';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

/** Personal information (CCCD only arrives for users allowed to edit the member). */
export function MemberProfile({ member: m }: { member: MemberDetail }) {
  const t = useT();
  const yesNo = (value: boolean) => (value ? t('web.common.yes') : t('web.common.no'));
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {t('web.members.profile')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="dl" m={0}>
        <Field label={t('web.members.field.fullName')}>{m.fullName}</Field>
        <Field label={t('web.members.field.code')}>{m.memberCode}</Field>
        <Field label={t('web.members.field.gender')}>{t(`gender.${m.gender}`)}</Field>
        <Field label={t('web.members.field.birthDate')}>{formatDate(m.birthDate)}</Field>
        {m.cccd !== null && <Field label={t('web.members.field.cccd')}>{m.cccd}</Field>}
        <Field label={t('web.members.field.ethnicity')}>{m.ethnicity}</Field>
        <Field label={t('web.members.field.phone')}>{m.phone}</Field>
        <Field label={t('web.members.field.email')}>{m.email}</Field>
        <Field label={t('web.members.field.joinedUnionOn')}>{formatDate(m.joinedUnionOn)}</Field>
        <Field label={t('web.members.field.position')}>{m.position}</Field>
        <Field label={t('web.members.field.isLeader')}>{yesNo(m.isLeader)}</Field>
        <Field label={t('web.members.field.isDirectWorker')}>{yesNo(m.isDirectWorker)}</Field>
        <Field label={t('web.members.field.unit')}>
          {m.orgId !== null && m.orgName ? (
            <AnchorLink to="/to-chuc/$orgId" params={{ orgId: m.orgId }} size="sm">
              {m.orgName}
            </AnchorLink>
          ) : null}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}
