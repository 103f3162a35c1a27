import { useState } from 'react';
import { SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { COUNCIL_ROLES, type CouncilMemberDto, type CouncilRole } from '../../../../contracts/councils';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { ReasonField } from '../../../components/ui/reason-field';
import { useAddCouncilMember, useDeclareRelation, useEndCouncilMember, type CouncilDto } from '../api/councils';
import { PersonPicker } from '../../../components/ui/person-picker';

/** "Thêm thành viên": a person, their role in the council and their office. */
export function AddMemberModal({ council, onClose }: { council: CouncilDto; onClose: () => void }) {
  const t = useT();
  const add = useAddCouncilMember(council.id);
  const [personId, setPersonId] = useState<number | null>(null);
  const [role, setRole] = useState<CouncilRole>('MEMBER');
  const [title, setTitle] = useState('');
  const [joinedOn, setJoinedOn] = useState<string | null>(todayIso());
  const [invalid, setInvalid] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.councils.members.addTitle')}
      submitLabel={t('web.councils.members.addSubmit')}
      onClose={onClose}
      submitting={add.isPending}
      error={add.error}
      validate={() => {
        setInvalid(personId === null ? t('web.councils.members.personRequired') : undefined);
        return personId !== null;
      }}
      onSubmit={() => personId !== null && add.mutate({ personId, role, title: title.trim() || null, joinedOn: joinedOn ?? undefined }, { onSuccess: onClose })}
      size="md"
    >
      <PersonPicker label={t('web.councils.members.person')} placeholder={t('web.councils.person.placeholder')} nothingFound={t('web.councils.person.none')} value={personId} onChange={setPersonId} error={invalid} data-testid="member-form-person" />
      <Select
        label={t('web.councils.members.role')}
        data={COUNCIL_ROLES.map((r) => ({ value: r, label: t(`web.councils.role.${r}`) }))}
        value={role}
        onChange={(v) => v && setRole(v as CouncilRole)}
        allowDeselect={false}
        data-testid="member-form-role"
      />
      <TextInput label={t('web.councils.members.title')} description={t('web.councils.members.titleHint')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} data-testid="member-form-title" />
      <DateField label={t('web.councils.members.joinedOn')} value={joinedOn} onChange={setJoinedOn} data-testid="member-form-joined" />
    </ActionModal>
  );
}

/** "Thôi làm thành viên": the seat ends with a reason; the member's past votes stay as they were. */
export function EndMemberModal({ council, member, onClose }: { council: CouncilDto; member: CouncilMemberDto; onClose: () => void }) {
  const t = useT();
  const end = useEndCouncilMember(council.id);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.councils.members.endTitle', { name: member.fullName })}
      submitLabel={t('web.councils.members.endSubmit')}
      danger
      confirmMessage={t('web.councils.members.endConfirm', { name: member.fullName })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setInvalid(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => end.mutate({ memberId: member.id, reason: reason.trim() }, { onSuccess: onClose })}
      submitting={end.isPending}
      error={end.error}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{t('web.councils.members.endExplain')}</Text>
      <ReasonField value={reason} onChange={setReason} error={invalid} />
    </ActionModal>
  );
}

/** "Kê khai quan hệ": a person or a unit the member is related to; they will not vote on its nominations. */
export function RelationModal({ council, member, onClose }: { council: CouncilDto; member: CouncilMemberDto; onClose: () => void }) {
  const t = useT();
  const declare = useDeclareRelation(council.id);
  const [kind, setKind] = useState<'person' | 'org'>('person');
  const [personId, setPersonId] = useState<number | null>(null);
  const [orgId, setOrgId] = useState<number | null>(null);
  const [relation, setRelation] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; relation?: string }>({});
  return (
    <ActionModal
      title={t('web.councils.relation.title', { name: member.fullName })}
      submitLabel={t('web.councils.relation.submit')}
      onClose={onClose}
      submitting={declare.isPending}
      error={declare.error}
      validate={() => {
        const next = {
          subject: (kind === 'person' ? personId : orgId) === null ? t('web.councils.relation.subjectRequired') : undefined,
          relation: relation.trim() === '' ? t('web.councils.relation.relationRequired') : undefined,
        };
        setErrors(next);
        return !next.subject && !next.relation;
      }}
      onSubmit={() =>
        declare.mutate(
          kind === 'person' ? { memberId: member.id, personId: personId!, relation: relation.trim() } : { memberId: member.id, orgId: orgId!, relation: relation.trim() },
          { onSuccess: onClose },
        )
      }
      size="md"
    >
      <Text size="sm">{t('web.councils.relation.explain')}</Text>
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v === 'org' ? 'org' : 'person')}
        data={[
          { value: 'person', label: t('web.councils.relation.person') },
          { value: 'org', label: t('web.councils.relation.org') },
        ]}
        fullWidth
        aria-label={t('web.councils.relation.kind')}
        data-testid="relation-kind"
      />
      {kind === 'person' ? (
        <PersonPicker label={t('web.councils.relation.person')} placeholder={t('web.councils.person.placeholder')} nothingFound={t('web.councils.person.none')} value={personId} onChange={setPersonId} error={errors.subject} data-testid="relation-person" />
      ) : (
        <OrgPicker label={t('web.councils.relation.org')} value={orgId} onChange={setOrgId} required error={errors.subject} data-testid="relation-org" />
      )}
      <TextInput
        label={t('web.councils.relation.relation')}
        placeholder={t('web.councils.relation.relationPlaceholder')}
        value={relation}
        onChange={(e) => setRelation(e.currentTarget.value)}
        required
        maxLength={300}
        error={errors.relation}
        data-testid="relation-text"
      />
    </ActionModal>
  );
}
