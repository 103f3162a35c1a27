import { memo, useMemo, useReducer, useState } from 'react';
import { Alert, Box, Button, Grid, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconArrowLeft, IconClipboardText, IconDeviceFloppy } from '@tabler/icons-react';
import { createPlanInput, updatePlanInput, type PlanDto } from '../../../../contracts/plans';
import { useT } from '../../../lib/i18n';
import { useMe, hasAbility } from '../../../lib/session';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { useFormValidation } from '../../../lib/use-form-validation';
import { useLocalDraft } from '../../../lib/use-local-draft';
import { DraftRestoreAlert, DraftStatus, LeaveDialog } from '../../../lib/local-draft-ui';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { usePlan, useSavePlan } from '../api/plans';
import { PlanDocument } from '../components/plan-document';
import { BlocksEditor } from '../components/blocks-editor';
import { BasisEditor, RecipientsEditor } from '../components/references-editor';
import { PastePlanModal } from '../components/paste-plan-modal';
import {
  createBody,
  draftKey,
  emptyForm,
  formFromPlan,
  formFromText,
  formReducer,
  formSignature,
  managedUnits,
  planFields,
  revivePlanForm,
  type PlanForm,
} from '../components/plan-form';
import { currentYear } from '../../../lib/format';

const editRoute = getRouteApi('/app/ke-hoach/$planId/sua');
const PREVIEW_MS = 250;

const Preview = memo(PlanDocument);

/** `/ke-hoach/moi`: a new draft for a unit the user manages. */
export function PlanCreatePage() {
  const t = useT();
  const me = useMe();
  const units = useMemo(() => managedUnits(me), [me]);
  const [initial] = useState(() => emptyForm(units[0]?.id ?? null, currentYear()));
  if (units.length === 0) {
    return (
      <Stack gap="md">
        <BackToList />
        <Alert color="yellow">{t('web.plans.editor.noUnits')}</Alert>
      </Stack>
    );
  }
  return <PlanEditor planId={null} version={null} symbol={null} initial={initial} units={units} />;
}

/** `/ke-hoach/:id/sua`: edit a draft at the version it was loaded with. */
export function PlanEditPage() {
  const t = useT();
  const { planId } = editRoute.useParams();
  const plan = usePlan(planId);
  // The form starts from the plan as first loaded; a later refetch must not wipe the user's edits.
  const [loaded, setLoaded] = useState<PlanDto | null>(null);
  if (plan.data && loaded?.id !== plan.data.id) setLoaded(plan.data);
  if (plan.isPending || (plan.data && !loaded)) return <LoadingBlock />;
  if (plan.error || !loaded) {
    return (
      <Stack gap="md">
        <BackToList />
        <ErrorAlert error={plan.error} />
      </Stack>
    );
  }
  if (!hasAbility(loaded, 'plan.update')) {
    return (
      <Stack gap="md">
        <BackToList />
        <Alert color="yellow">{t('web.plans.editor.notEditable')}</Alert>
      </Stack>
    );
  }
  return <EditLoaded plan={loaded} />;
}

function EditLoaded({ plan }: { plan: PlanDto }) {
  const [initial] = useState(() => formFromPlan(plan));
  return <PlanEditor planId={plan.id} version={plan.version} symbol={plan.symbol} initial={initial} units={[{ id: plan.orgId, name: plan.orgName }]} />;
}

function BackToList() {
  const t = useT();
  return (
    <AnchorLink to="/ke-hoach" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.plans.back')}
    </AnchorLink>
  );
}

/** The form as the document preview shows it: what would be saved, with empty rows left out. */
function previewPlan(f: PlanForm, orgName: string, symbol: string, t: ReturnType<typeof useT>): PlanDto {
  const fields = planFields(f);
  return {
    id: 0,
    orgId: f.orgId ?? 0,
    orgName: orgName || t('web.plans.editor.previewOrg'),
    year: f.year,
    status: 'DRAFT',
    number: null,
    symbol,
    numberLine: `Số:      /${symbol}`,
    issuedOn: null,
    ...fields,
    basis: fields.basis.filter((b) => b.text),
    blocks: fields.blocks.filter((b) => b.text.replace(/^[IVXLCDM\d]+\.\s*/, '')),
    recipients: fields.recipients.filter((r) => r.text),
    version: 0,
    abilities: [],
  };
}

