import { ActionIcon, Group, Input, Paper, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import type { MessageKey } from '../../../../contracts/messages';
import { useT } from '../../../lib/i18n';
import { tieBreakLabel } from './round-badges';

const FIXED_RULES = ['REGULAR_TOTAL', 'BONUS_LOWER', 'FEWER_DEDUCTIONS', 'NAME'] as const;

function ruleHint(rule: string): MessageKey {
  return rule.startsWith('SECTION_TOTAL:') ? 'web.scoring.tieBreak.SECTION_TOTAL.hint' : (`web.scoring.tieBreak.${rule}.hint` as MessageKey);
}

interface TieBreaksEditorProps {
  value: string[];
  onChange: (value: string[]) => void;
  /** Sections of the chosen template (null until one is chosen). */
  sections: { code: string; title: string }[] | null;
  error?: string;
}

/**
 * The declared tie-break order, built from the template's sections and the fixed rules: each rule
 * once, moved up and down with buttons (keyboard-friendly, no dragging needed on a phone).
 */
export function TieBreaksEditor({ value, onChange, sections, error }: TieBreaksEditorProps) {
  const t = useT();
  const all = [...(sections ?? []).map((s) => `SECTION_TOTAL:${s.code}`), ...FIXED_RULES];
  const label = (rule: string) => tieBreakLabel(t, rule, sections ?? []);
  const available = all.filter((r) => !value.includes(r));
  const move = (i: number, by: number) => {
    const next = [...value];
    const [rule] = next.splice(i, 1);
    next.splice(i + by, 0, rule!);
    onChange(next);
  };

  return (
    <Input.Wrapper label={t('web.scoring.tieBreaks.label')} description={t('web.scoring.tieBreaks.hint')} error={error} data-testid="round-tie-breaks">
      <Stack gap="xs" mt={6}>
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('web.scoring.tieBreaks.empty')}
          </Text>
        )}
        <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {value.map((rule, i) => (
            <Paper key={rule} withBorder p="xs" component="li" data-testid="round-tie-break" data-rule={rule}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {i + 1}. {label(rule)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(ruleHint(rule))}
                  </Text>
                </Stack>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('web.scoring.tieBreaks.up', { rule: label(rule) })}>
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('web.scoring.tieBreaks.down', { rule: label(rule) })}>
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" onClick={() => onChange(value.filter((r) => r !== rule))} aria-label={t('web.scoring.tieBreaks.remove', { rule: label(rule) })}>
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
        {sections === null && (
          <Text size="xs" c="dimmed">
            {t('web.scoring.tieBreaks.chooseTemplate')}
          </Text>
        )}
        {available.length > 0 && (
          <Select
            aria-label={t('web.scoring.tieBreaks.add')}
            placeholder={t('web.scoring.tieBreaks.addPlaceholder')}
            data={available.map((r) => ({ value: r, label: label(r) }))}
            value={null}
            onChange={(rule) => rule && onChange([...value, rule])}
            data-testid="round-tie-break-add"
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
