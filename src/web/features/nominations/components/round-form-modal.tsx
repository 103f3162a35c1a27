import { useState } from 'react';
import { ActionIcon, Button, Grid, Group, MultiSelect, NumberInput, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import { ROUND_KINDS, type createNominationRoundInput, type NominationRoundKind } from '../../../../contracts/nominations';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { filterYears } from '../../../components/ui/year-filter';
import { useActiveAwards, useCreateNominationRound, type NominationRoundDto } from '../api/rounds';
import { refusalFields } from './refusal';
import { currentYear } from '../../../lib/format';

interface LevelRow {
  key: number;
  below: number;
  appraisalWorkingDays: number;
  councilWorkingDays: number;
}

type Field = 'orgId' | 'title' | 'year' | 'kind' | 'ceremonyDate' | 'awardCodes' | 'levels' | 'decisionLeadWorkingDays' | 'publicPostingWorkingDays' | 'simplifiedAppraisalWorkingDays' | 'opinionWorkingDays' | 'minNonLeaderShare';
/** What the form sends; parameters it does not show keep the server's defaults. */
type CreateRoundBody = z.input<typeof createNominationRoundInput>;
type Errors = Partial<Record<Field, string>>;

const days = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

/** "Mở đợt xét": the round, its awards and each level's working days; the server plans the dates. */
export function RoundFormModal({ defaultOrganiserId, onClose, onSaved }: { defaultOrganiserId: number | null; onClose: () => void; onSaved: (r: NominationRoundDto) => void }) {
  const t = useT();
  const create = useCreateNominationRound();
  const awards = useActiveAwards(true);
  const [orgId, setOrgId] = useState<number | null>(defaultOrganiserId);
  const [year, setYear] = useState(currentYear());
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<NominationRoundKind>('ANNUAL');
  const [ceremonyDate, setCeremonyDate] = useState<string | null>(null);
  const [awardCodes, setAwardCodes] = useState<string[]>([]);
  const [levels, setLevels] = useState<LevelRow[]>([
    { key: 1, below: 1, appraisalWorkingDays: 5, councilWorkingDays: 0 },
    { key: 2, below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 },
  ]);
  const [decisionLead, setDecisionLead] = useState(5);
  const [posting, setPosting] = useState(0);
  const [simplified, setSimplified] = useState(5);
  const [opinion, setOpinion] = useState(10);
  const [nonLeaderPercent, setNonLeaderPercent] = useState<number | ''>('');
  const [errors, setErrors] = useState<Errors>({});
  const server = refusalFields(create.error) as Errors;
  const error = (field: Field) => errors[field] ?? server[field];

  const setLevel = (key: number, patch: Partial<LevelRow>) => setLevels((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addLevel = () =>
    setLevels((rows) => {
      const deepest = Math.max(...rows.map((r) => r.below), 0);
      return [{ key: Math.max(0, ...rows.map((r) => r.key)) + 1, below: Math.min(6, deepest + 1), appraisalWorkingDays: 5, councilWorkingDays: 0 }, ...rows];
    });

  const validate = () => {
    const next: Errors = {
      orgId: orgId === null ? t('web.nominations.create.organiserRequired') : undefined,
      title: title.trim().length === 0 ? t('web.nominations.create.titleRequired') : undefined,
      ceremonyDate: ceremonyDate === null ? t('web.nominations.create.ceremonyRequired') : undefined,
      awardCodes: awardCodes.length === 0 ? t('web.nominations.create.awardsRequired') : undefined,
      levels: levels.some((l) => l.below === 0) ? undefined : t('web.nominations.create.organiserLevelRequired'),
    };
    setErrors(next);
    return Object.values(next).every((v) => v === undefined);
  };

  const submit = () => {
    if (orgId === null || ceremonyDate === null) return;
    const body: CreateRoundBody = {
      orgId,
      year,
      title: title.trim(),
      kind,
      movementId: null,
      ceremonyDate,
      awardCodes,
      parameters: {
        // Bottom first, as the schedule is planned from the organiser down.
        levels: [...levels].sort((a, b) => b.below - a.below).map(({ below, appraisalWorkingDays, councilWorkingDays }) => ({ below, appraisalWorkingDays, councilWorkingDays })),
        decisionLeadWorkingDays: decisionLead,
        publicPostingWorkingDays: posting,
        simplifiedAppraisalWorkingDays: simplified,
        opinionWorkingDays: opinion,
        minNonLeaderShare: nonLeaderPercent === '' ? null : nonLeaderPercent / 100,
        minDirectWorkerShare: null,
      },
    };
    create.mutate(body, {
      onSuccess: (round) => {
        notifications.show({ color: 'teal', message: t('web.nominations.create.done', { title: round.title }) });
        onSaved(round);
        onClose();
      },
    });
  };

  const awardOptions = (awards.data?.items ?? []).map((a) => ({ value: a.code, label: `${a.nameVi} (${a.code})` }));

  return (
    <ActionModal title={t('web.nominations.create.title')} submitLabel={t('web.nominations.create.submit')} onClose={onClose} submitting={create.isPending} error={create.error} validate={validate} onSubmit={submit} size="xl">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <OrgPicker label={t('web.nominations.field.organiser')} value={orgId} onChange={setOrgId} required activeOnly error={error('orgId')} data-testid="nround-form-org" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select label={t('web.nominations.field.year')} data={filterYears(6).map(String)} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} error={error('year')} data-testid="nround-form-year" />
        </Grid.Col>
      </Grid>
      <TextInput
        label={t('web.nominations.field.roundTitle')}
        placeholder={t('web.nominations.create.titlePlaceholder', { year })}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        maxLength={LIMITS.nameMax * 2}
        error={error('title')}
        data-testid="nround-form-title"
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('web.nominations.field.kind')}
            data={ROUND_KINDS.map((k) => ({ value: k, label: t(`web.nominations.kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as NominationRoundKind)}
            allowDeselect={false}
            error={error('kind')}
            data-testid="nround-form-kind"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label={t('web.nominations.field.ceremonyDate')}
            description={t('web.nominations.create.ceremonyHint')}
            value={ceremonyDate}
            onChange={setCeremonyDate}
            required
            error={error('ceremonyDate')}
            data-testid="nround-form-ceremony"
          />
        </Grid.Col>
      </Grid>
      <MultiSelect
        label={t('web.nominations.field.awards')}
        description={t('web.nominations.create.awardsHint')}
        data={awardOptions}
        value={awardCodes}
        onChange={setAwardCodes}
        searchable
        required
        nothingFoundMessage={awards.isPending ? t('web.common.loading') : t('web.common.noOptions')}
        error={error('awardCodes')}
        comboboxProps={{ withinPortal: true }}
        data-testid="nround-form-awards"
      />
      <div>
        <Text size="sm" fw={500}>
          {t('web.nominations.create.levels')}
        </Text>
        <Text size="xs" c="dimmed" mb={4}>
          {t('web.nominations.create.levelsHint')}
        </Text>
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={4} aria-label={t('web.nominations.create.levels')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('web.nominations.create.levelBelow')}</Table.Th>
                <Table.Th>{t('web.nominations.create.levelAppraisal')}</Table.Th>
                <Table.Th>{t('web.nominations.create.levelCouncil')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('web.common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.map((l) => (
                <Table.Tr key={l.key} data-testid="nround-form-level" data-below={l.below}>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('web.nominations.create.levelBelow')}
                      description={l.below === 0 ? t('web.nominations.create.levelOrganiser') : undefined}
                      value={l.below}
                      onChange={(v) => setLevel(l.key, { below: days(v) })}
                      min={0}
                      max={6}
                      w={110}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('web.nominations.create.levelAppraisal')} value={l.appraisalWorkingDays} onChange={(v) => setLevel(l.key, { appraisalWorkingDays: days(v) })} min={1} max={250} w={110} data-testid="nround-form-level-appraisal" />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('web.nominations.create.levelCouncil')} value={l.councilWorkingDays} onChange={(v) => setLevel(l.key, { councilWorkingDays: days(v) })} min={0} max={250} w={110} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" disabled={levels.length === 1} onClick={() => setLevels((rows) => rows.filter((r) => r.key !== l.key))} aria-label={t('web.nominations.create.levelRemove', { below: l.below })}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" mt={4}>
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={addLevel} disabled={levels.length >= 6} data-testid="nround-form-level-add">
            {t('web.nominations.create.levelAdd')}
          </Button>
        </Group>
        {error('levels') && (
          <Text size="sm" c="red" role="alert">
            {error('levels')}
          </Text>
        )}
      </div>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput label={t('web.nominations.create.decisionLead')} value={decisionLead} onChange={(v) => setDecisionLead(days(v))} min={0} max={250} error={error('decisionLeadWorkingDays')} data-testid="nround-form-decision" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput label={t('web.nominations.create.publicPosting')} value={posting} onChange={(v) => setPosting(days(v))} min={0} max={250} error={error('publicPostingWorkingDays')} data-testid="nround-form-posting" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={t('web.nominations.create.simplifiedDays')}
            description={t('web.nominations.create.simplifiedDaysHint')}
            value={simplified}
            onChange={(v) => setSimplified(days(v))}
            min={1}
            max={250}
            error={error('simplifiedAppraisalWorkingDays')}
            data-testid="nround-form-simplified"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput label={t('web.nominations.create.opinionDays')} value={opinion} onChange={(v) => setOpinion(days(v))} min={0} max={250} error={error('opinionWorkingDays')} data-testid="nround-form-opinion" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={t('web.nominations.create.minNonLeaderShare')}
            description={t('web.nominations.create.minNonLeaderShareHint')}
            value={nonLeaderPercent}
            onChange={(v) => setNonLeaderPercent(v === '' ? '' : Number(v))}
            min={0}
            max={100}
            suffix=" %"
            error={error('minNonLeaderShare')}
            data-testid="nround-form-nonleader"
          />
        </Grid.Col>
      </Grid>
    </ActionModal>
  );
}
