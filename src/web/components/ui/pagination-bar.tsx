import { Group, Pagination, Select, Text } from '@mantine/core';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/format';

const PAGE_SIZES = ['25', '50', '100', '200'];

interface PaginationBarProps {
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
}

export function PaginationBar({ total, page, pageSize, onPageChange, onPageSizeChange }: PaginationBarProps) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed">
        {t('web.common.total', { count: formatNumber(total) })}
      </Text>
      <Group gap="sm">
        {onPageSizeChange && (
          <Select
            aria-label={t('web.common.pageSize')}
            data={PAGE_SIZES.map((size) => ({ value: size, label: t('web.common.perPage', { count: size }) }))}
            value={String(pageSize)}
            onChange={(value) => value && onPageSizeChange(Number(value))}
            allowDeselect={false}
            w={130}
            size="xs"
          />
        )}
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPageChange}
          size="sm"
          siblings={1}
          boundaries={1}
          getControlProps={(control) => ({
            'aria-label': control === 'previous' ? t('web.common.previousPage') : control === 'next' ? t('web.common.nextPage') : t('web.common.page'),
          })}
          getItemProps={(item) => ({ 'aria-label': t('web.common.pageN', { page: item }) })}
        />
      </Group>
    </Group>
  );
}
