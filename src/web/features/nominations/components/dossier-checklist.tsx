import { useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconFileDescription, IconFileUpload, IconQuestionMark, IconReplace, IconTrash } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import type { DocKind } from '../../../../contracts/nominations';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ReasonField } from '../../../components/ui/reason-field';
import type { NominationDto } from '../api/nominations';
import { achievementReportUrl, DOCUMENT_ACCEPT, DOCUMENT_MAX_MB, documentFileUrl, useRevokeDocument, useUploadDocument } from '../api/documents';

type Doc = NominationDto['documents'][number];
type Item = NominationDto['checklist'][number];
const kb = (bytes: number) => formatNumber(Math.max(1, Math.round(bytes / 1024)));

/** The dossier (hồ sơ) as the decree lists it: each paper, whether it is there, and its files with every version. */
export function DossierChecklist({ nomination }: { nomination: NominationDto }) {
  const t = useT();
  const editable = hasAbility(nomination, 'document.upload');
  // Papers outside the checklist (e.g. an agency's opinion, "Khác") still show with their files.
  const listed = new Set(nomination.checklist.map((c) => c.kind));
  const extra = [...new Set(nomination.documents.map((d) => d.kind).filter((k) => !listed.has(k)))];
  return (
    <Paper withBorder p="md" data-testid="dossier">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {t('web.nominations.dossier.title')}
          </Title>
          {hasAbility(nomination, 'document.generate') && (
            <Button component="a" href={achievementReportUrl(nomination.id)} variant="light" leftSection={<IconFileDescription size={16} aria-hidden />} data-testid="dossier-report-template">
              {t('web.nominations.dossier.reportTemplate')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('web.nominations.dossier.hint', { maxMb: DOCUMENT_MAX_MB })}
        </Text>
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {nomination.checklist.map((item) => (
            <DossierItem key={item.kind} nomination={nomination} item={item} editable={editable} />
          ))}
          {extra.map((kind) => (
            <DossierItem key={kind} nomination={nomination} item={{ kind, label: t(`web.nominations.docKind.${kind}`), required: false, scope: 'NOMINATION', copies: 1, present: 0 }} editable={editable} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function DossierItem({ nomination, item, editable }: { nomination: NominationDto; item: Item; editable: boolean }) {
  const t = useT();
  const isMobile = useIsMobile();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadDocument(nomination.id);
  const [replacing, setReplacing] = useState<number | null>(null);
  const [revoking, setRevoking] = useState<Doc | null>(null);
  const files = nomination.documents.filter((d) => d.kind === item.kind);
  const active = files.filter((d) => d.status === 'ACTIVE');
  const bySubmission = item.scope === 'SUBMISSION';
  const done = bySubmission || active.length > 0;
  const missing = item.required && !done;

  const choose = (supersedesId: number | null) => {
    setReplacing(supersedesId);
    upload.reset();
    input.current?.click();
  };

  return (
    <Paper component="li" withBorder p="sm" bg={missing ? 'var(--mantine-color-orange-0)' : undefined} data-testid="dossier-item" data-kind={item.kind} data-present={active.length} data-missing={missing || undefined}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon color={done ? 'teal' : missing ? 'orange' : 'gray'} variant="light" size={24} radius="xl" role="img" aria-label={done ? t('web.nominations.dossier.present') : t('web.nominations.dossier.absent')}>
            {done ? <IconCheck size={14} aria-hidden /> : <IconQuestionMark size={14} aria-hidden />}
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
              {item.label}
            </Text>
            <Group gap={6}>
              {item.required && (
                <Badge size="sm" color={missing ? 'orange' : 'gray'} variant="light" style={{ textTransform: 'none' }}>
                  {t('web.nominations.dossier.required')}
                </Badge>
              )}
              {item.copies > 1 && (
                <Text size="xs" c="dimmed">
                  {t('web.nominations.dossier.copies', { count: item.copies })}
                </Text>
              )}
              {bySubmission && (
                <Text size="xs" c="dimmed">
                  {t('web.nominations.dossier.bySubmission')}
                </Text>
              )}
            </Group>
          </Stack>
        </Group>
        {files.length > 0 && (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {files.map((f) => {
              const gone = f.status !== 'ACTIVE';
              return (
                <li key={f.id} data-testid="dossier-file" data-status={f.status}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor href={documentFileUrl(f.id)} size="sm" td={gone ? 'line-through' : undefined} style={{ wordBreak: 'break-word' }} data-testid="dossier-download">
                      <IconDownload size={14} aria-hidden /> {f.fileName}
                    </Anchor>
                    <Text span size="xs" c="dimmed">
                      {t('web.nominations.dossier.meta', { size: kb(f.sizeBytes), by: f.uploadedByName ?? '—', at: formatDateTime(f.uploadedAt) })}
                    </Text>
                    {f.status === 'SUPERSEDED' && (
                      <Text span size="xs" c="dimmed">
                        {t('web.nominations.dossier.superseded')}
                      </Text>
                    )}
                    {f.status === 'REVOKED' && (
                      <Text span size="xs" c="red.9">
                        {t('web.nominations.dossier.revoked', { reason: f.revokedReason ?? '' })}
                      </Text>
                    )}
                    {!gone && hasAbility(f, 'document.replace') && (
                      <Button size={isMobile ? 'sm' : 'compact-sm'} variant="subtle" leftSection={<IconReplace size={14} aria-hidden />} onClick={() => choose(f.id)} aria-label={t('web.nominations.dossier.replaceFile', { name: f.fileName })} data-testid="dossier-replace">
                        {t('web.nominations.dossier.replace')}
                      </Button>
                    )}
                    {!gone && hasAbility(f, 'document.revoke') && (
                      <Button size={isMobile ? 'sm' : 'compact-sm'} variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setRevoking(f)} aria-label={t('web.nominations.dossier.revokeFile', { name: f.fileName })} data-testid="dossier-revoke">
                        {t('web.nominations.dossier.revoke')}
                      </Button>
                    )}
                  </Group>
                </li>
              );
            })}
          </Stack>
        )}
        {editable && !bySubmission && (
          <>
            <input
              ref={input}
              type="file"
              accept={DOCUMENT_ACCEPT}
              hidden
              aria-label={t('web.nominations.dossier.inputLabel', { label: item.label })}
              data-testid="dossier-input"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) upload.mutate({ kind: item.kind as DocKind, file, supersedesId: replacing });
              }}
            />
            <Button size="md" fullWidth={isMobile} variant={active.length === 0 ? 'filled' : 'light'} leftSection={<IconFileUpload size={18} aria-hidden />} onClick={() => choose(null)} loading={upload.isPending} data-testid="dossier-upload" style={{ alignSelf: isMobile ? undefined : 'flex-start' }}>
              {active.length === 0 ? t('web.nominations.dossier.upload') : t('web.nominations.dossier.uploadMore')}
            </Button>
            {upload.isPending && <Progress value={upload.progress * 100} animated aria-label={t('web.nominations.dossier.uploading')} />}
            <ErrorAlert error={upload.error} />
          </>
        )}
      </Stack>
      {revoking && <RevokeModal file={revoking} onClose={() => setRevoking(null)} />}
    </Paper>
  );
}

function RevokeModal({ file, onClose }: { file: Doc; onClose: () => void }) {
  const t = useT();
  const revoke = useRevokeDocument();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.nominations.dossier.revokeTitle', { name: file.fileName })}
      submitLabel={t('web.nominations.dossier.revoke')}
      danger
      confirmMessage={t('web.nominations.dossier.revokeConfirm', { name: file.fileName })}
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
