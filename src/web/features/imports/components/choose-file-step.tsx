import { useId, useState } from 'react';
import { Button, Group, Input, Progress, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconUpload } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import type { MessageKey } from '../../../../contracts/messages';
import { useT } from '../../../lib/i18n';
import { formatNumber, toMegabytes } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { checkImportFile, type FileProblem } from './file-check';
import classes from './choose-file-step.module.css';

const PROBLEM_KEYS: Record<FileProblem, MessageKey> = {
  notXlsx: 'web.import.file.notXlsx',
  tooLarge: 'web.import.file.tooLarge',
  empty: 'web.import.file.empty',
};

interface ChooseFileStepProps {
  unitName: string | undefined;
  uploading: boolean;
  uploadProgress: number;
  uploadError: unknown;
  onBack: () => void;
  onUpload: (file: File) => void;
}

export function ChooseFileStep({ unitName, uploading, uploadProgress, uploadError, onBack, onUpload }: ChooseFileStepProps) {
  const t = useT();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const maxMb = toMegabytes(LIMITS.importMaxBytes);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProblem(chosen ? checkImportFile(chosen) : null);
  };

  return (
    <Stack gap="md" maw={640}>
      {unitName && <Text size="sm">{t('web.import.intoUnit', { name: unitName })}</Text>}
      <Input.Wrapper
        label={t('web.import.file.label')}
        description={t('web.import.file.hint', { maxMb, maxRows: formatNumber(LIMITS.importMaxRows) })}
        error={problem ? t(PROBLEM_KEYS[problem], { maxMb }) : undefined}
        labelProps={{ htmlFor: inputId }}
        required
      >
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={classes.fileInput}
          onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
          disabled={uploading}
          aria-invalid={problem !== null}
          data-testid="import-file-input"
        />
      </Input.Wrapper>
      {file && !problem && (
        <Text size="sm" c="dimmed">
          {t('web.import.file.chosen', { name: file.name, size: formatNumber(Math.max(1, Math.round(file.size / 1024))) })}
        </Text>
      )}
      {uploading && (
        <Stack gap={4}>
          <Progress value={uploadProgress * 100} animated aria-label={t('web.import.uploading')} />
          <Text size="xs" c="dimmed">
            {t('web.import.uploadingPercent', { percent: Math.round(uploadProgress * 100) })}
          </Text>
        </Stack>
      )}
      <ErrorAlert error={uploadError} />
      <Group gap="sm">
        <Button variant="default" onClick={onBack} disabled={uploading} leftSection={<IconArrowLeft size={16} aria-hidden />}>
          {t('web.common.back')}
        </Button>
        <Button
          onClick={() => file && onUpload(file)}
          disabled={!file || problem !== null}
          loading={uploading}
          leftSection={<IconUpload size={16} aria-hidden />}
          data-testid="import-upload"
        >
          {t('web.import.upload')}
        </Button>
      </Group>
    </Stack>
  );
}
