import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { IconCircleCheck, IconFileCheck, IconRefresh, IconUsers } from '@tabler/icons-react';
import type { ImportJob } from '../../../../contracts/imports';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { queryKeys } from '../../../lib/query-keys';
import { formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useImportJob } from '../api/get-import';
import { useUploadImport } from '../api/upload-import';
import { useCommitImport } from '../api/commit-import';
import { ChooseUnitStep } from '../components/choose-unit-step';
import { ChooseFileStep } from '../components/choose-file-step';
import { JobProgress } from '../components/job-progress';
import { ImportErrorsTable } from '../components/import-errors-table';

const route = getRouteApi('/app/nhap-du-lieu');

/** Stepper position for a job: checking happens in step 3, writing in step 4, 5 = done. */
function stepOf(job: ImportJob): number {
  switch (job.status) {
    case 'UPLOADED':
    case 'VALIDATING':
    case 'INVALID':
    case 'READY':
      return 2;
    case 'COMMITTING':
    case 'FAILED':
      return 3;
    case 'COMMITTED':
      return 4;
  }
}

/** `/nhap-du-lieu`: import members from the Excel template, checked in full before anything is saved. */
export function ImportPage() {
  const t = useT();
  const me = useMe();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const orgId = search.orgId ?? me.scopeRoots[0]?.id ?? null;
  const unit = useQuery({ ...orgDetailQuery(orgId ?? 0), enabled: orgId !== null });
  const canImport = unit.data ? hasAbility(unit.data, 'member.import') : undefined;
  const [fileStep, setFileStep] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const upload = useUploadImport();
  const commit = useCommitImport();
  const job = useImportJob(search.job);
  const status = job.data?.status;

  // Once written, every list that shows members or member counts is out of date.
  useEffect(() => {
    if (status === 'COMMITTED') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.members.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.organisations.all });
    }
  }, [status, queryClient]);

  const active = job.data ? stepOf(job.data) : fileStep ? 1 : 0;

  const startOver = () => {
    upload.reset();
    commit.reset();
    setFileStep(true);
    setAttempt((n) => n + 1);
    void navigate({ search: { orgId: search.orgId }, replace: true });
  };

  const uploadFile = (file: File) => {
    if (orgId === null) return;
    upload.mutate({ orgId, file }, { onSuccess: (created) => void navigate({ search: { orgId: search.orgId, job: created.id } }) });
  };

  const membersLink = (
    <ButtonLink to="/doan-vien" search={{ orgId: job.data?.orgId ?? orgId ?? undefined }} leftSection={<IconUsers size={16} aria-hidden />}>
      {t('web.import.done.viewMembers')}
    </ButtonLink>
  );

  const jobBody = () => {
    if (search.job === undefined) return null;
    if (job.isPending) return <LoadingBlock />;
    if (job.error) {
      return (
        <Stack>
          <ErrorAlert error={job.error} />
          <Button variant="default" onClick={startOver} w="fit-content">
            {t('web.import.startOver')}
          </Button>
        </Stack>
      );
    }
    const j = job.data;
    switch (j.status) {
      case 'UPLOADED':
      case 'VALIDATING':
      case 'COMMITTING':
        return <JobProgress job={j} />;
      case 'INVALID':
        return (
          <Stack gap="md">
            <ImportErrorsTable job={j} />
            <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={startOver} w="fit-content">
              {t('web.import.chooseAnother')}
            </Button>
          </Stack>
        );
      case 'READY':
        return (
          <Stack gap="md" maw={640}>
            <Alert color="blue" icon={<IconFileCheck size={18} aria-hidden />} title={t('web.import.ready.title')}>
              {t('web.import.ready.summary', { valid: formatNumber(j.toCreate + j.toUpdate), create: formatNumber(j.toCreate), update: formatNumber(j.toUpdate) })}
              <Text size="sm" mt={4}>
                {t('web.import.ready.help', { file: j.fileName })}
              </Text>
            </Alert>
            <ErrorAlert error={commit.error} />
            <Group gap="sm">
              <Button onClick={() => commit.mutate(j.id)} loading={commit.isPending} leftSection={<IconCircleCheck size={16} aria-hidden />} data-testid="import-commit">
                {t('web.import.ready.commit')}
              </Button>
              <Button variant="default" onClick={startOver} disabled={commit.isPending}>
                {t('web.import.chooseAnother')}
              </Button>
            </Group>
          </Stack>
        );
      case 'FAILED':
        return (
          <Stack gap="md">
            <Alert color="red" title={t('web.import.failed.title')} role="alert">
              {t('web.import.failed.body')}
            </Alert>
            {j.errors.length > 0 && <ImportErrorsTable job={j} />}
            <Button variant="default" onClick={startOver} w="fit-content">
              {t('web.import.startOver')}
            </Button>
          </Stack>
        );
      case 'COMMITTED':
        return (
          <Stack gap="md" maw={640}>
            <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden />} title={t('web.import.done.title')} role="status" data-testid="import-done">
              {t('web.import.done.summary', { create: formatNumber(j.toCreate), update: formatNumber(j.toUpdate), file: j.fileName })}
            </Alert>
            <Group gap="sm">
              {membersLink}
              <Button variant="default" onClick={startOver}>
                {t('web.import.another')}
              </Button>
            </Group>
          </Stack>
        );
    }
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('web.import.title')} description={t('web.import.description')} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stepper active={active} orientation={isMobile ? 'vertical' : 'horizontal'} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={t('web.import.step.unit')} description={isMobile ? undefined : t('web.import.step.unitHint')}>
            <ChooseUnitStep
              orgId={orgId}
              onOrgChange={(next) => void navigate({ search: { orgId: next ?? undefined }, replace: true })}
              canImport={canImport}
              onNext={() => setFileStep(true)}
            />
          </Stepper.Step>
          <Stepper.Step label={t('web.import.step.file')} description={isMobile ? undefined : t('web.import.step.fileHint')}>
            <ChooseFileStep
              key={attempt}
              unitName={unit.data?.name}
              uploading={upload.isPending}
              uploadProgress={upload.progress}
              uploadError={upload.error}
              onBack={() => setFileStep(false)}
              onUpload={uploadFile}
            />
          </Stepper.Step>
          <Stepper.Step
            label={t('web.import.step.check')}
            description={isMobile ? undefined : t('web.import.step.checkHint')}
            loading={status === 'VALIDATING' || status === 'UPLOADED'}
            color={status === 'INVALID' ? 'red' : undefined}
          >
            {jobBody()}
          </Stepper.Step>
          <Stepper.Step
            label={t('web.import.step.commit')}
            description={isMobile ? undefined : t('web.import.step.commitHint')}
            loading={status === 'COMMITTING'}
            color={status === 'FAILED' ? 'red' : undefined}
          >
            {jobBody()}
          </Stepper.Step>
          <Stepper.Completed>{jobBody()}</Stepper.Completed>
        </Stepper>
      </Paper>
    </Stack>
  );
}
