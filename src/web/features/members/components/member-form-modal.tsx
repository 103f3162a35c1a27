import { useState } from 'react';
import { Checkbox, Group, NumberInput, Radio, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createMemberInput, updateMemberInput, type MemberDetail } from '../../../../contracts/members';
import { EDUCATION_LEVELS, GENDERS, UNION_WORK_CATEGORIES, type EducationLevel, type Gender, type UnionWorkCategory } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCreateMember } from '../api/create-member';
import { useUpdateMember } from '../api/update-member';

type Props =
  | { mode: 'create'; defaultOrgId: number | null; onClose: () => void; onSaved: (member: MemberDetail) => void; member?: undefined }
  | { mode: 'edit'; member: MemberDetail; onClose: () => void; onSaved: (member: MemberDetail) => void; defaultOrgId?: undefined };

type PersonValues = {
  fullName: string;
  gender: Gender;
  birthDate: string | null;
  cccd: string | null;
  position: string | null;
  isLeader: boolean;
  isDirectWorker: boolean;
  phone: string | null;
  email: string | null;
  ethnicity: string | null;
  joinedUnionOn: string | null;
  serviceStartDate: string | null;
  educationLevel: EducationLevel | null;
  unionWorkCategory: UnionWorkCategory | null;
  unionWorkYearsBefore: number | null;
};

/** Only what the user changed goes into the PATCH, so fields they cannot see are never overwritten. */
export function changedFields(values: PersonValues, member: MemberDetail): Partial<PersonValues> {
  const out: Partial<PersonValues> = {};
  for (const key of Object.keys(values) as (keyof PersonValues)[]) {
    if (values[key] !== (member[key] ?? null)) (out as Record<string, unknown>)[key] = values[key];
  }
  return out;
}

