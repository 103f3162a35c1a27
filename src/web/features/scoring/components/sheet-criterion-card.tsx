import { useState, type ReactNode } from 'react';
import { Button, Collapse, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import type { SheetCriterion } from '../api/sheets';
import { criterionAnchor, points } from './sheet-parts';

/** One criterion: its text, maximum and step, guidance (folded) and the evidence asked for; the form's fields below. */
export function SheetCriterionCard({ criterion, highlight, children }: { criterion: SheetCriterion; highlight?: boolean; children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const c = criterion;
  return (
    <Paper
      withBorder
      p="md"
      id={criterionAnchor(c.code)}
      data-testid="sheet-criterion"
      data-code={c.code}
      style={{ scrollMarginTop: 80, ...(highlight ? { borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 } : {}) }}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {c.code}. {c.text}
        </Text>
        <Text size="xs" c="dimmed">
          {t('web.scoring.sheet.maxStep', { max: points(c.maxPoints), step: points(c.step) })}
        </Text>
        {c.evidence && (
          <Text size="xs">
            <Text span size="xs" fw={500}>
              {t('web.scoring.sheet.evidence.hintLabel')}
            </Text>{' '}
            {c.evidence}
          </Text>
        )}
        {c.guidance && (
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              px={4}
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
            >
              {t('web.scoring.sheet.guidance')}
            </Button>
            <Collapse expanded={open}>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                {c.guidance}
              </Text>
            </Collapse>
          </div>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
