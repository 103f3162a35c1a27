import { Button, type ButtonProps } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useT } from '../../lib/i18n';
import { downloadUrl } from '../../lib/api-client';

type Filters = Record<string, string | number | boolean | null | undefined>;

/**
 * "Xuất Excel" of a list (issue 10): a plain link, so the browser downloads the file itself with the
 * session cookie; it carries the filters the page shows (not the page number).
 */
export function ExcelExportButton({ path, filters, testId, ...props }: { path: string; filters: Filters; testId: string } & Omit<ButtonProps, 'children'>) {
  const t = useT();
  return (
    <Button component="a" href={downloadUrl(path, filters)} download variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid={testId} {...props}>
      {t('web.listExport.button')}
    </Button>
  );
}
