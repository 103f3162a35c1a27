import { memo, type Dispatch } from 'react';
import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { RECIPIENT_KINDS, type PlanDto, type RecipientKind } from '../../../../contracts/plans';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { OrgPicker } from '../../../components/ui/org-picker';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { useIssuedPlansOf } from '../api/plans';
import type { BasisRow, FormAction, RecipientRow } from './plan-form';

type ErrorOf = (field: string) => string | undefined;

/** "Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của … về …;" for a plan chosen as basis. */
function basisText(p: PlanDto, t: ReturnType<typeof useT>): string {
  const title = p.title.charAt(0).toLocaleLowerCase('vi') + p.title.slice(1);
  return t('web.plans.editor.basisFrom', {
    number: `${String(p.number ?? '').padStart(2, '0')}/${p.symbol}`,
    date: p.issuedOn ? formatDate(p.issuedOn) : String(p.year),
    org: p.orgName,
    title,
  });
}

/** Căn cứ: each line an issued plan of the superior unit (linked), or free text. */
interface BasisEditorProps {
  rows: BasisRow[];
  parentOrgId: number | null;
  dispatch: Dispatch<FormAction>;
  error: ErrorOf;
}

/** The messages a list shows, as one string: the lists re-render when these change, not on every keystroke elsewhere. */
function listErrors(error: ErrorOf, name: 'basis' | 'recipients', count: number, fields: readonly string[]): string {
  const out = [error(name) ?? ''];
  for (let i = 0; i < count; i++) out.push(error(`${name}.${i}`) ?? '', ...fields.map((f) => error(`${name}.${i}.${f}`) ?? ''));
  return out.join('\u0000');
}

/** Re-render a list only when its rows, its context or its messages change (a Mantine Select per row is not cheap). */
function sameList<P extends { rows: unknown; error: ErrorOf }>(name: 'basis' | 'recipients', fields: readonly string[], keys: (keyof P)[]) {
  return (a: P, b: P) =>
    a.rows === b.rows &&
    keys.every((k) => a[k] === b[k]) &&
    listErrors(a.error, name, (a.rows as unknown[]).length, fields) === listErrors(b.error, name, (b.rows as unknown[]).length, fields);
}

export const BasisEditor = memo(BasisEditorList, sameList<BasisEditorProps>('basis', ['text'], ['parentOrgId', 'dispatch']));

