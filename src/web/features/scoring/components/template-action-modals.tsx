import { useState } from 'react';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LIMITS } from '../../../../contracts/limits';
import type { TemplateDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { OrgPicker } from '../../../components/ui/org-picker';
import { ReasonField } from '../../../components/ui/reason-field';
import { useRetireTemplate, useReviseTemplate } from '../api/templates';
import { refusalFields } from './round-form-modal';

/** "Tạo phiên bản mới": a draft copy owned by an organisation the user authors for. */
export function TemplateReviseModal({ template, defaultOrgId, onClose, onDone }: { template: TemplateDto; defaultOrgId: number | null; onClose: () => void; onDone: (t: TemplateDto) => void }) {
  const t = useT();
  const revise = useReviseTemplate();
  const [orgId, setOrgId] = useState<number | null>(template.orgId ?? defaultOrgId);
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.scoring.templates.revise.title', { code: template.code })}
      submitLabel={t('web.scoring.templates.revise')}
      onClose={onClose}
      submitting={revise.isPending}
      error={revise.error}
      size="md"
      validate={() => {
        const problem = orgId === null ? t('web.scoring.templates.revise.ownerRequired') : undefined;
        setError(problem);
        return problem === undefined;
      }}
      onSubmit={() =>
        revise.mutate(
          { id: template.id, orgId: orgId! },
          {
            onSuccess: (created) => {
              notifications.show({ color: 'teal', message: t('web.scoring.templates.revise.done', { version: created.version }) });
              onDone(created);
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.scoring.templates.revise.intro')}</Text>
      <OrgPicker label={t('web.scoring.templates.revise.owner')} value={orgId} onChange={setOrgId} required activeOnly error={error ?? refusalFields(revise.error).orgId} data-testid="template-revise-owner" />
    </ActionModal>
  );
}

/** "Ngừng dùng": no new round may use the version; rounds that use it keep it. */
export function TemplateRetireModal({ template, onClose }: { template: TemplateDto; onClose: () => void }) {
  const t = useT();
  const retire = useRetireTemplate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.scoring.templates.retire.title', { code: template.code, version: template.version })}
      submitLabel={t('web.scoring.templates.retire')}
      onClose={onClose}
      submitting={retire.isPending}
      error={retire.error}
      size="md"
      danger
      confirmMessage={t('web.scoring.templates.retire.confirm')}
      validate={() => {
        const problem = reason.trim().length < LIMITS.reasonMin ? t('validation.reasonRequired') : undefined;
        setError(problem);
        return problem === undefined;
      }}
      onSubmit={() =>
        retire.mutate(
          { id: template.id, reason: reason.trim() },
          {
            onSuccess: (x) => {
              notifications.show({ color: 'teal', message: t('web.scoring.templates.retire.done', { version: x.version }) });
              onClose();
            },
          },
        )
      }
    >
      <ReasonField value={reason} onChange={setReason} error={error ?? refusalFields(retire.error).reason} />
    </ActionModal>
  );
}
