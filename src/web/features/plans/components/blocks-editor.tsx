import { memo, type Dispatch } from 'react';
import { ActionIcon, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconRowInsertBottom, IconTrash } from '@tabler/icons-react';
import { PLAN_BLOCK_KINDS, type PlanBlockKind } from '../../../../contracts/plans';
import { headingNumbers } from '../../../../domain/plans/heading-numbers';
import { useT, type Translate } from '../../../lib/i18n';
import type { BlockRow, FormAction } from './plan-form';

interface RowProps {
  block: BlockRow;
  index: number;
  count: number;
  /** "I.", "1." for headings. */
  number: string | null;
  error: string | undefined;
  dispatch: Dispatch<FormAction>;
  t: Translate;
}

const BlockEditorRow = memo(function BlockEditorRow({ block, index, count, number, error, dispatch, t }: RowProps) {
  const n = index + 1;
  const heading = block.kind === 'HEADING_1' || block.kind === 'HEADING_2';
  return (
    <Paper withBorder p="xs" data-testid="plan-block" data-kind={block.kind}>
      <Stack gap={6}>
        <Group gap={6} justify="space-between" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            {/* A native select: light enough for a hundred blocks, and the phone's own picker. */}
            <NativeSelect
              size="xs"
              w={150}
              aria-label={t('web.plans.editor.blockKind', { n })}
              data={PLAN_BLOCK_KINDS.map((k) => ({ value: k, label: t(`web.plans.editor.kind.${k}`) }))}
              value={block.kind}
              onChange={(e) => dispatch({ type: 'block', key: block.key, patch: { kind: e.currentTarget.value as PlanBlockKind } })}
              data-testid="plan-block-kind"
            />
            {number && (
              <Badge variant="light" color="gray" style={{ textTransform: 'none' }} data-testid="plan-block-number">
                {number}
              </Badge>
            )}
          </Group>
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => dispatch({ type: 'blockMove', key: block.key, by: -1 })} aria-label={t('web.plans.editor.moveUp', { n })} title={t('web.plans.editor.moveUp', { n })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" disabled={index === count - 1} onClick={() => dispatch({ type: 'blockMove', key: block.key, by: 1 })} aria-label={t('web.plans.editor.moveDown', { n })} title={t('web.plans.editor.moveDown', { n })}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" onClick={() => dispatch({ type: 'blockInsert', afterKey: block.key })} aria-label={t('web.plans.editor.blockInsert', { n })} title={t('web.plans.editor.blockInsert', { n })} data-testid="plan-block-insert">
              <IconRowInsertBottom size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" disabled={count === 1} onClick={() => dispatch({ type: 'blockRemove', key: block.key })} aria-label={t('web.plans.editor.remove', { n })} title={t('web.plans.editor.remove', { n })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Textarea
          aria-label={t('web.plans.editor.blockText', { n })}
          value={block.text}
          onChange={(e) => dispatch({ type: 'block', key: block.key, patch: { text: e.currentTarget.value } })}
          autosize
          minRows={1}
          maxRows={12}
          error={error}
          styles={heading ? { input: { fontWeight: 700 } } : undefined}
          data-testid="plan-block-text"
        />
      </Stack>
    </Paper>
  );
});

/** The body of the plan as a list of blocks; headings show the number they will be printed with. */
export function BlocksEditor({ blocks, dispatch, error }: { blocks: BlockRow[]; dispatch: Dispatch<FormAction>; error: (field: string) => string | undefined }) {
  const t = useT();
  const numbers = headingNumbers(blocks.map((b) => b.kind));
  return (
    <Stack gap="xs" data-testid="plan-blocks-editor">
      <Text size="sm" c="dimmed">
        {t('web.plans.editor.blocksHint')}
      </Text>
      {error('blocks') && (
        <Text size="sm" c="red" role="alert">
          {error('blocks')}
        </Text>
      )}
      {blocks.map((b, i) => (
        <BlockEditorRow key={b.key} block={b} index={i} count={blocks.length} number={numbers[i] ?? null} error={error(`blocks.${i}.text`) ?? error(`blocks.${i}`)} dispatch={dispatch} t={t} />
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => dispatch({ type: 'blockInsert', afterKey: null })} data-testid="plan-block-add">
          {t('web.plans.editor.blockAdd')}
        </Button>
      </Group>
    </Stack>
  );
}
