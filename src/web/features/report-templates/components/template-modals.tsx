import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { STAT_FORM_LIMITS, type StatFormLayoutInput } from '../../../../contracts/report-templates';
import { LIMITS } from '../../../../contracts/limits';
import { ActionModal } from '../../../components/ui/action-modal';
import { ReasonField } from '../../../components/ui/reason-field';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { useCreateTemplate, useRetireTemplate, type ReportTemplateDto } from '../api/report-templates';

/** A new form's starting layout: one row counting every award, one column with the total. */
function blankLayout(t: ReturnType<typeof useT>): StatFormLayoutInput {
  return {
    formCode: t('web.reportTemplates.blank.formCode'),
    unitLine: '{orgName}',
    titleLines: [t('web.reportTemplates.blank.title')],
    labelHeader: t('reportTemplates.builtin.labelHeader'),
    columns: [{ label: t('reportTemplates.measure.TOTAL'), measure: 'TOTAL' }],
    rows: [{ key: 'R1', label: t('reportTemplates.builtin.results.total'), depth: 0, numbered: false, bold: true, selector: { kind: 'AWARDS', level: null, category: null } }],
    notes: [],
    signers: [t('reportTemplates.builtin.signer.preparer'), t('reportTemplates.builtin.signer.head')],
  };
}

/** Copies a template into the chosen organisation (or, without one, starts a blank form) under a code and name of its own. */
export function CopyModal({ template, orgId, onClose, onCopied }: { template: ReportTemplateDto | null; orgId: number; onClose: () => void; onCopied: (id: number) => void }) {
  const t = useT();
  const create = useCreateTemplate();
  const [code, setCode] = useState(template ? `${template.code}-1`.slice(0, STAT_FORM_LIMITS.templateCode) : '');
  const [name, setName] = useState(template?.name ?? '');
  const fields = serverFieldErrors(create.error);
  return (
    <ActionModal
      title={t(template ? 'web.reportTemplates.copy.title' : 'web.reportTemplates.blank.dialog')}
      submitLabel={t(template ? 'web.reportTemplates.copy.submit' : 'web.reportTemplates.blank.submit')}
      onClose={onClose}
      submitting={create.isPending}
      error={create.error}
      onSubmit={() => create.mutate({ orgId, code, name, ...(template ? { copyFrom: template.id } : { layout: blankLayout(t) }) }, { onSuccess: (d) => onCopied(d.id) })}
    >
      <TextInput label={t('web.reportTemplates.copy.code')} description={t('web.reportTemplates.copy.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fields.code} maxLength={STAT_FORM_LIMITS.templateCode} required data-autofocus />
      <TextInput label={t('web.reportTemplates.copy.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} maxLength={STAT_FORM_LIMITS.name} required />
    </ActionModal>
  );
}

/** Retires a template with a reason: it stays readable, listed under "Đã ngừng sử dụng". */
export function RetireModal({ template, onClose }: { template: ReportTemplateDto; onClose: () => void }) {
  const t = useT();
  const retire = useRetireTemplate(template.id);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string>();
  return (
    <ActionModal
      title={t('web.reportTemplates.retire.title')}
      submitLabel={t('web.reportTemplates.retire.submit')}
      onClose={onClose}
      submitting={retire.isPending}
      error={retire.error}
      danger
      confirmMessage={t('web.reportTemplates.retire.confirm', { name: template.name })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setLocal(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => retire.mutate({ version: template.version, reason }, { onSuccess: onClose })}
    >
      <ReasonField value={reason} onChange={setReason} error={local ?? serverFieldErrors(retire.error).reason} />
    </ActionModal>
  );
}
