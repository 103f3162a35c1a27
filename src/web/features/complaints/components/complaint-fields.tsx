import { Select, Textarea, TextInput } from '@mantine/core';
import { COMPLAINT_KINDS, COMPLAINT_LIMITS } from '../../../../contracts/complaints';
import { isContact } from '../../../../contracts/consultations';
import type { Translate } from '../../../lib/i18n';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { PersonPicker } from '../../../components/ui/person-picker';
import type { ComplaintKind } from '../api/complaints';

/** The writer's part of a letter, shared by the public form and the staff intake. */
export interface LetterDraft {
  kind: ComplaintKind;
  name: string;
  contact: string;
  address: string;
  content: string;
}

export type LetterField = keyof LetterDraft | 'learnedOn' | 'receivedOn' | 'orgId' | 'personId';

export const emptyLetter = (): LetterDraft => ({ kind: 'COMPLAINT', name: '', contact: '', address: '', content: '' });

/** The same checks as the contract, in the catalogue's words, before anything is sent. */
export function checkLetter(d: LetterDraft, t: Translate): Partial<Record<LetterField, string>> {
  const out: Partial<Record<LetterField, string>> = {};
  const name = d.name.trim();
  if (name === '') out.name = t('validation.required');
  else if (name.length < 2) out.name = t('validation.tooShort', { min: 2 });
  if (d.contact.trim() === '') out.contact = t('validation.required');
  else if (!isContact(d.contact)) out.contact = t('complaints.contactInvalid');
  const content = d.content.trim();
  if (content === '') out.content = t('validation.required');
  else if (content.length < COMPLAINT_LIMITS.contentMin) out.content = t('validation.tooShort', { min: COMPLAINT_LIMITS.contentMin });
  return out;
}

/** Kind, name, contact, address and content, with the length hints. */
export function LetterFields({ draft, onChange, errors, testIdPrefix, kindDescription }: {
  draft: LetterDraft;
  onChange: (patch: Partial<LetterDraft>) => void;
  errors: Partial<Record<LetterField, string>>;
  testIdPrefix: string;
  kindDescription?: string;
}) {
  const t = useT();
  return (
    <>
      <Select
        label={t('web.complaints.field.kind')}
        description={kindDescription}
        data={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`web.complaints.kind.${k}`) }))}
        value={draft.kind}
        onChange={(v) => v && onChange({ kind: v as ComplaintKind })}
        allowDeselect={false}
        required
        data-testid={`${testIdPrefix}-kind`}
      />
      <TextInput
        label={t('web.complaints.field.name')}
        value={draft.name}
        onChange={(e) => {
          const name = e.currentTarget.value;
          onChange({ name });
        }}
        required
        maxLength={COMPLAINT_LIMITS.nameMax}
        autoComplete="name"
        error={errors.name}
        data-testid={`${testIdPrefix}-name`}
      />
      <TextInput
        label={t('web.complaints.field.contact')}
        description={t('web.complaints.field.contactHint')}
        value={draft.contact}
        onChange={(e) => {
          const contact = e.currentTarget.value;
          onChange({ contact });
        }}
        required
        maxLength={COMPLAINT_LIMITS.contactMax}
        autoComplete="tel"
        error={errors.contact}
        data-testid={`${testIdPrefix}-contact`}
      />
      <TextInput
        label={t('web.complaints.field.address')}
        value={draft.address}
        onChange={(e) => {
          const address = e.currentTarget.value;
          onChange({ address });
        }}
        maxLength={COMPLAINT_LIMITS.addressMax}
        autoComplete="street-address"
        error={errors.address}
        data-testid={`${testIdPrefix}-address`}
      />
    </>
  );
}

export function ContentField({ value, onChange, error, testId }: { value: string; onChange: (v: string) => void; error?: string; testId: string }) {
  const t = useT();
  return (
    <Textarea
      label={t('web.complaints.field.content')}
      description={t('web.complaints.field.contentHint', { min: COMPLAINT_LIMITS.contentMin, max: formatNumber(COMPLAINT_LIMITS.contentMax), count: formatNumber(value.trim().length) })}
      value={value}
      onChange={(e) => {
        const v = e.currentTarget.value;
        onChange(v);
      }}
      required
      autosize
      minRows={4}
      maxRows={14}
      maxLength={COMPLAINT_LIMITS.contentMax}
      error={error}
      data-testid={testId}
    />
  );
}

/** The member a letter is about (searched without diacritics); a complaint or denunciation then blocks awarding them. */
export function SubjectPersonPicker({ value, onChange, error, testId }: { value: number | null; onChange: (id: number | null) => void; error?: string; testId: string }) {
  const t = useT();
  return (
    <PersonPicker
      label={t('web.complaints.field.personPick')}
      placeholder={t('web.complaints.field.personPlaceholder')}
      nothingFound={t('web.complaints.field.personNone')}
      value={value}
      onChange={onChange}
      error={error}
      data-testid={testId}
    />
  );
}