function yearOptions(current: number): string[] {
  const now = currentYear();
  const years = new Set([now - 1, now, now + 1, current]);
  return [...years].sort((a, b) => b - a).map(String);
}

interface EditorProps {
  planId: number | null;
  version: number | null;
  /** "KH-LĐLĐ" of an existing plan; a new plan's symbol is known once saved. */
  symbol: string | null;
  initial: PlanForm;
  units: { id: number; name: string }[];
}

function PlanEditor({ planId, version, symbol, initial, units }: EditorProps) {
  const t = useT();
  const navigate = useNavigate();
  const save = useSavePlan();
  const { check, error } = useFormValidation(save.error);
  const [form, dispatch] = useReducer(formReducer, initial);
  // Autosaved local draft, offered back on return; leaving with unsaved changes asks first.
  const draft = useLocalDraft({ storageKey: draftKey(planId), version, initial, form, signature: formSignature, revive: revivePlanForm });
  const [pasting, setPasting] = useState(false);
  const [invalid, setInvalid] = useState(false);

  const orgDetail = useQuery({ ...orgDetailQuery(form.orgId ?? 0), enabled: form.orgId !== null });
  const orgName = units.find((u) => u.id === form.orgId)?.name ?? '';
  // The preview follows the form after a short pause, so typing stays quick on a long plan.
  const [settled] = useDebouncedValue(form, PREVIEW_MS);
  const preview = useMemo(() => previewPlan(settled, orgName, symbol ?? 'KH-…', t), [settled, orgName, symbol, t]);

  const submit = () => {
    const ok = planId === null ? check(createPlanInput, createBody(form)) : check(updatePlanInput, { version, ...planFields(form) });
    setInvalid(ok === null);
    if (ok === null) return;
    const request = planId === null ? { id: null, body: createPlanInput.parse(createBody(form)) } : { id: planId, body: updatePlanInput.parse({ version, ...planFields(form) }) };
    save.mutate(request, {
      onSuccess: (plan) => {
        draft.saved();
        notifications.show({ color: 'teal', message: t('web.plans.editor.saved') });
        void navigate({ to: '/ke-hoach/$planId', params: { planId: plan.id } });
      },
    });
  };

  const field = (name: 'title' | 'theme' | 'place' | 'intro') => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => dispatch({ type: 'set', patch: { [name]: e.currentTarget.value } }),
    error: error(name),
  });

  return (
    <Stack gap="md">
      {planId === null ? (
        <BackToList />
      ) : (
        <AnchorLink to="/ke-hoach/$planId" params={{ planId }} size="sm">
          <IconArrowLeft size={14} aria-hidden /> {t('web.plans.editor.cancel')}
        </AnchorLink>
      )}
      <PageHeader
        title={planId === null ? t('web.plans.editor.createTitle') : t('web.plans.editor.editTitle')}
        description={t('web.plans.editor.description')}
        actions={
          <>
            <Button variant="default" leftSection={<IconClipboardText size={16} aria-hidden />} onClick={() => setPasting(true)} data-testid="plan-paste">
              {t('web.plans.editor.paste')}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={submit} loading={save.isPending} data-testid="plan-save">
              {t('web.plans.editor.save')}
            </Button>
          </>
        }
      />
      <DraftRestoreAlert
        draft={draft}
        // An existing plan keeps its unit whatever the draft says.
        onRestore={(stored) => dispatch({ type: 'replace', form: { ...stored, orgId: planId === null ? stored.orgId : form.orgId } })}
        staleText={t('web.plans.editor.restoreStale')}
        testId="plan"
      />
      <ErrorAlert error={save.error} />
      {invalid && (
        <Alert color="red" variant="light" role="alert" data-testid="plan-form-invalid">
          {t('web.plans.editor.fixErrors')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md" data-testid="plan-editor">
            <Paper withBorder p="sm">
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  {t('web.plans.editor.general')}
                </Title>
                <Grid gap="sm">
                  <Grid.Col span={{ base: 12, sm: 8 }}>
                    <Select
                      label={t('web.plans.editor.org')}
                      description={planId === null ? t('web.plans.editor.orgHint') : undefined}
                      data={units.map((u) => ({ value: String(u.id), label: u.name }))}
                      value={form.orgId === null ? null : String(form.orgId)}
                      onChange={(v) => dispatch({ type: 'set', patch: { orgId: v === null ? null : Number(v) } })}
                      allowDeselect={false}
                      disabled={planId !== null}
                      required
                      error={error('orgId')}
                      data-testid="plan-org"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <Select
                      label={t('web.plans.editor.year')}
                      data={yearOptions(form.year)}
                      value={String(form.year)}
                      onChange={(v) => v && dispatch({ type: 'set', patch: { year: Number(v) } })}
                      allowDeselect={false}
                      disabled={planId !== null}
                      error={error('year')}
                      data-testid="plan-year-field"
                    />
                  </Grid.Col>
                </Grid>
                <Textarea label={t('web.plans.editor.title')} description={t('web.plans.editor.titleHint')} autosize minRows={1} required {...field('title')} data-testid="plan-title" />
                <Textarea label={t('web.plans.editor.theme')} autosize minRows={1} {...field('theme')} data-testid="plan-theme" />
                <TextInput label={t('web.plans.editor.place')} description={t('web.plans.editor.placeHint')} required {...field('place')} data-testid="plan-place" />
              </Stack>
            </Paper>
            <Paper withBorder p="sm">
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  {t('web.plans.editor.basis')}
                </Title>
                <BasisEditor rows={form.basis} parentOrgId={orgDetail.data?.parentId ?? null} dispatch={dispatch} error={error} />
                <Textarea label={t('web.plans.editor.intro')} description={t('web.plans.editor.introHint')} autosize minRows={2} {...field('intro')} data-testid="plan-intro" />
              </Stack>
            </Paper>
            <Paper withBorder p="sm">
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  {t('web.plans.editor.blocks')}
                </Title>
                <BlocksEditor blocks={form.blocks} dispatch={dispatch} error={error} />
              </Stack>
            </Paper>
            <Paper withBorder p="sm">
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  {t('web.plans.editor.signer')}
                </Title>
                <TextInput
                  label={t('web.plans.editor.onBehalf')}
                  description={t('web.plans.editor.onBehalfHint')}
                  value={form.signer.onBehalf}
                  onChange={(e) => dispatch({ type: 'signer', patch: { onBehalf: e.currentTarget.value } })}
                  error={error('signer.onBehalf')}
                  data-testid="plan-signer-onbehalf"
                />
                <Grid gap="sm">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('web.plans.editor.position')}
                      value={form.signer.position}
                      onChange={(e) => dispatch({ type: 'signer', patch: { position: e.currentTarget.value } })}
                      error={error('signer.position')}
                      required
                      data-testid="plan-signer-position"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('web.plans.editor.signerName')}
                      value={form.signer.name}
                      onChange={(e) => dispatch({ type: 'signer', patch: { name: e.currentTarget.value } })}
                      error={error('signer.name')}
                      required
                      data-testid="plan-signer-name"
                    />
                  </Grid.Col>
                </Grid>
              </Stack>
            </Paper>
            <Paper withBorder p="sm">
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  {t('web.plans.editor.recipients')}
                </Title>
                <RecipientsEditor rows={form.recipients} orgName={orgName} dispatch={dispatch} error={error} />
              </Stack>
            </Paper>
            <Group justify="space-between" wrap="wrap">
              <DraftStatus draft={draft} testId="plan" />
              <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={submit} loading={save.isPending}>
                {t('web.plans.editor.save')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Box style={{ position: 'sticky', top: 'var(--mantine-spacing-md)' }} data-testid="plan-preview">
            <Title order={2} fz="h4" mb="xs">
              {t('web.plans.editor.preview')}
            </Title>
            <Preview plan={preview} />
          </Box>
        </Grid.Col>
      </Grid>
      {pasting && (
        <PastePlanModal
          onClose={() => setPasting(false)}
          onApply={(text) => {
            const parsed = formFromText(text, form);
            if (!parsed) return false;
            // An existing plan keeps its year (the server does not change it).
            const next = planId === null ? parsed : { ...parsed, year: form.year };
            dispatch({ type: 'replace', form: next });
            notifications.show({ color: 'teal', message: t('web.plans.editor.pasted', { blocks: next.blocks.length }) });
            return true;
          }}
        />
      )}
      <LeaveDialog draft={draft} testId="plan" />
    </Stack>
  );
}
