import { useState } from 'react';
import { MultiSelect, NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { updateAwardInput, type AwardItem } from '../../../../contracts/awards';
import { AWARD_KINDS, AWARD_LEVELS, type AwardKind, type AwardLevel } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { useI18n } from '../../../lib/i18n';
import { orgKindsQuery } from '../../../lib/org-lookups';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { useUpdateAward } from '../api/update-award';

/** Change what an installation may change about an entry; only changed fields are sent, with the version edited. */
export function EditAwardModal({ award, onClose }: { award: AwardItem; onClose: () => void }) {
  const { t, locale } = useI18n();
  const mutation = useUpdateAward();
  const form = useFormValidation(mutation.error);
  const kinds = useQuery(orgKindsQuery);
  const [nameVi, setNameVi] = useState(award.nameVi);
  const [nameEn, setNameEn] = useState(award.nameEn);
  const [description, setDescription] = useState(award.description ?? '');
  const [coefficient, setCoefficient] = useState<number | ''>(award.coefficient ?? '');
  const [kind, setKind] = useState<AwardKind>(award.kind);
  const [level, setLevel] = useState<AwardLevel>(award.level);
  const [granting, setGranting] = useState<string[]>(award.grantingOrgKinds);

  const input = () => {
    const patch: Record<string, unknown> = { version: award.version };
    if (nameVi !== award.nameVi) patch.nameVi = nameVi;
    if (nameEn !== award.nameEn) patch.nameEn = nameEn;
    const desc = blankToNull(description);
    if (desc !== (award.description ?? null)) patch.description = desc;
    const coef = coefficient === '' ? null : coefficient;
    if (coef !== award.coefficient) patch.coefficient = coef;
    if (kind !== award.kind) patch.kind = kind;
    if (level !== award.level) patch.level = level;
    if ([...granting].sort().join() !== [...award.grantingOrgKinds].sort().join()) patch.grantingOrgKinds = granting;
    return patch;
  };

  const kindOptions = (kinds.data ?? []).map((k) => ({ value: k.code, label: locale === 'en' ? k.nameEn : k.nameVi }));
  for (const code of granting) if (!kindOptions.some((o) => o.value === code)) kindOptions.push({ value: code, label: code });

  return (
    <ActionModal
      title={t('web.awards.edit.title', { name: locale === 'en' ? award.nameEn : award.nameVi })}
      submitLabel={t('web.common.saveChanges')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={() => form.check(updateAwardInput, input()) !== null}
      onSubmit={() =>
        mutation.mutate(
          { code: award.code, ...updateAwardInput.parse(input()) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.awards.edit.done', { name: nameVi }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('web.awards.edit.codeLine', { code: award.code, category: t(`awardCategory.${award.category}`), subject: t(`awardSubject.${award.subject}`) })}
      </Text>
      <TextInput label={t('web.awards.field.nameVi')} value={nameVi} onChange={(e) => setNameVi(e.currentTarget.value)} error={form.error('nameVi')} required maxLength={LIMITS.nameMax} />
      <TextInput label={t('web.awards.field.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={form.error('nameEn')} required maxLength={LIMITS.nameMax} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select label={t('web.awards.field.kind')} data={AWARD_KINDS.map((k) => ({ value: k, label: t(`awardKind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as AwardKind)} allowDeselect={false} />
        <Select label={t('web.awards.field.level')} data={AWARD_LEVELS.map((l) => ({ value: l, label: t(`awardLevel.${l}`) }))} value={level} onChange={(v) => v && setLevel(v as AwardLevel)} allowDeselect={false} />
      </SimpleGrid>
      <NumberInput
        label={t('web.awards.field.coefficient')}
        description={t('web.awards.edit.coefficientHint')}
        value={coefficient}
        onChange={(v) => setCoefficient(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
        min={0}
        max={9999.99}
        decimalScale={2}
        decimalSeparator=","
        thousandSeparator="."
        error={form.error('coefficient')}
      />
      <MultiSelect
        label={t('web.awards.field.grantingOrgKinds')}
        description={t('web.awards.edit.grantingHint')}
        data={kindOptions}
        value={granting}
        onChange={setGranting}
        searchable
        clearable
        error={form.error('grantingOrgKinds')}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea label={t('web.awards.field.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={form.error('description')} autosize minRows={2} maxLength={LIMITS.textMax} />
    </ActionModal>
  );
}

/** Stop offering an entry (kept for the records that use it), or offer it again. No deletion. */
export function ToggleAwardModal({ award, onClose }: { award: AwardItem; onClose: () => void }) {
  const { t } = useI18n();
  const mutation = useUpdateAward();
  const deactivate = award.active;
  const label = deactivate ? t('web.awards.deactivate.action') : t('web.awards.reactivate.action');
  return (
    <ActionModal
      title={t(deactivate ? 'web.awards.deactivate.title' : 'web.awards.reactivate.title', { name: award.nameVi })}
      submitLabel={label}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      danger={deactivate}
      size="md"
      onSubmit={() =>
        mutation.mutate(
          { code: award.code, version: award.version, active: !deactivate },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t(deactivate ? 'web.awards.deactivate.done' : 'web.awards.reactivate.done', { name: award.nameVi }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t(deactivate ? 'web.awards.deactivate.body' : 'web.awards.reactivate.body', { name: award.nameVi })}</Text>
    </ActionModal>
  );
}
