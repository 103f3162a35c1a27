import { useState } from 'react';
import { Grid, NumberInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { currentYear, todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCreateCouncil, useUpdateCouncil, type CouncilDto } from '../api/councils';

type Field = 'orgId' | 'name' | 'termLabel' | 'termStartsOn' | 'termEndsOn' | 'maxMembers';

/** "Thành lập Hội đồng" or "Sửa thông tin" of a council: organisation, name, term, size, standing office, quy chế. */
export function CouncilFormModal({ council, defaultOrgId, onClose, onSaved }: { council?: CouncilDto; defaultOrgId?: number | null; onClose: () => void; onSaved?: (c: CouncilDto) => void }) {
  const t = useT();
  const create = useCreateCouncil();
  const update = useUpdateCouncil(council?.id ?? 0);
  const mutation = council ? update : create;
  const year = currentYear();
  const [orgId, setOrgId] = useState<number | null>(council?.orgId ?? defaultOrgId ?? null);
  const [name, setName] = useState(council?.name ?? '');
  const [termLabel, setTermLabel] = useState(council?.termLabel ?? `${year} – ${year + 4}`);
  const [termStartsOn, setTermStartsOn] = useState<string | null>(council?.termStartsOn ?? todayIso());
  const [termEndsOn, setTermEndsOn] = useState<string | null>(council?.termEndsOn ?? null);
  const [maxMembers, setMaxMembers] = useState<number>(council?.maxMembers ?? 9);
  const [standingOffice, setStandingOffice] = useState(council?.standingOffice ?? '');
  const [regulationRef, setRegulationRef] = useState(council?.regulationRef ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const server = serverFieldErrors(mutation.error) as Partial<Record<Field, string>>;
  const error = (f: Field) => errors[f] ?? server[f];

  const validate = () => {
    const next: Partial<Record<Field, string>> = {
      orgId: orgId === null ? t('web.councils.form.orgRequired') : undefined,
      name: name.trim() === '' ? t('web.councils.form.nameRequired') : undefined,
      termLabel: termLabel.trim() === '' ? t('web.councils.form.termRequired') : undefined,
      termStartsOn: termStartsOn === null ? t('web.councils.form.startRequired') : undefined,
      termEndsOn: termEndsOn !== null && termStartsOn !== null && termEndsOn < termStartsOn ? t('web.councils.form.endBeforeStart') : undefined,
      maxMembers: maxMembers < 3 || maxMembers > 99 ? t('web.councils.form.maxMembersRange') : undefined,
    };
    setErrors(next);
    return Object.values(next).every((v) => v === undefined);
  };

  const done = (c: CouncilDto) => {
    notifications.show({ color: 'teal', message: t(council ? 'web.councils.form.updated' : 'web.councils.form.created', { name: c.name }) });
    onSaved?.(c);
    onClose();
  };

  const submit = () => {
    const common = { name: name.trim(), termLabel: termLabel.trim(), termEndsOn, maxMembers, standingOffice: standingOffice.trim() || null, regulationRef: regulationRef.trim() || null };
    if (council) update.mutate({ version: council.version, ...common }, { onSuccess: done });
    else if (orgId !== null && termStartsOn !== null) create.mutate({ orgId, termStartsOn, ...common }, { onSuccess: done });
  };

  return (
    <ActionModal
      title={council ? t('web.councils.form.editTitle') : t('web.councils.form.createTitle')}
      submitLabel={council ? t('web.common.saveChanges') : t('web.councils.form.createSubmit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={validate}
      onSubmit={submit}
    >
      {!council && <OrgPicker label={t('web.councils.field.org')} value={orgId} onChange={setOrgId} required activeOnly error={error('orgId')} data-testid="council-form-org" />}
      <TextInput
        label={t('web.councils.field.name')}
        placeholder={t('web.councils.form.namePlaceholder')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        maxLength={300}
        error={error('name')}
        data-testid="council-form-name"
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t('web.councils.field.term')} value={termLabel} onChange={(e) => setTermLabel(e.currentTarget.value)} required maxLength={100} error={error('termLabel')} data-testid="council-form-term" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <DateField label={t('web.councils.field.termStartsOn')} value={termStartsOn} onChange={setTermStartsOn} required disabled={Boolean(council)} error={error('termStartsOn')} data-testid="council-form-start" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <DateField label={t('web.councils.field.termEndsOn')} value={termEndsOn} onChange={setTermEndsOn} clearable error={error('termEndsOn')} data-testid="council-form-end" />
        </Grid.Col>
      </Grid>
      <NumberInput
        label={t('web.councils.field.maxMembers')}
        description={t('web.councils.form.maxMembersHint')}
        value={maxMembers}
        onChange={(v) => setMaxMembers(typeof v === 'number' ? v : Number(v) || 0)}
        min={3}
        max={99}
        allowDecimal={false}
        required
        error={error('maxMembers')}
        data-testid="council-form-max"
        w={{ base: '100%', sm: 240 }}
      />
      <TextInput
        label={t('web.councils.field.standingOffice')}
        description={t('web.councils.form.standingOfficeHint')}
        value={standingOffice}
        onChange={(e) => setStandingOffice(e.currentTarget.value)}
        maxLength={200}
        data-testid="council-form-standing"
      />
      <TextInput
        label={t('web.councils.field.regulationRef')}
        description={t('web.councils.form.regulationHint')}
        value={regulationRef}
        onChange={(e) => setRegulationRef(e.currentTarget.value)}
        maxLength={300}
        data-testid="council-form-regulation"
      />
    </ActionModal>
  );
}