export function MemberFormModal(props: Props) {
  const t = useT();
  const member = props.member;
  const create = useCreateMember();
  const update = useUpdateMember();
  const mutation = props.mode === 'create' ? create : update;
  const form = useFormValidation(mutation.error);

  const [orgId, setOrgId] = useState<number | null>(props.defaultOrgId ?? null);
  const [memberCode, setMemberCode] = useState('');
  const [fullName, setFullName] = useState(member?.fullName ?? '');
  const [gender, setGender] = useState<Gender | null>(member?.gender ?? null);
  const [birthDate, setBirthDate] = useState<string | null>(member?.birthDate ?? null);
  const [cccd, setCccd] = useState(member?.cccd ?? '');
  const [position, setPosition] = useState(member?.position ?? '');
  const [isLeader, setIsLeader] = useState(member?.isLeader ?? false);
  const [isDirectWorker, setIsDirectWorker] = useState(member?.isDirectWorker ?? false);
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [ethnicity, setEthnicity] = useState(member?.ethnicity ?? '');
  const [joinedUnionOn, setJoinedUnionOn] = useState<string | null>(member?.joinedUnionOn ?? null);
  const [serviceStartDate, setServiceStartDate] = useState<string | null>(member?.serviceStartDate ?? null);
  const [educationLevel, setEducationLevel] = useState<EducationLevel | null>(member?.educationLevel ?? null);
  const [unionWorkCategory, setUnionWorkCategory] = useState<UnionWorkCategory | null>(member?.unionWorkCategory ?? null);
  const [unionWorkYearsBefore, setUnionWorkYearsBefore] = useState<number | null>(member?.unionWorkYearsBefore ?? null);

  const person = () => ({
    fullName,
    gender: gender as Gender,
    birthDate,
    cccd: blankToNull(cccd),
    position: blankToNull(position),
    isLeader,
    isDirectWorker,
    phone: blankToNull(phone),
    email: blankToNull(email),
    ethnicity: blankToNull(ethnicity),
    joinedUnionOn,
    serviceStartDate,
    educationLevel,
    unionWorkCategory,
    unionWorkYearsBefore,
  });
  const createInput = () => ({ ...person(), memberCode: blankToNull(memberCode) ?? undefined, orgId: orgId ?? undefined });

  const saved = (result: MemberDetail) => {
    notifications.show({ color: 'teal', message: t(props.mode === 'create' ? 'web.members.form.created' : 'web.members.form.updated', { name: result.fullName }) });
    props.onSaved(result);
  };

  return (
    <ActionModal
      title={props.mode === 'create' ? t('web.members.form.createTitle') : t('web.members.form.editTitle', { name: props.member.fullName })}
      submitLabel={props.mode === 'create' ? t('web.members.form.create') : t('web.common.save')}
      onClose={props.onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="xl"
      validate={() => (props.mode === 'create' ? form.check(createMemberInput, createInput()) : form.check(updateMemberInput, person())) !== null}
      onSubmit={() => {
        if (props.mode === 'create') {
          create.mutate(createMemberInput.parse(createInput()), { onSuccess: saved });
        } else {
          const changes = changedFields(person(), props.member);
          if (Object.keys(changes).length === 0) return props.onClose();
          update.mutate({ id: props.member.id, ...updateMemberInput.parse(changes) }, { onSuccess: saved });
        }
      }}
    >
      {props.mode === 'create' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrgPicker label={t('web.members.field.unit')} value={orgId} onChange={setOrgId} error={form.error('orgId')} activeOnly required />
          <TextInput
            label={t('web.members.field.code')}
            description={t('web.members.form.codeHint')}
            value={memberCode}
            onChange={(e) => setMemberCode(e.currentTarget.value)}
            error={form.error('memberCode')}
            maxLength={LIMITS.codeMax}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('web.members.field.fullName')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={form.error('fullName')} required maxLength={LIMITS.nameMax} data-autofocus />
        <Radio.Group label={t('web.members.field.gender')} value={gender} onChange={(value) => setGender(value as Gender)} error={form.error('gender')} required>
          <Group gap="lg" mt={8}>
            {GENDERS.map((g) => (
              <Radio key={g} value={g} label={t(`gender.${g}`)} />
            ))}
          </Group>
        </Radio.Group>
        <DateField label={t('web.members.field.birthDate')} value={birthDate} onChange={setBirthDate} error={form.error('birthDate')} clearable />
        <TextInput
          label={t('web.members.field.cccd')}
          description={t('web.members.form.cccdHint')}
          value={cccd}
          onChange={(e) => setCccd(e.currentTarget.value.replace(/\s/g, ''))}
          error={form.error('cccd')}
          inputMode="numeric"
          maxLength={12}
        />
        <TextInput label={t('web.members.field.ethnicity')} value={ethnicity} onChange={(e) => setEthnicity(e.currentTarget.value)} error={form.error('ethnicity')} maxLength={50} />
        <DateField label={t('web.members.field.joinedUnionOn')} value={joinedUnionOn} onChange={setJoinedUnionOn} error={form.error('joinedUnionOn')} clearable />
        <TextInput label={t('web.members.field.position')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} error={form.error('position')} maxLength={LIMITS.nameMax} />
        <TextInput label={t('web.members.field.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={form.error('phone')} type="tel" inputMode="tel" maxLength={20} />
        <TextInput label={t('web.members.field.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={form.error('email')} type="email" maxLength={200} />
      </SimpleGrid>
      <Text fw={600} size="sm" mt="xs">
        {t('web.members.form.awardFacts')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('web.members.field.serviceStartDate')} value={serviceStartDate} onChange={setServiceStartDate} error={form.error('serviceStartDate')} clearable />
        <Select
          label={t('web.members.field.educationLevel')}
          data={EDUCATION_LEVELS.map((v) => ({ value: v, label: t(`educationLevel.${v}`) }))}
          value={educationLevel}
          onChange={(v) => setEducationLevel(v as EducationLevel | null)}
          error={form.error('educationLevel')}
          clearable
        />
        <Select
          label={t('web.members.field.unionWorkCategory')}
          data={UNION_WORK_CATEGORIES.map((v) => ({ value: v, label: t(`unionWorkCategory.${v}`) }))}
          value={unionWorkCategory}
          onChange={(v) => setUnionWorkCategory(v as UnionWorkCategory | null)}
          error={form.error('unionWorkCategory')}
          clearable
        />
        <NumberInput
          label={t('web.members.field.unionWorkYearsBefore')}
          description={t('web.members.field.unionWorkYearsBeforeHint')}
          value={unionWorkYearsBefore ?? ''}
          onChange={(v) => setUnionWorkYearsBefore(typeof v === 'number' ? v : null)}
          error={form.error('unionWorkYearsBefore')}
          min={0}
          max={99.9}
          step={0.5}
          decimalScale={1}
          decimalSeparator=","
        />
      </SimpleGrid>
      <Group gap="xl">
        <Checkbox label={t('web.members.field.isLeader')} checked={isLeader} onChange={(e) => setIsLeader(e.currentTarget.checked)} />
        <Checkbox label={t('web.members.field.isDirectWorker')} checked={isDirectWorker} onChange={(e) => setIsDirectWorker(e.currentTarget.checked)} />
      </Group>
    </ActionModal>
  );
}
