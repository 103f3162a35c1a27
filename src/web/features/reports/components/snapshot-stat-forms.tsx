import { Anchor, Button, Popover, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconTable } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { downloadUrl } from '../../../lib/api-client';
import { useTemplateList } from '../../report-templates/api/report-templates';

/**
 * The statistical forms a frozen report can fill: each template the report's organisation may use,
 * as a download link (XLSX with the stored figures; a plain link keeps the session cookie). A popover
 * of links rather than a menu: the items are links, and a menu's focus sentinel fails axe.
 */
export function SnapshotStatForms({ snapshotId, orgId, title }: { snapshotId: number; orgId: number; title: string }) {
  const t = useT();
  const templates = useTemplateList(orgId, 'ACTIVE');
  const items = templates.data?.items ?? [];
  return (
    <Popover position="bottom-start" withinPortal shadow="md">
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconTable size={14} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('web.reports.statFormsAria', { title })}
          loading={templates.isPending}
          data-testid="reports-snapshot-statforms"
        >
          {t('web.reports.statForms')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          {items.map((tpl) => (
            <Anchor key={tpl.id} size="sm" href={downloadUrl(`/reports/snapshots/${snapshotId}/stat-form.xlsx`, { templateId: tpl.id })} download data-testid="reports-snapshot-statform">
              {tpl.code} – {tpl.name}
            </Anchor>
          ))}
          {templates.isSuccess && items.length === 0 && <Text size="sm">{t('web.reports.statForms.none')}</Text>}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
