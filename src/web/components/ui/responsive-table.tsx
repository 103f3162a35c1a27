import { Fragment, useState, type MouseEvent, type ReactNode } from 'react';
import { ActionIcon, Box, Collapse, Group, LoadingOverlay, Paper, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useIsMobile } from '../../lib/use-is-mobile';
import { useT } from '../../lib/i18n';
import classes from './responsive-table.module.css';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Server sort key; the column header becomes a sort button. */
  sortKey?: string;
  /** Shown as the card's heading on phones. */
  primary?: boolean;
  /** Left out of the phone card (e.g. a value already in the heading). */
  hideOnCard?: boolean;
  width?: number | string;
}

interface ResponsiveTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** Accessible name of the table. */
  caption: string;
  onRowClick?: (row: T) => void;
  /** Current sort as `key` or `-key`. */
  sort?: string;
  onSortChange?: (sort: string) => void;
  loading?: boolean;
  /** Data is being refreshed while the previous page is still shown. */
  refreshing?: boolean;
  empty?: ReactNode;
  renderDetail?: (row: T) => ReactNode;
  testId?: string;
  rowTestId?: string;
  minWidth?: number;
}

/** Next sort after clicking a column: ascending first, then descending. */
export function nextSort(current: string | undefined, key: string): string {
  return current === key ? `-${key}` : key;
}

function sortState(current: string | undefined, key: string): 'ascending' | 'descending' | 'none' {
  if (current === key) return 'ascending';
  if (current === `-${key}`) return 'descending';
  return 'none';
}

/** Clicks on links, buttons and inputs inside a row keep their own meaning. */
function isInteractive(event: MouseEvent): boolean {
  return (event.target as HTMLElement).closest('a, button, input, select, textarea, label') !== null;
}

/**
 * A server-sorted table on wide screens that becomes a stack of cards on phones (UX principle 7).
 * Only one of the two is rendered so row test ids stay unique.
 */
export function ResponsiveTable<T>(props: ResponsiveTableProps<T>) {
  const { columns, rows, rowKey, caption, onRowClick, sort, onSortChange, loading, refreshing, empty, renderDetail, testId, rowTestId, minWidth = 720 } = props;
  const t = useT();
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState<Set<string | number>>(new Set());

  const toggle = (key: string | number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  if (loading && rows.length === 0) {
    return (
      <Stack gap="xs" data-testid={testId} aria-busy>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={isMobile ? 72 : 36} radius="sm" />
        ))}
      </Stack>
    );
  }

  if (rows.length === 0) {
    return (
      <Paper withBorder p="xl" data-testid={testId}>
        <Text c="dimmed" ta="center">
          {empty ?? t('web.common.noData')}
        </Text>
      </Paper>
    );
  }

  const detailToggle = (row: T) => {
    const key = rowKey(row);
    const open = expanded.has(key);
    return (
      <ActionIcon variant="subtle" onClick={() => toggle(key)} aria-expanded={open} aria-label={open ? t('web.common.hideDetails') : t('web.common.showDetails')}>
        {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
      </ActionIcon>
    );
  };

  if (isMobile) {
    const primary = columns.find((c) => c.primary) ?? columns[0];
    return (
      <Stack gap="xs" pos="relative" data-testid={testId} aria-label={caption} role="list">
        <LoadingOverlay visible={refreshing ?? false} zIndex={5} overlayProps={{ blur: 1 }} />
        {rows.map((row) => {
          const key = rowKey(row);
          return (
            <Paper
              key={key}
              withBorder
              p="sm"
              role="listitem"
              data-testid={rowTestId}
              className={onRowClick ? classes.clickable : undefined}
              onClick={onRowClick ? (event: MouseEvent) => !isInteractive(event) && onRowClick(row) : undefined}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Box fw={600} style={{ minWidth: 0 }}>
                  {primary?.cell(row)}
                </Box>
                {renderDetail && detailToggle(row)}
              </Group>
              <dl className={classes.cardFields}>
                {columns
                  .filter((c) => c !== primary && !c.hideOnCard)
                  .map((column) => ({ column, value: column.cell(row) }))
                  // A card has no room for empty labels.
                  .filter(({ value }) => value !== null && value !== undefined && value !== '' && value !== false)
                  .map(({ column, value }) => (
                    <Fragment key={column.key}>
                      <dt>{column.header}</dt>
                      <dd>{value}</dd>
                    </Fragment>
                  ))}
              </dl>
              {renderDetail && <Collapse expanded={expanded.has(key)}>{expanded.has(key) && renderDetail(row)}</Collapse>}
            </Paper>
          );
        })}
      </Stack>
    );
  }

  return (
    <Box pos="relative">
      <LoadingOverlay visible={refreshing ?? false} zIndex={5} overlayProps={{ blur: 1 }} />
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover={Boolean(onRowClick)} verticalSpacing="xs" data-testid={testId} aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              {renderDetail && (
                <Table.Th w={44}>
                  <span className={classes.visuallyHidden}>{t('web.common.details')}</span>
                </Table.Th>
              )}
              {columns.map((column) => (
                <Table.Th key={column.key} w={column.width} aria-sort={column.sortKey && onSortChange ? sortState(sort, column.sortKey) : undefined}>
                  {column.sortKey && onSortChange ? (
                    <UnstyledButton className={classes.sortButton} onClick={() => onSortChange(nextSort(sort, column.sortKey!))}>
                      <span>{column.header}</span>
                      <SortIcon state={sortState(sort, column.sortKey)} />
                    </UnstyledButton>
                  ) : (
                    column.header
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              return (
                <Fragment key={key}>
                  <Table.Tr
                    data-testid={rowTestId}
                    className={onRowClick ? classes.clickable : undefined}
                    onClick={onRowClick ? (event: MouseEvent) => !isInteractive(event) && onRowClick(row) : undefined}
                  >
                    {renderDetail && <Table.Td>{detailToggle(row)}</Table.Td>}
                    {columns.map((column) => (
                      <Table.Td key={column.key}>{column.cell(row)}</Table.Td>
                    ))}
                  </Table.Tr>
                  {renderDetail && expanded.has(key) && (
                    <Table.Tr>
                      <Table.Td colSpan={columns.length + 1} bg="var(--mantine-color-gray-0)">
                        {renderDetail(row)}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

function SortIcon({ state }: { state: 'ascending' | 'descending' | 'none' }) {
  if (state === 'ascending') return <IconChevronUp size={14} aria-hidden />;
  if (state === 'descending') return <IconChevronDown size={14} aria-hidden />;
  return <IconSelector size={14} aria-hidden opacity={0.5} />;
}
