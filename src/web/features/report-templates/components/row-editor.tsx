import { ActionIcon, Checkbox, Grid, Group, MultiSelect, Paper, Select, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { AWARD_CATEGORIES, AWARD_LEVELS } from '../../../../contracts/enums';
import { FUNNEL_STAGES, SHARE_KEYS, STREAK_LENGTHS } from '../../../../contracts/dashboard';
import { SELECTOR_KINDS, STAT_FORM_LIMITS, type SelectorKind, type StatFormLayoutInput } from '../../../../contracts/report-templates';
import { useT } from '../../../lib/i18n';
import type { MessageKey } from '../../../../contracts/messages';

type Row = StatFormLayoutInput['rows'][number];
type Selector = Row['selector'];
const ANY = 'ANY';

/** A new selector of a kind, with the first choice of each list. */
export function defaultSelector(kind: SelectorKind, firstAward: string, otherKeys: string[]): Selector {
  switch (kind) {
    case 'AWARD': return { kind, code: firstAward };
    case 'AWARDS': return { kind, level: 'GRASSROOTS', category: null };
    case 'SHARE': return { kind, share: 'NON_LEADER' };
    case 'FUNNEL': return { kind, stage: 'DECIDED' };
    case 'STREAK': return { kind, years: 2 };
    case 'SUM': return { kind, rows: otherKeys.slice(0, 1) };
    default: return { kind: 'HEADING' };
  }
}

interface RowEditorProps {
  row: Row;
  index: number;
  count: number;
  otherKeys: string[];
  awards: { value: string; label: string }[];
  errors: Record<string, string>;
  onChange: (row: Row) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One row of the form: its key, label, depth and what it counts (the selector), with reorder and remove. */
export function RowEditor({ row, index, count, otherKeys, awards, errors, onChange, onMove, onRemove }: RowEditorProps) {
  const t = useT();
  const err = (path: string) => errors[`layout.rows.${index}.${path}`];
  const sel = row.selector;
  const set = (patch: Partial<Row>) => onChange({ ...row, ...patch });
  const setSel = (s: Selector) => set({ selector: s });
  const n = index + 1;
  const opt = (prefix: string, values: readonly (string | number)[]) => values.map((v) => ({ value: String(v), label: t(`${prefix}${v}` as MessageKey) }));

  return (
    <Paper withBorder p="sm" data-testid={`row-editor-${index}`}>
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">{t('web.reportTemplates.editor.rowN', { n })}</Text>
        <Group gap={4}>
          <ActionIcon variant="subtle" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('web.reportTemplates.editor.up', { n })}><IconArrowUp size={16} aria-hidden /></ActionIcon>
          <ActionIcon variant="subtle" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('web.reportTemplates.editor.down', { n })}><IconArrowDown size={16} aria-hidden /></ActionIcon>
          <ActionIcon variant="subtle" color="red.9" onClick={onRemove} disabled={count === 1} aria-label={t('web.reportTemplates.editor.removeRow', { n })}><IconTrash size={16} aria-hidden /></ActionIcon>
        </Group>
      </Group>
      <Grid gap="xs">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label={t('web.reportTemplates.editor.rowLabel')} value={row.label} onChange={(e) => set({ label: e.currentTarget.value })} error={err('label')} maxLength={STAT_FORM_LIMITS.label} required />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <TextInput label={t('web.reportTemplates.editor.rowKey')} description={t('web.reportTemplates.editor.rowKeyHint')} value={row.key} onChange={(e) => set({ key: e.currentTarget.value })} error={err('key')} maxLength={STAT_FORM_LIMITS.key} required />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <Select
            label={t('web.reportTemplates.editor.depth')}
            data={[0, 1, 2].map((d) => ({ value: String(d), label: t(`web.reportTemplates.depth.${d}` as MessageKey) }))}
            value={String(row.depth)}
            onChange={(v) => v !== null && set({ depth: Number(v) })}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <Select
            label={t('web.reportTemplates.editor.selector')}
            data={opt('web.reportTemplates.kind.', SELECTOR_KINDS)}
            value={sel.kind}
            onChange={(v) => v !== null && setSel(defaultSelector(v as SelectorKind, awards[0]?.value ?? '', otherKeys))}
            allowDeselect={false}
            data-testid={`row-kind-${index}`}
          />
        </Grid.Col>
        {sel.kind === 'AWARD' && (
          <Grid.Col span={12}>
            <Select label={t('web.reportTemplates.editor.award')} data={awards} value={sel.code} onChange={(v) => v !== null && setSel({ kind: 'AWARD', code: v })} searchable allowDeselect={false} error={err('selector.code')} />
          </Grid.Col>
        )}
        {sel.kind === 'AWARDS' && (
          <>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('web.reportTemplates.editor.level')}
                data={[{ value: ANY, label: t('web.reportTemplates.editor.any') }, ...opt('awardLevel.', AWARD_LEVELS)]}
                value={sel.level ?? ANY}
                onChange={(v) => setSel({ ...sel, level: v === null || v === ANY ? null : (v as (typeof AWARD_LEVELS)[number]) })}
                allowDeselect={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('web.reportTemplates.editor.category')}
                data={[{ value: ANY, label: t('web.reportTemplates.editor.any') }, ...opt('awardCategory.', AWARD_CATEGORIES)]}
                value={sel.category ?? ANY}
                onChange={(v) => setSel({ ...sel, category: v === null || v === ANY ? null : (v as (typeof AWARD_CATEGORIES)[number]) })}
                allowDeselect={false}
              />
            </Grid.Col>
          </>
        )}
        {sel.kind === 'SHARE' && (
          <Grid.Col span={12}>
            <Select label={t('web.reportTemplates.editor.share')} data={opt('dashboard.share.', SHARE_KEYS)} value={sel.share} onChange={(v) => v !== null && setSel({ kind: 'SHARE', share: v as (typeof SHARE_KEYS)[number] })} allowDeselect={false} />
          </Grid.Col>
        )}
        {sel.kind === 'FUNNEL' && (
          <Grid.Col span={12}>
            <Select label={t('web.reportTemplates.editor.stage')} data={opt('dashboard.funnel.', FUNNEL_STAGES)} value={sel.stage} onChange={(v) => v !== null && setSel({ kind: 'FUNNEL', stage: v as (typeof FUNNEL_STAGES)[number] })} allowDeselect={false} />
          </Grid.Col>
        )}
        {sel.kind === 'STREAK' && (
          <Grid.Col span={12}>
            <Select
              label={t('web.reportTemplates.editor.streak')}
              data={STREAK_LENGTHS.map((y) => ({ value: String(y), label: t('web.reportTemplates.editor.streakYears', { years: y }) }))}
              value={String(sel.years)}
              onChange={(v) => v !== null && setSel({ kind: 'STREAK', years: Number(v) as (typeof STREAK_LENGTHS)[number] })}
              allowDeselect={false}
            />
          </Grid.Col>
        )}
        {sel.kind === 'SUM' && (
          <Grid.Col span={12}>
            <MultiSelect label={t('web.reportTemplates.editor.sumOf')} data={otherKeys} value={sel.rows} onChange={(v) => setSel({ kind: 'SUM', rows: v })} error={err('selector.rows')} searchable />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <Group gap="md">
            <Checkbox label={t('web.reportTemplates.editor.numbered')} checked={row.numbered} onChange={(e) => set({ numbered: e.currentTarget.checked })} />
            <Checkbox label={t('web.reportTemplates.editor.bold')} checked={row.bold} onChange={(e) => set({ bold: e.currentTarget.checked })} />
          </Group>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