function BasisEditorList({ rows, parentOrgId, dispatch, error }: BasisEditorProps) {
  const t = useT();
  const superior = useIssuedPlansOf(parentOrgId);
  const plans = superior.data?.items ?? [];
  const options = plans.map((p) => ({ value: String(p.id), label: `${p.numberLine.replace(/^Số:\s*/, '')} – ${p.title}` }));
  return (
    <Stack gap="xs" data-testid="plan-basis-editor">
      <Text size="sm" c="dimmed">
        {t('web.plans.editor.basisHint')}
      </Text>
      {error('basis') && (
        <Text size="sm" c="red" role="alert">
          {error('basis')}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper withBorder p="xs" key={row.key} data-testid="plan-basis-row">
          <Stack gap={6}>
            <Group gap={6} wrap="nowrap" align="flex-end" justify="flex-end">
              {/* Only offered when the superior unit has issued plans the user can read. */}
              {(options.length > 0 || row.planId !== null) && (
                <Select
                  style={{ flex: 1, minWidth: 0 }}
                  size="xs"
                  label={t('web.plans.editor.basisPlan')}
                  placeholder={t('web.plans.editor.basisPlanNone')}
                  data={options}
                  value={row.planId === null ? null : String(row.planId)}
                  clearable
                  searchable
                  nothingFoundMessage={t('web.plans.editor.basisPlanNone')}
                  onChange={(v) => {
                    const chosen = plans.find((p) => String(p.id) === v);
                    dispatch({ type: 'basis', key: row.key, patch: chosen ? { planId: chosen.id, text: basisText(chosen, t) } : { planId: null } });
                  }}
                  data-testid="plan-basis-plan"
                />
              )}
              <ActionIcon variant="subtle" color="red" size="lg" onClick={() => dispatch({ type: 'basisRemove', key: row.key })} aria-label={t('web.plans.editor.removeLine', { n: i + 1 })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <Textarea
              label={t('web.plans.editor.basisText')}
              value={row.text}
              onChange={(e) => dispatch({ type: 'basis', key: row.key, patch: { text: e.currentTarget.value } })}
              autosize
              minRows={1}
              maxRows={6}
              error={error(`basis.${i}.text`) ?? error(`basis.${i}`)}
              data-testid="plan-basis-text"
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => dispatch({ type: 'basisAdd' })} data-testid="plan-basis-add">
          {t('web.plans.editor.basisAdd')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Nơi nhận: how each line is delivered on issue (a unit's inbox, the grassroots unions below, …) and how it is printed. */
interface RecipientsEditorProps {
  rows: RecipientRow[];
  orgName: string;
  dispatch: Dispatch<FormAction>;
  error: ErrorOf;
}

export const RecipientsEditor = memo(RecipientsEditorList, sameList<RecipientsEditorProps>('recipients', ['text', 'orgId'], ['orgName', 'dispatch']));

function RecipientsEditorList({ rows, orgName, dispatch, error }: RecipientsEditorProps) {
  const t = useT();
  const defaultText = (kind: RecipientKind): string | null => {
    if (kind === 'SUBORDINATES') return t('web.plans.editor.recipientDefault.SUBORDINATES');
    if (kind === 'WEBSITE') return t('web.plans.editor.recipientDefault.WEBSITE', { org: orgName });
    if (kind === 'ARCHIVE') return t('web.plans.editor.recipientDefault.ARCHIVE');
    return null;
  };
  return (
    <Stack gap="xs" data-testid="plan-recipients-editor">
      {error('recipients') && (
        <Text size="sm" c="red" role="alert">
          {error('recipients')}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper withBorder p="xs" key={row.key} data-testid="plan-recipient-row">
          <Stack gap={6}>
            <Group gap={6} wrap="nowrap" align="flex-end">
              <Select
                style={{ flex: 1, minWidth: 0 }}
                size="xs"
                label={t('web.plans.editor.recipientKind', { n: i + 1 })}
                data={RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`web.plans.editor.recipient.${k}`) }))}
                value={row.kind}
                allowDeselect={false}
                onChange={(v) => {
                  if (!v) return;
                  const kind = v as RecipientKind;
                  const text = row.text.trim() === '' ? defaultText(kind) : null;
                  dispatch({ type: 'recipient', key: row.key, patch: { kind, ...(kind !== 'ORG' ? { orgId: null } : {}), ...(text ? { text } : {}) } });
                }}
                data-testid="plan-recipient-kind"
              />
              <ActionIcon variant="subtle" color="red" size="lg" onClick={() => dispatch({ type: 'recipientRemove', key: row.key })} aria-label={t('web.plans.editor.removeLine', { n: i + 1 })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            {row.kind === 'ORG' && (
              <RecipientOrg row={row} index={i} dispatch={dispatch} error={error} />
            )}
            <TextInput
              size="sm"
              label={t('web.plans.editor.recipientText')}
              value={row.text}
              onChange={(e) => dispatch({ type: 'recipient', key: row.key, patch: { text: e.currentTarget.value } })}
              error={error(`recipients.${i}.text`)}
              data-testid="plan-recipient-text"
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => dispatch({ type: 'recipientAdd' })} data-testid="plan-recipient-add">
          {t('web.plans.editor.recipientAdd')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A unit in Vinh Danh; its name becomes the printed line unless the user already typed one. */
function RecipientOrg({ row, index, dispatch, error }: { row: RecipientRow; index: number; dispatch: Dispatch<FormAction>; error: ErrorOf }) {
  const t = useT();
  const queryClient = useQueryClient();
  const choose = (orgId: number | null) => {
    dispatch({ type: 'recipient', key: row.key, patch: { orgId } });
    if (orgId === null || row.text.trim() !== '') return;
    queryClient
      .fetchQuery(orgDetailQuery(orgId))
      .then((org) => dispatch({ type: 'recipient', key: row.key, patch: { text: `${org.name};` } }))
      .catch(() => undefined);
  };
  return (
    <OrgPicker
      label={t('web.plans.editor.recipientOrg')}
      value={row.orgId}
      onChange={choose}
      error={error(`recipients.${index}.orgId`)}
      required
      activeOnly
      data-testid="plan-recipient-org"
    />
  );
}
