import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Grid, Group, List, MultiSelect, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { SECTION_KINDS, VARIANTS, type ScoringProblemDto, type TemplateContent, type TemplateDto } from '../../../../contracts/scoring';
import { LIMITS } from '../../../../contracts/limits';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useUpdateTemplate } from '../api/templates';

type Section = TemplateContent['sections'][number];
type Criterion = Section['criteria'][number];

/** What a draft's editor may change: everything but the code, version and subject. */
export function contentOf(structure: TemplateDto['structure']): TemplateContent {
  const { nameVi, nameEn, unitVariant, totalPoints, stages, source, sections } = structure;
  return structure.nameEn === undefined ? { nameVi, unitVariant, totalPoints, stages, source, sections } : { nameVi, nameEn, unitVariant, totalPoints, stages, source, sections };
}

/** Blank optional texts are left out rather than sent as "" (the schema keeps them optional). */
function cleaned(content: TemplateContent): TemplateContent {
  const opt = (s: string | undefined) => (s && s.trim() ? s : undefined);
  return {
    ...content,
    nameEn: opt(content.nameEn),
    source: opt(content.source),
    sections: content.sections.map((s) => ({
      ...s,
      criteria: s.criteria.map((c) => ({ ...c, guidance: opt(c.guidance), evidence: opt(c.evidence), variants: c.variants && c.variants.length > 0 ? c.variants : undefined })),
    })),
  };
}

/** A code not yet used in the template: `G2.5`, `G2.6`… */
function freshCode(prefix: string, used: Set<string>): string {
  for (let i = 1; ; i++) {
    const code = `${prefix}${i}`;
    if (!used.has(code)) return code;
  }
}

export function problemsOf(error: unknown): ScoringProblemDto[] {
  if (!(error instanceof ApiError)) return [];
  const list = (error.details as { problems?: unknown } | null | undefined)?.problems;
  return Array.isArray(list) ? (list as ScoringProblemDto[]) : [];
}

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v.replace(',', '.')) || 0);

