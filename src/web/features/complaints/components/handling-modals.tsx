import { useState } from 'react';
import { Alert, Checkbox, FileInput, Progress, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { COMPLAINT_DOCUMENT_TYPES, COMPLAINT_LIMITS, type ComplaintDocumentType } from '../../../../contracts/complaints';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { LongTextField } from '../../../components/ui/long-text-field';
import { ReasonField } from '../../../components/ui/reason-field';
import {
  COMPLAINT_DOCUMENT_ACCEPT,
  COMPLAINT_DOCUMENT_MAX_MB,
  useAssignComplaint,
  useComplaintAssignees,
  useExtendDenunciation,
  useRecordSecondInstance,
  useRevokeComplaintDocument,
  useUploadComplaintDocument,
  type ComplaintDto,
} from '../api/complaints';

interface Props {
  complaint: ComplaintDto;
  onClose: () => void;
}

const tooShort = (v: string) => v.trim().length < COMPLAINT_LIMITS.reasonMin;

/** "Giao xử lý": one of the handlers of the organisation, or nobody; the assignee is e-mailed. */
export function AssignComplaintModal({ complaint, onClose }: Props) {
  const t = useT();
  const assignees = useComplaintAssignees(complaint.id);
  const [userId, setUserId] = useState<string | null>(complaint.assignee ? String(complaint.assignee.id) : null);
  const assign = useAssignComplaint(complaint.id);
  return (
    <ActionModal
      title={t('web.complaints.assign.title')}
      submitLabel={t('web.complaints.action.assign')}
      onClose={onClose}
      submitting={assign.isPending}
      error={assign.error ?? assignees.error}
      onSubmit={() =>
        assign.mutate(
          { version: complaint.version, userId: userId === null ? null : Number(userId) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t(userId === null ? 'web.complaints.assign.cleared' : 'web.complaints.assign.done') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.complaints.assign.explain')}</Text>
      <Select
        label={t('web.complaints.field.assignee')}
        placeholder={t('web.complaints.assign.nobody')}
        data={(assignees.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
        value={userId}
        onChange={setUserId}
        clearable
        searchable
        disabled={assignees.isPending}
        data-testid="complaint-assign-user"
      />
    </ActionModal>
  );
}

/** "Khiếu nại lần hai": recorded by the organisation above, within the window shown. */
export function SecondInstanceModal({ complaint, onClose, onCreated }: Props & { onCreated: (c: ComplaintDto) => void }) {
  const t = useT();
  const w = complaint.secondInstanceWindow;
  const [receivedOn, setReceivedOn] = useState<string | null>(todayIso());
  const [content, setContent] = useState('');
  const [complex, setComplex] = useState(false);
  const [remote, setRemote] = useState(complaint.remote);
  const [errors, setErrors] = useState<{ receivedOn?: string; content?: string }>({});
  const record = useRecordSecondInstance(complaint.id);
  return (
    <ActionModal
      title={t('web.complaints.second.title')}
      submitLabel={t('web.complaints.action.secondInstance')}
      onClose={onClose}
      submitting={record.isPending}
      error={record.error}
      validate={() => {
        const next = {
          receivedOn: receivedOn === null ? t('web.complaints.form.required') : undefined,
          content: content.trim().length < COMPLAINT_LIMITS.contentMin ? t('validation.tooShort', { min: COMPLAINT_LIMITS.contentMin }) : undefined,
        };
        setErrors(next);
        return !next.receivedOn && !next.content;
      }}
      onSubmit={() =>
        receivedOn &&
        record.mutate(
          { receivedOn, content: content.trim(), complex, remote },
          {
            onSuccess: (c) => {
              notifications.show({ color: 'teal', message: t('web.complaints.second.done', { code: c.referenceCode }) });
              onCreated(c);
            },
          },
        )
      }
    >
      {w && (
        <Text size="sm" data-testid="complaint-second-window">
          {t(`web.complaints.second.window.${w.reason}`, { from: formatDate(w.opensOn), to: formatDate(w.closesOn) })}
        </Text>
      )}
      <DateField label={t('web.complaints.field.receivedOn')} value={receivedOn} onChange={setReceivedOn} required maxDate={todayIso()} error={errors.receivedOn} data-testid="complaint-second-date" />
      <LongTextField label={t('web.complaints.field.content')} value={content} onChange={setContent} error={errors.content} max={COMPLAINT_LIMITS.contentMax} maxRows={10} testId="complaint-second-content" />
      <Checkbox label={t('web.complaints.accept.complex')} checked={complex} onChange={(e) => setComplex(e.currentTarget.checked)} data-testid="complaint-second-complex" />
      <Checkbox label={t('web.complaints.accept.remote')} checked={remote} onChange={(e) => setRemote(e.currentTarget.checked)} data-testid="complaint-second-remote" />
    </ActionModal>
  );
}

/** "Gia hạn" of a denunciation (Luật Tố cáo 2018, Điều 30): the reason, and whether the case is especially complex. */
export function ExtendDenunciationModal({ complaint, onClose }: Props) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [especiallyComplex, setEspeciallyComplex] = useState(false);
  const [short, setShort] = useState(false);
  const extend = useExtendDenunciation(complaint.id);
  return (
    <ActionModal
      title={t('web.complaints.extend.title')}
      submitLabel={t('web.complaints.action.extend')}
      onClose={onClose}
      submitting={extend.isPending}
      error={extend.error}
      validate={() => {
        setShort(tooShort(reason));
        return !tooShort(reason);
      }}
      onSubmit={() =>
        extend.mutate(
          { version: complaint.version, reason: reason.trim(), especiallyComplex },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.complaints.extend.done') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.complaints.extend.explain', { done: complaint.extensions })}</Text>
      <Checkbox label={t('web.complaints.extend.especiallyComplex')} checked={especiallyComplex} onChange={(e) => setEspeciallyComplex(e.currentTarget.checked)} data-testid="complaint-extend-especially" />
      <ReasonField value={reason} onChange={setReason} error={short ? t('validation.tooShort', { min: COMPLAINT_LIMITS.reasonMin }) : undefined} />
    </ActionModal>
  );
}

/** "Đính kèm tài liệu": the type, the title and the file (PDF, Word, JPEG or PNG, at most 10 MB). */
export function UploadDocumentModal({ complaint, onClose }: Props) {
  const t = useT();
  const [docType, setDocType] = useState<ComplaintDocumentType | null>(complaint.status === 'ACCEPTED' && !complaint.hasResolutionDocument ? 'RESOLUTION' : null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ docType?: string; title?: string; file?: string }>({});
  const upload = useUploadComplaintDocument(complaint.id);
  return (
    <ActionModal
      title={t('web.complaints.documents.uploadTitle')}
      submitLabel={t('web.complaints.documents.upload')}
      onClose={onClose}
      submitting={upload.isPending}
      error={upload.error}
      validate={() => {
        const required = t('web.complaints.form.required');
        const next = { docType: docType ? undefined : required, title: title.trim().length < 2 ? required : undefined, file: file ? undefined : required };
        setErrors(next);
        return !next.docType && !next.title && !next.file;
      }}
      onSubmit={() =>
        docType &&
        file &&
        upload.mutate(
          { docType, title: title.trim(), file },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.complaints.documents.uploaded') });
              onClose();
            },
          },
        )
      }
    >
      <Select
        label={t('web.complaints.documents.type')}
        data={COMPLAINT_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`web.complaints.docType.${d}`) }))}
        value={docType}
        onChange={(v) => setDocType(v as ComplaintDocumentType | null)}
        required
        error={errors.docType}
        data-testid="complaint-document-type"
      />
      <TextInput label={t('web.complaints.documents.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={300} error={errors.title} data-testid="complaint-document-title" />
      <FileInput
        label={t('web.complaints.documents.file')}
        description={t('web.complaints.documents.hint', { maxMb: COMPLAINT_DOCUMENT_MAX_MB })}
        accept={COMPLAINT_DOCUMENT_ACCEPT}
        value={file}
        onChange={setFile}
        required
        clearable
        leftSection={<IconFileUpload size={16} aria-hidden />}
        error={errors.file}
        data-testid="complaint-document-file"
      />
      {upload.isPending && <Progress value={upload.progress * 100} animated aria-label={t('web.complaints.documents.uploading')} />}
    </ActionModal>
  );
}

/** "Thu hồi" a document: the reason; the file stays kept. */
export function RevokeDocumentModal({ complaint, documentId, onClose }: Props & { documentId: number }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const revoke = useRevokeComplaintDocument(complaint.id);
  const doc = complaint.documents.find((d) => d.id === documentId);
  return (
    <ActionModal
      title={t('web.complaints.documents.revokeTitle', { title: doc?.title ?? '' })}
      submitLabel={t('web.complaints.documents.revoke')}
      danger
      onClose={onClose}
      submitting={revoke.isPending}
      error={revoke.error}
      validate={() => {
        setShort(tooShort(reason));
        return !tooShort(reason);
      }}
      onSubmit={() =>
        revoke.mutate(
          { documentId, reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.complaints.documents.revoked') });
              onClose();
            },
          },
        )
      }
    >
      <Alert color="gray">{t('web.complaints.documents.revokeExplain')}</Alert>
      <ReasonField value={reason} onChange={setReason} error={short ? t('validation.tooShort', { min: COMPLAINT_LIMITS.reasonMin }) : undefined} />
    </ActionModal>
  );
}
