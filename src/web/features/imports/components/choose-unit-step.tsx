import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconDownload, IconLock } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { OrgPicker } from '../../../components/ui/org-picker';
import { IMPORT_TEMPLATE_URL } from '../api/get-import';

interface ChooseUnitStepProps {
  orgId: number | null;
  onOrgChange: (orgId: number | null) => void;
  /** `undefined` while the unit's abilities are loading. */
  canImport: boolean | undefined;
  onNext: () => void;
}

export function ChooseUnitStep({ orgId, onOrgChange, canImport, onNext }: ChooseUnitStepProps) {
  const t = useT();
  return (
    <Stack gap="md" maw={640}>
      <OrgPicker label={t('web.import.unit')} description={t('web.import.unitHint')} value={orgId} onChange={onOrgChange} activeOnly required />
      {canImport === false && (
        <Alert color="orange" icon={<IconLock size={18} aria-hidden />} role="alert">
          {t('web.import.noPermission')}
        </Alert>
      )}
      <Text size="sm">{t('web.import.templateHint')}</Text>
      <Group gap="sm">
        <Button component="a" href={IMPORT_TEMPLATE_URL} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          {t('web.import.downloadTemplate')}
        </Button>
        <Button onClick={onNext} disabled={orgId === null || canImport !== true} rightSection={<IconArrowRight size={16} aria-hidden />}>
          {t('web.common.next')}
        </Button>
      </Group>
    </Stack>
  );
}