/** The form that edits a DRAFT version; saving sends the whole content (PATCH) and shows what the core refuses. */
export function TemplateEditor({ template, onDone }: { template: TemplateDto; onDone: () => void }) {
  const t = useT();
  const update = useUpdateTemplate();
  const [content, setContent] = useState<TemplateContent>(() => contentOf(template.structure));
  const problems = problemsOf(update.error);

  const setSection = (i: number, patch: Partial<Section>) => setContent((c) => ({ ...c, sections: c.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const setCriterion = (i: number, k: number, patch: Partial<Criterion>) =>
    setContent((c) => ({ ...c, sections: c.sections.map((s, j) => (j === i ? { ...s, criteria: s.criteria.map((x, m) => (m === k ? { ...x, ...patch } : x)) } : s)) }));
  const allCodes = () => new Set(content.sections.flatMap((s) => [s.code, ...s.criteria.map((c) => c.code)]));

  const addSection = () =>
    setContent((c) => ({ ...c, sections: [...c.sections, { code: freshCode('M', allCodes()), title: t('web.scoring.editor.newSection'), kind: 'REGULAR', maxPoints: 0, criteria: [] }] }));
  const addCriterion = (i: number) =>
    setContent((c) => ({
      ...c,
      sections: c.sections.map((s, j) =>
        j === i ? { ...s, criteria: [...s.criteria, { code: freshCode(`${s.code}.`, allCodes()), text: t('web.scoring.editor.newCriterion'), maxPoints: 1, step: 0.25, evidenceRequired: false }] } : s,
      ),
    }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(
          { id: template.id, content: cleaned(content), revision: template.revision },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.scoring.editor.saved') });
              onDone();
            },
          },
        );
      }}
      noValidate
      data-testid="template-editor"
    >
      <Stack gap="md">
        <Paper withBorder p="md">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 9 }}>
              <TextInput label={t('web.scoring.editor.name')} value={content.nameVi} onChange={(e) => setContent({ ...content, nameVi: e.currentTarget.value })} required maxLength={500} data-testid="template-edit-name" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <NumberInput label={t('web.scoring.editor.totalPoints')} value={content.totalPoints} onChange={(v) => setContent({ ...content, totalPoints: num(v) })} min={0} decimalScale={2} decimalSeparator="," />
            </Grid.Col>
          </Grid>
        </Paper>
        {content.sections.map((s, i) => (
          <Paper key={i} withBorder p="md" component="section" aria-label={t('web.scoring.editor.section', { code: s.code })} data-testid="template-edit-section">
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Title order={2} size="h4">
                  {t('web.scoring.editor.section', { code: s.code })}
                </Title>
                <ActionIcon variant="subtle" color="red" onClick={() => setContent({ ...content, sections: content.sections.filter((_, j) => j !== i) })} aria-label={t('web.scoring.editor.removeSection', { code: s.code })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <Grid gap="sm">
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <TextInput label={t('web.scoring.editor.sectionCode')} value={s.code} onChange={(e) => setSection(i, { code: e.currentTarget.value })} required maxLength={LIMITS.codeMax} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <Select
                    label={t('web.scoring.editor.sectionKind')}
                    data={SECTION_KINDS.map((k) => ({ value: k, label: t(`web.scoring.templates.sectionKind.${k}`) }))}
                    value={s.kind}
                    onChange={(v) => v && setSection(i, { kind: v as Section['kind'] })}
                    allowDeselect={false}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NumberInput label={t('web.scoring.editor.sectionMax')} value={s.maxPoints} onChange={(v) => setSection(i, { maxPoints: num(v) })} min={0} decimalScale={2} decimalSeparator="," />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Textarea label={t('web.scoring.editor.sectionTitle')} value={s.title} onChange={(e) => setSection(i, { title: e.currentTarget.value })} required autosize minRows={1} maxLength={LIMITS.textMax} data-testid="template-edit-section-title" />
                </Grid.Col>
              </Grid>
              {s.criteria.map((c, k) => (
                <Paper key={k} withBorder p="sm" data-testid="template-edit-criterion">
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {t('web.scoring.editor.criterion', { code: c.code })}
                      </Text>
                      <ActionIcon variant="subtle" color="red" onClick={() => setSection(i, { criteria: s.criteria.filter((_, m) => m !== k) })} aria-label={t('web.scoring.editor.removeCriterion', { code: c.code })}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                    <Grid gap="sm">
                      <Grid.Col span={{ base: 12, sm: 3 }}>
                        <TextInput label={t('web.scoring.editor.criterionCode')} value={c.code} onChange={(e) => setCriterion(i, k, { code: e.currentTarget.value })} required maxLength={LIMITS.codeMax} />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, sm: 3 }}>
                        <NumberInput label={t('web.scoring.editor.criterionMax')} value={c.maxPoints} onChange={(v) => setCriterion(i, k, { maxPoints: num(v) })} min={0} decimalScale={2} decimalSeparator="," data-testid="template-edit-criterion-max" />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, sm: 3 }}>
                        <NumberInput label={t('web.scoring.editor.criterionStep')} description={t('web.scoring.editor.criterionStepHint')} value={c.step} onChange={(v) => setCriterion(i, k, { step: num(v) })} min={0} decimalScale={2} decimalSeparator="," />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 3 }}>
                        <MultiSelect
                          label={t('web.scoring.editor.variants')}
                          description={t('web.scoring.editor.variantsHint')}
                          data={VARIANTS.map((v) => ({ value: v, label: t(`web.scoring.templates.variant.${v}`) }))}
                          value={c.variants ?? []}
                          onChange={(v) => setCriterion(i, k, { variants: v as Criterion['variants'] })}
                        />
                      </Grid.Col>
                      <Grid.Col span={12}>
                        <Textarea label={t('web.scoring.editor.criterionText')} value={c.text} onChange={(e) => setCriterion(i, k, { text: e.currentTarget.value })} required autosize minRows={1} maxLength={LIMITS.textMax} data-testid="template-edit-criterion-text" />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, md: 6 }}>
                        <Textarea label={t('web.scoring.editor.guidance')} value={c.guidance ?? ''} onChange={(e) => setCriterion(i, k, { guidance: e.currentTarget.value })} autosize minRows={1} maxLength={4000} />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, md: 6 }}>
                        <Textarea label={t('web.scoring.editor.evidence')} value={c.evidence ?? ''} onChange={(e) => setCriterion(i, k, { evidence: e.currentTarget.value })} autosize minRows={1} maxLength={LIMITS.textMax} />
                      </Grid.Col>
                      <Grid.Col span={12}>
                        <Checkbox label={t('web.scoring.editor.evidenceRequired')} checked={c.evidenceRequired} onChange={(e) => setCriterion(i, k, { evidenceRequired: e.currentTarget.checked })} />
                      </Grid.Col>
                    </Grid>
                  </Stack>
                </Paper>
              ))}
              <Group>
                <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => addCriterion(i)} data-testid="template-edit-add-criterion">
                  {t('web.scoring.editor.addCriterion')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={addSection}>
            {t('web.scoring.editor.addSection')}
          </Button>
        </Group>
        {problems.length > 0 ? (
          <Alert color="red" variant="light" role="alert" title={t('web.scoring.templates.problems')} data-testid="template-problems">
            <List size="sm">
              {problems.map((p, i) => (
                <List.Item key={i}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ErrorAlert error={update.error} />
        )}
        <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs" style={{ zIndex: 2 }}>
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            {t('web.scoring.editor.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="template-edit-save">
            {t('web.scoring.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
