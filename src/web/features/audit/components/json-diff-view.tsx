import { Table, Text } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { diffJson, showValue, type ChangeKind } from './json-diff';

const COLORS: Record<ChangeKind, string | undefined> = {
  changed: 'var(--mantine-color-yellow-light)',
  added: 'var(--mantine-color-green-light)',
  removed: 'var(--mantine-color-red-light)',
  same: undefined,
};

/** Before/after of an audited change, one field per row, changes highlighted. */
export function JsonDiffView({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const rows = diffJson(before, after);
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('web.audit.noData')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders fz="xs" aria-label={t('web.audit.diffCaption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('web.audit.diff.field')}</Table.Th>
            <Table.Th>{t('web.audit.diff.before')}</Table.Th>
            <Table.Th>{t('web.audit.diff.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.path} style={{ background: COLORS[row.kind] }}>
              <Table.Td ff="monospace">
                {row.path}
                {row.kind !== 'same' && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t(`web.audit.diff.${row.kind}`)})
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {showValue(row.before)}
              </Table.Td>
              <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {showValue(row.after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
