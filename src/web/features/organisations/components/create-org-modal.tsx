import { useState } from 'react';
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createOrgInput, type OrgDetail } from '../../../../contracts/organisations';
import { SECTORS } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { useCreateOrg } from '../api/create-org';
import { useOrgKinds } from '../api/get-org-kinds';
import { useI18n } from '../../../lib/i18n';

export function CreateOrgModal({ parent, onClose, onCreated }: { parent: OrgDetail; onClose: () => void; onCreated: (org: OrgDetail) => void }) {
  const t = useT();
  const { locale } = useI18n();
  const kinds = useOrgKinds();
  const mutation = useCreateOrg();
  const form = useFormValidation(mutation.error);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [sector, setSector] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [effectiveOn, setEffectiveOn] = useState<string | null>(() => todayIso());

  const parentRank = kinds.data?.find((k) => k.code === parent.kind)?.rank;
  // A sub-unit sits lower in the hierarchy than its parent (a lower rank is higher up).
  const kindOptions = (kinds.data ?? [])
    .filter((k) => parentRank === undefined || k.rank > parentRank)
    .sort((a, b) => a.rank - b.rank)
    .map((k) => ({ value: k.code, label: locale === 'en' ? k.nameEn : k.nameVi }));

  const input = () => ({
    code,
    name,
    shortName: blankToNull(shortName),
    kind: kind ?? '',
    sector,
    parentId: parent.id,
    address: blankToNull(address),
    effectiveOn: effectiveOn ?? '',
  });

  return (
    <ActionModal
      title={t('web.org.create.title', { parent: parent.name })}
      submitLabel={t('web.org.create.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={() => form.check(createOrgInput, input()) !== null}
      onSubmit={() => {
        const data = createOrgInput.parse(input());
        mutation.mutate(data, {
          onSuccess: (created) => {
            notifications.show({ color: 'teal', message: t('web.org.create.done', { name: created.name }) });
            onCreated(created);
          },
        });
      }}
    >
      <TextInput label={t('web.org.field.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.error('name')} required maxLength={LIMITS.nameMax} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('web.org.field.code')}
          description={t('web.org.create.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
          error={form.error('code')}
          required
          maxLength={LIMITS.codeMax}
          autoCapitalize="characters"
        />
        <TextInput label={t('web.org.field.shortName')} value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} error={form.error('shortName')} maxLength={60} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('web.org.field.kind')} data={kindOptions} value={kind} onChange={setKind} error={form.error('kind')} required searchable nothingFoundMessage={t('web.common.noOptions')} />
        <Select
          label={t('web.org.field.sector')}
          data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
          value={sector}
          onChange={setSector}
          error={form.error('sector')}
          clearable
        />
      </SimpleGrid>
      <Textarea label={t('web.org.field.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={form.error('address')} autosize minRows={1} maxLength={LIMITS.textMax} />
      <DateField label={t('web.org.create.effectiveOn')} value={effectiveOn} onChange={setEffectiveOn} error={form.error('effectiveOn')} required />
    </ActionModal>
  );
}
