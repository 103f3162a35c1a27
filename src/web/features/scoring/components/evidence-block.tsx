import { useId, useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileUpload, IconReplace, IconTrash } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ReasonField } from '../../../components/ui/reason-field';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_MB, evidenceFileUrl, useRevokeEvidence, useUploadEvidence, type EvidenceDto } from '../api/evidence';

const kb = (bytes: number) => formatNumber(Math.max(1, Math.round(bytes / 1024)));

interface EvidenceBlockProps {
  sheetId: number;
  criterionCode: string;
  required: boolean;
  /** The criterion has points: a required file is then missing, not just expected. */
  scored: boolean;
  files: readonly EvidenceDto[];
  /** Upload, replace and revoke (the unit while it may self-score); otherwise download only. */
  editable: boolean;
}

/** The evidence files of one criterion: download, and for the unit upload, replace and revoke. */
export function EvidenceBlock({ sheetId, criterionCode, required, scored, files, editable }: EvidenceBlockProps) {
  const t = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadEvidence(sheetId);
  const [replacing, setReplacing] = useState<number | null>(null);
  const [revoking, setRevoking] = useState<EvidenceDto | null>(null);
  const visible = editable ? files : files.filter((f) => f.status === 'ACTIVE');
  const active = files.filter((f) => f.status === 'ACTIVE').length;

  const choose = (supersedesId: number | null) => {
    setReplacing(supersedesId);
    upload.reset();
    input.current?.click();
  };

  return (
    <Stack gap={6} data-testid="evidence-block" data-code={criterionCode}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('web.scoring.sheet.evidence.title')}
        </Text>
        {required && (
          <Badge size="sm" color={active === 0 && scored ? 'red' : 'gray'} variant="light" style={{ textTransform: 'none' }} data-testid="evidence-required">
            {t('web.scoring.sheet.evidence.required')}
          </Badge>
        )}
      </Group>
      {visible.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('web.scoring.sheet.evidence.none')}
        </Text>
      )}
      {visible.length > 0 && (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {visible.map((f) => {
            const gone = f.status !== 'ACTIVE';
            return (
              <li key={f.id} data-testid="evidence-file" data-status={f.status}>
                <Group gap="xs" wrap="wrap" align="center">
                  <Anchor href={evidenceFileUrl(f.id)} size="sm" td={gone ? 'line-through' : undefined} style={{ wordBreak: 'break-word' }} data-testid="evidence-download">
                    <IconDownload size={14} aria-hidden /> {f.fileName}
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {t('web.scoring.sheet.evidence.meta', { size: kb(f.sizeBytes), by: f.uploadedByName ?? '—', at: formatDateTime(f.uploadedAt) })}
                  </Text>
                  {f.status === 'REVOKED' && (
                    <Text span size="xs" c="red.9">
                      {t('web.scoring.sheet.evidence.revoked', { reason: f.revokedReason ?? '' })}
                    </Text>
                  )}
                  {f.status === 'SUPERSEDED' && (
                    <Text span size="xs" c="dimmed">
                      {t('web.scoring.sheet.evidence.superseded')}
                    </Text>
                  )}
                  {editable && !gone && (
                    <Group gap={4}>
                      <Button size="compact-sm" variant="subtle" leftSection={<IconReplace size={14} aria-hidden />} onClick={() => choose(f.id)} aria-label={t('web.scoring.sheet.evidence.replaceFile', { name: f.fileName })}>
                        {t('web.scoring.sheet.evidence.replace')}
                      </Button>
                      {hasAbility(f, 'evidence.revoke') && (
                        <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setRevoking(f)} aria-label={t('web.scoring.sheet.evidence.revokeFile', { name: f.fileName })} data-testid="evidence-revoke">
                          {t('web.scoring.sheet.evidence.revoke')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      {editable && (
        <>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={EVIDENCE_ACCEPT}
            hidden
            aria-label={t('web.scoring.sheet.evidence.inputLabel', { code: criterionCode })}
            data-testid="evidence-upload-input"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) upload.mutate({ criterionCode, file, supersedesId: replacing });
            }}
          />
          <Group gap="xs">
            <Button size="sm" variant="light" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={() => choose(null)} loading={upload.isPending} data-testid="evidence-upload">
              {t('web.scoring.sheet.evidence.upload')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('web.scoring.sheet.evidence.hint', { maxMb: EVIDENCE_MAX_MB })}
            </Text>
          </Group>
          {upload.isPending && <Progress value={upload.progress * 100} animated aria-label={t('web.scoring.sheet.evidence.uploading')} />}
          <ErrorAlert error={upload.error} />
        </>
      )}
      {revoking && <RevokeModal sheetId={sheetId} file={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function RevokeModal({ sheetId, file, onClose }: { sheetId: number; file: EvidenceDto; onClose: () => void }) {
  const t = useT();
  const revoke = useRevokeEvidence(sheetId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.scoring.sheet.evidence.revokeTitle', { name: file.fileName })}
      submitLabel={t('web.scoring.sheet.evidence.revoke')}
      danger
      confirmMessage={t('web.scoring.sheet.evidence.revokeConfirm', { name: file.fileName })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setError(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => revoke.mutate({ id: file.id, reason: reason.trim() }, { onSuccess: onClose })}
      submitting={revoke.isPending}
      error={revoke.error}
      onClose={onClose}
    >
      <ReasonField value={reason} onChange={setReason} error={error} />
    </ActionModal>
  );
}
