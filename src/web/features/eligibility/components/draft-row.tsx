import { ActionIcon, Group, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { AwardItem } from '../../../../contracts/awards';
import { DISCIPLINE_LEVELS, INITIATIVE_SCOPES, RATINGS, type DisciplineLevel, type InitiativeScope, type Rating } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';
import { DateField } from '../../../components/ui/date-field';
import { AwardSelect, yearOptions } from './award-select';
import { isComplete, type Draft } from './what-if';

interface DraftRowProps {
  draft: Draft;
  awards: AwardItem[] | undefined;
  onChange: (draft: Draft) => void;
  onRemove: () => void;
}

/** One draft record: a few fields of its kind, evaluated as soon as the required ones are filled. */
export function DraftRow({ draft, awards, onChange, onRemove }: DraftRowProps) {
  const t = useT();
  const years = yearOptions('year' in draft ? draft.year : undefined);
  let fields;
  switch (draft.kind) {
    case 'RATING':
      fields = (
        <>
          <Select label={t('web.whatIf.field.year')} data={years} value={String(draft.year)} onChange={(v) => v && onChange({ ...draft, year: Number(v) })} allowDeselect={false} />
          <Select
            label={t('web.whatIf.field.rating')}
            placeholder={t('web.whatIf.choose')}
            data={RATINGS.map((r) => ({ value: r, label: `${r} – ${t(`rating.${r}`)}` }))}
            value={draft.rating}
            onChange={(v) => onChange({ ...draft, rating: (v as Rating | null) ?? null })}
            data-testid="whatif-rating"
          />
        </>
      );
      break;
    case 'AWARD':
      fields = (
        <>
          <Select label={t('web.whatIf.field.year')} data={years} value={String(draft.year)} onChange={(v) => v && onChange({ ...draft, year: Number(v) })} allowDeselect={false} />
          <AwardSelect label={t('web.whatIf.field.award')} awards={awards} subject="INDIVIDUAL" value={draft.code} onChange={(code) => onChange({ ...draft, code })} />
        </>
      );
      break;
    case 'INITIATIVE':
      fields = (
        <>
          <DateField label={t('web.whatIf.field.recognisedOn')} value={draft.recognisedOn} onChange={(v) => onChange({ ...draft, recognisedOn: v })} />
          <Select
            label={t('web.whatIf.field.scope')}
            placeholder={t('web.whatIf.choose')}
            data={INITIATIVE_SCOPES.map((s) => ({ value: s, label: t(`initiativeScope.${s}`) }))}
            value={draft.scope}
            onChange={(v) => onChange({ ...draft, scope: (v as InitiativeScope | null) ?? null })}
          />
        </>
      );
      break;
    case 'DISCIPLINE':
      fields = (
        <>
          <Select
            label={t('web.whatIf.field.level')}
            placeholder={t('web.whatIf.choose')}
            data={DISCIPLINE_LEVELS.map((l) => ({ value: l, label: t(`disciplineLevel.${l}`) }))}
            value={draft.level}
            onChange={(v) => onChange({ ...draft, level: (v as DisciplineLevel | null) ?? null })}
          />
          <DateField label={t('web.whatIf.field.from')} value={draft.from} onChange={(v) => onChange({ ...draft, from: v })} />
          <DateField label={t('web.whatIf.field.to')} value={draft.to} onChange={(v) => onChange({ ...draft, to: v })} clearable />
        </>
      );
      break;
  }
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-yellow-0)" data-testid="whatif-draft">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text fw={600} size="sm">
          {t(`web.whatIf.kind.${draft.kind}`)}
          {!isComplete(draft) && (
            <Text span c="dimmed" size="xs" fw={400}>
              {' · '}
              {t('web.whatIf.incomplete')}
            </Text>
          )}
        </Text>
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('web.whatIf.remove', { kind: t(`web.whatIf.kind.${draft.kind}`) })}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: draft.kind === 'DISCIPLINE' ? 3 : 2 }} spacing="sm">
        {fields}
      </SimpleGrid>
    </Paper>
  );
}
