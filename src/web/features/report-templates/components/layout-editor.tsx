import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Button, Grid, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { STAT_FORM_LIMITS, STAT_MEASURES, type StatFormLayoutInput } from '../../../../contracts/report-templates';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useAwardChoices, usePreview, useUpdateTemplate, type ReportTemplateDto } from '../api/report-templates';
import { RowEditor } from './row-editor';
import { StatGrid } from './stat-grid';

type Layout = StatFormLayoutInput;
type Row = Layout['rows'][number];

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
function move<T>(xs: T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= xs.length) return xs;
  const out = [...xs];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** A fresh key for an added row: R1, R2… not used yet. */
function freshKey(rows: Row[]): string {
  const used = new Set(rows.map((r) => r.key));
  let n = rows.length + 1;
  while (used.has(`R${n}`)) n++;
  return `R${n}`;
}

interface LayoutEditorProps {
  template: ReportTemplateDto;
  orgId: number;
  year: number;
  onDone: () => void;
}

/** Edits a template's name and layout with the draft's grid beside it; the server's refusals show on their fields. */
export function LayoutEditor({ template, orgId, year, onDone }: LayoutEditorProps) {
  const t = useT();
  const [name, setName] = useState(template.name);
  const [layout, setLayout] = useState<Layout>(() => structuredClone(template.layout));
  const [debounced] = useDebouncedValue(layout, 500);
  const preview = usePreview({ orgId, year, layout: debounced });
  const awards = useAwardChoices();
  const save = useUpdateTemplate(template.id);
  const errors = serverFieldErrors(save.error);
  const awardOptions = useMemo(() => (awards.data?.items ?? []).map((a) => ({ value: a.code, label: `${a.code} – ${a.nameVi}` })), [awards.data]);
  const set = (patch: Partial<Layout>) => setLayout((l) => ({ ...l, ...patch }));
  const setRow = (i: number, row: Row) => set({ rows: layout.rows.map((r, k) => (k === i ? row : r)) });
  const columns = layout.columns;

  const submit = () =>
    save.mutate(
      { version: template.version, name, layout },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('web.reportTemplates.saved') });
          onDone();
        },
      },
    );

  return (
    <Stack gap="md" data-testid="layout-editor">
      <Title order={2} fz="h4">{t('web.reportTemplates.editor.title')}</Title>
      <ErrorAlert error={save.error} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('web.reportTemplates.editor.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={STAT_FORM_LIMITS.name} required />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('web.reportTemplates.editor.formCode')} value={layout.formCode} onChange={(e) => set({ formCode: e.currentTarget.value })} error={errors['layout.formCode']} maxLength={STAT_FORM_LIMITS.formCode} required />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('web.reportTemplates.editor.unitLine')} description={t('web.reportTemplates.editor.placeholders')} value={layout.unitLine} onChange={(e) => set({ unitLine: e.currentTarget.value })} error={errors['layout.unitLine']} required />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('web.reportTemplates.editor.labelHeader')} value={layout.labelHeader} onChange={(e) => set({ labelHeader: e.currentTarget.value })} error={errors['layout.labelHeader']} required />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea
            label={t('web.reportTemplates.editor.titleLines')}
            description={t('web.reportTemplates.editor.linesHint', { max: STAT_FORM_LIMITS.titleLines })}
            value={layout.titleLines.join('\n')}
            onChange={(e) => set({ titleLines: e.currentTarget.value.split('\n') })}
            onBlur={() => set({ titleLines: lines(layout.titleLines.join('\n')) })}
            error={errors['layout.titleLines'] ?? Object.entries(errors).find(([k]) => k.startsWith('layout.titleLines.'))?.[1]}
            autosize
            minRows={2}
          />
        </Grid.Col>
      </Grid>

      <Title order={3} fz="h5">{t('web.reportTemplates.editor.columns')}</Title>
      {columns.map((c, i) => (
        <Paper withBorder p="xs" key={i} data-testid={`column-editor-${i}`}>
          <Grid gap="xs" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput label={t('web.reportTemplates.editor.columnLabel', { n: i + 1 })} value={c.label} onChange={(e) => set({ columns: columns.map((x, k) => (k === i ? { ...x, label: e.currentTarget.value } : x)) })} error={errors[`layout.columns.${i}.label`]} required />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={t('web.reportTemplates.editor.measure', { n: i + 1 })}
                data={STAT_MEASURES.map((m) => ({ value: m, label: t(`reportTemplates.measure.${m}`) }))}
                value={c.measure}
                onChange={(v) => v !== null && set({ columns: columns.map((x, k) => (k === i ? { ...x, measure: v as (typeof STAT_MEASURES)[number] } : x)) })}
                allowDeselect={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <Group gap={4}>
                <ActionIcon variant="subtle" onClick={() => set({ columns: move(columns, i, -1) })} disabled={i === 0} aria-label={t('web.reportTemplates.editor.columnLeft', { n: i + 1 })}><IconArrowUp size={16} aria-hidden /></ActionIcon>
                <ActionIcon variant="subtle" onClick={() => set({ columns: move(columns, i, 1) })} disabled={i === columns.length - 1} aria-label={t('web.reportTemplates.editor.columnRight', { n: i + 1 })}><IconArrowDown size={16} aria-hidden /></ActionIcon>
                <ActionIcon variant="subtle" color="red.9" onClick={() => set({ columns: columns.filter((_, k) => k !== i) })} disabled={columns.length === 1} aria-label={t('web.reportTemplates.editor.removeColumn', { n: i + 1 })}><IconTrash size={16} aria-hidden /></ActionIcon>
              </Group>
            </Grid.Col>
          </Grid>
        </Paper>
      ))}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={columns.length >= STAT_FORM_LIMITS.columns} onClick={() => set({ columns: [...columns, { label: t('reportTemplates.measure.TOTAL'), measure: 'TOTAL' }] })}>
          {t('web.reportTemplates.editor.addColumn')}
        </Button>
      </Group>

      <Title order={3} fz="h5">{t('web.reportTemplates.editor.rows')}</Title>
      {layout.rows.map((r, i) => (
        <RowEditor
          key={i}
          row={r}
          index={i}
          count={layout.rows.length}
          otherKeys={layout.rows.filter((_, k) => k !== i).map((x) => x.key)}
          awards={awardOptions}
          errors={errors}
          onChange={(row) => setRow(i, row)}
          onMove={(d) => set({ rows: move(layout.rows, i, d) })}
          onRemove={() => set({ rows: layout.rows.filter((_, k) => k !== i) })}
        />
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={layout.rows.length >= STAT_FORM_LIMITS.rows}
          onClick={() => set({ rows: [...layout.rows, { key: freshKey(layout.rows), label: t('web.reportTemplates.editor.newRow'), depth: 1, numbered: true, bold: false, selector: { kind: 'AWARDS', level: null, category: null } }] })}
          data-testid="add-row"
        >
          {t('web.reportTemplates.editor.addRow')}
        </Button>
      </Group>

      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Textarea label={t('web.reportTemplates.editor.notes')} description={t('web.reportTemplates.editor.linesHint', { max: STAT_FORM_LIMITS.notes })} value={layout.notes.join('\n')} onChange={(e) => set({ notes: e.currentTarget.value.split('\n') })} onBlur={() => set({ notes: lines(layout.notes.join('\n')) })} error={Object.entries(errors).find(([k]) => k.startsWith('layout.notes'))?.[1]} autosize minRows={2} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Textarea label={t('web.reportTemplates.editor.signers')} description={t('web.reportTemplates.editor.linesHint', { max: STAT_FORM_LIMITS.signers })} value={layout.signers.join('\n')} onChange={(e) => set({ signers: e.currentTarget.value.split('\n') })} onBlur={() => set({ signers: lines(layout.signers.join('\n')) })} error={Object.entries(errors).find(([k]) => k.startsWith('layout.signers'))?.[1]} autosize minRows={2} />
        </Grid.Col>
      </Grid>

      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('web.common.cancel')}</Button>
        <Button onClick={submit} loading={save.isPending} data-testid="save-template">{t('web.reportTemplates.editor.save')}</Button>
      </Group>

      <Title order={3} fz="h5">{t('web.reportTemplates.editor.draftPreview')}</Title>
      {preview.error ? (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />} color="yellow">
          <Text size="sm">{t('web.reportTemplates.editor.previewInvalid')}</Text>
        </Alert>
      ) : preview.data ? (
        <StatGrid preview={preview.data} refreshing={preview.isFetching} />
      ) : null}
    </Stack>
  );
}
