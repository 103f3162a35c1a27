import { useState } from 'react';
import { Radio, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCreateNomination, type CreateNominationBody, type NominationDto } from '../api/nominations';
import type { NominationRoundDto } from '../api/rounds';
import { PersonPicker } from '../../../components/ui/person-picker';
import { refusalFields } from './refusal';

type Subject = 'PERSON' | 'UNIT';
type Field = 'personId' | 'subjectOrgId' | 'awardCode' | 'procedure' | 'achievementSummary' | 'justification';

/** "Thêm đề nghị": a person or a unit, an award of the round for that kind of subject, and the reasons. */
export function NominationFormModal({ round, onClose, onSaved }: { round: NominationRoundDto; onClose: () => void; onSaved: (n: NominationDto) => void }) {
  const t = useT();
  const create = useCreateNomination();
  const [subject, setSubject] = useState<Subject>('PERSON');
  const [personId, setPersonId] = useState<number | null>(null);
  const [orgId, setOrgId] = useState<number | null>(null);
  const [awardCode, setAwardCode] = useState<string | null>(null);
  const [procedure, setProcedure] = useState<'NORMAL' | 'SIMPLIFIED'>('NORMAL');
  const [summary, setSummary] = useState('');
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const server = refusalFields(create.error) as Partial<Record<Field, string>>;
  const error = (f: Field) => errors[f] ?? server[f];
  const wanted = subject === 'PERSON' ? 'INDIVIDUAL' : 'COLLECTIVE';
  const awards = round.awards.filter((a) => a.subject === wanted || a.subject === '');

  const validate = () => {
    const next: Partial<Record<Field, string>> = {
      personId: subject === 'PERSON' && personId === null ? t('web.nominations.form.personRequired') : undefined,
      subjectOrgId: subject === 'UNIT' && orgId === null ? t('web.nominations.form.unitRequired') : undefined,
      awardCode: awardCode === null ? t('web.nominations.form.awardRequired') : undefined,
    };
    setErrors(next);
    return Object.values(next).every((v) => v === undefined);
  };

  const submit = () => {
    if (awardCode === null) return;
    const body: CreateNominationBody = {
      roundId: round.id,
      ...(subject === 'PERSON' ? { personId: personId ?? undefined } : { subjectOrgId: orgId ?? undefined }),
      awardCode,
      procedure,
      achievementSummary: summary.trim() || null,
      justification: justification.trim() || null,
    };
    create.mutate(body, {
      onSuccess: (n) => {
        notifications.show({ color: 'teal', message: t('web.nominations.form.done', { name: n.subjectName }) });
        onSaved(n);
      },
    });
  };

  return (
    <ActionModal title={t('web.nominations.form.title')} submitLabel={t('web.nominations.form.submit')} onClose={onClose} submitting={create.isPending} error={create.error} validate={validate} onSubmit={submit}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="nomination-subject-label">
          {t('web.nominations.form.subject')}
        </Text>
        <SegmentedControl
          aria-labelledby="nomination-subject-label"
          value={subject}
          onChange={(v) => {
            setSubject(v === 'UNIT' ? 'UNIT' : 'PERSON');
            setAwardCode(null);
          }}
          data={[
            { value: 'PERSON', label: t('web.nominations.form.subjectPerson') },
            { value: 'UNIT', label: t('web.nominations.form.subjectUnit') },
          ]}
          data-testid="nomination-form-subject"
        />
      </Stack>
      {subject === 'PERSON' ? (
        <PersonPicker label={t('web.nominations.form.person')} placeholder={t('web.nominations.form.personPlaceholder')} nothingFound={t('web.nominations.form.personNone')} value={personId} onChange={setPersonId} error={error('personId')} data-testid="nomination-form-person" />
      ) : (
        <OrgPicker label={t('web.nominations.form.unit')} value={orgId} onChange={setOrgId} required activeOnly error={error('subjectOrgId')} data-testid="nomination-form-unit" />
      )}
      <Select
        label={t('web.nominations.field.award')}
        data={awards.map((a) => ({ value: a.code, label: a.name }))}
        value={awardCode}
        onChange={setAwardCode}
        required
        searchable
        nothingFoundMessage={t('web.nominations.form.awardNone')}
        error={error('awardCode')}
        comboboxProps={{ withinPortal: true }}
        data-testid="nomination-form-award"
      />
      <Radio.Group label={t('web.nominations.field.procedure')} value={procedure} onChange={(v) => setProcedure(v === 'SIMPLIFIED' ? 'SIMPLIFIED' : 'NORMAL')} error={error('procedure')} data-testid="nomination-form-procedure">
        <Stack gap={6} mt={4}>
          <Radio value="NORMAL" label={t('web.nominations.procedure.NORMAL')} />
          <Radio value="SIMPLIFIED" label={t('web.nominations.procedure.SIMPLIFIED')} description={t('web.nominations.procedure.SIMPLIFIED.hint')} />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('web.nominations.field.achievementSummary')}
        description={t('web.nominations.form.summaryHint')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={20_000}
        error={error('achievementSummary')}
        data-testid="nomination-form-summary"
      />
      <Textarea
        label={t('web.nominations.field.justification')}
        description={t('web.nominations.form.justificationHint')}
        value={justification}
        onChange={(e) => setJustification(e.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={LIMITS.textMax}
        error={error('justification')}
        data-testid="nomination-form-justification"
      />
    </ActionModal>
  );
}
