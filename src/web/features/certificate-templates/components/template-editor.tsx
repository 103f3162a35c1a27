import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Checkbox, ColorSwatch, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDownload, IconEye, IconInfoCircle, IconRestore } from '@tabler/icons-react';
import {
  BORDER_STYLES,
  CERTIFICATE_PALETTE,
  CERTIFICATE_TEXT_LIMITS,
  type BorderStyle,
  type EffectiveTemplateDto,
  type TemplateSettingsInput,
} from '../../../../contracts/certificate-templates';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ApiError } from '../../../lib/api-client';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { usePreviewDraft, useSaveTemplate } from '../api/certificate-templates';

const TEXT_FIELDS = [
  ['title', CERTIFICATE_TEXT_LIMITS.title],
  ['issuerLine1', CERTIFICATE_TEXT_LIMITS.issuerLine],
  ['issuerLine2', CERTIFICATE_TEXT_LIMITS.issuerLine],
  ['verb', CERTIFICATE_TEXT_LIMITS.verb],
  ['signerOnBehalf', CERTIFICATE_TEXT_LIMITS.signerLine],
  ['signerTitle', CERTIFICATE_TEXT_LIMITS.signerLine],
  ['footer', CERTIFICATE_TEXT_LIMITS.footer],
] as const;
type TextField = (typeof TEXT_FIELDS)[number][0];

interface Draft {
  text: Record<TextField, string>;
  accentColor: string | null;
  borderStyle: BorderStyle | null;
  showEmblem: boolean | null;
  /** The organisation prints no issuing-body line (stored as `issuerLine2: null`). */
  noIssuerLine2: boolean;
}

function draftOf(s: EffectiveTemplateDto['settings']): Draft {
  const text = Object.fromEntries(TEXT_FIELDS.map(([f]) => [f, s[f] ?? ''])) as Record<TextField, string>;
  return { text, accentColor: s.accentColor ?? null, borderStyle: s.borderStyle ?? null, showEmblem: s.showEmblem ?? null, noIssuerLine2: s.issuerLine2 === null };
}

/** Only what differs from the default travels: an empty field means "use the default". */
function settingsOf(d: Draft): TemplateSettingsInput {
  const out: TemplateSettingsInput = {};
  for (const [f] of TEXT_FIELDS) if (d.text[f].trim()) out[f] = d.text[f].trim();
  if (d.accentColor) out.accentColor = d.accentColor;
  if (d.borderStyle) out.borderStyle = d.borderStyle;
  if (d.showEmblem !== null) out.showEmblem = d.showEmblem;
  if (d.noIssuerLine2) out.issuerLine2 = null;
  return out;
}

const sameSettings = (a: object, b: object) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

interface Props {
  orgId: number;
  orgName: string;
  template: EffectiveTemplateDto;
  canEdit: boolean;
}

/** The template's fields, a preview of the draft, and save / reset with a confirmation. */
export function TemplateEditor({ orgId, orgName, template, canEdit }: Props) {
  const t = useT();
  const me = useMe();
  const isMobile = useIsMobile();
  const [draft, setDraft] = useState<Draft>(() => draftOf(template.settings));
  const [confirm, setConfirm] = useState<'save' | 'reset' | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const save = useSaveTemplate(orgId, template.kind);
  const preview = usePreviewDraft(orgId, template.kind, me.csrfToken);
  const settings = useMemo(() => settingsOf(draft), [draft]);
  const dirty = !sameSettings(settings, template.settings);
  const kindName = t(`web.certificateTemplates.kind.${template.kind}`);
  const fieldErrors = save.error instanceof ApiError ? save.error.fields : preview.error instanceof ApiError ? preview.error.fields : {};

  // The object URL of the last preview is released when it is replaced or the editor goes away.
  useEffect(() => () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  const setText = (field: TextField, value: string) => setDraft((d) => ({ ...d, text: { ...d.text, [field]: value } }));
  const defaultText = (field: TextField): string => {
    const v = template.defaults[field];
    if (v !== null) return v;
    return field === 'signerOnBehalf' || field === 'signerTitle' ? t('web.certificateTemplates.fromDecision') : t('web.certificateTemplates.none');
  };
  const paletteName = (hex: string) => {
    const c = CERTIFICATE_PALETTE.find((x) => x.hex === hex);
    return c ? t(`web.certificateTemplates.colour.${c.name}`) : hex;
  };
  const emblem = draft.showEmblem ?? template.defaults.showEmblem;
  const colour = draft.accentColor ?? template.defaults.accentColor;

  const runPreview = () =>
    preview.mutate(settings, {
      onSuccess: (blob) => setPreviewUrl(URL.createObjectURL(blob)),
    });
  const submit = (next: TemplateSettingsInput, done: string) =>
    save.mutate(
      { settings: next, expectedId: template.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: done });
          setConfirm(null);
        },
      },
    );

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {t('web.certificateTemplates.form')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="ct-saved">
            {template.savedAt ? t('web.certificateTemplates.savedBy', { date: formatDateTime(template.savedAt), name: template.savedByName ?? '' }) : t('web.certificateTemplates.neverSaved')}
          </Text>
        </Group>
        {!canEdit && (
          <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('web.certificateTemplates.readOnly')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {TEXT_FIELDS.map(([field, max]) => (
            <TextInput
              key={field}
              label={t(`web.certificateTemplates.field.${field}`)}
              description={t('web.certificateTemplates.defaultHint', { value: defaultText(field) })}
              placeholder={template.defaults[field] ?? ''}
              value={draft.text[field]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setText(field, value);
              }}
              maxLength={max}
              readOnly={!canEdit}
              disabled={field === 'issuerLine2' && draft.noIssuerLine2}
              error={fieldErrors[`settings.${field}`]}
              data-testid={`ct-${field}`}
              inputContainer={(children) =>
                field === 'issuerLine2' ? (
                  <Stack gap={6}>
                    {children}
                    <Checkbox
                      label={t('web.certificateTemplates.noIssuerLine2')}
                      checked={draft.noIssuerLine2}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setDraft((d) => ({ ...d, noIssuerLine2: checked }));
                      }}
                      disabled={!canEdit}
                      data-testid="ct-noIssuerLine2"
                    />
                  </Stack>
                ) : (
                  children
                )
              }
            />
          ))}
          <Select
            label={t('web.certificateTemplates.field.accentColor')}
            description={t('web.certificateTemplates.defaultHint', { value: paletteName(template.defaults.accentColor) })}
            placeholder={t('web.certificateTemplates.useDefault')}
            data={CERTIFICATE_PALETTE.map((c) => ({ value: c.hex, label: t(`web.certificateTemplates.colour.${c.name}`) }))}
            value={draft.accentColor}
            onChange={(v) => setDraft((d) => ({ ...d, accentColor: v }))}
            clearable
            readOnly={!canEdit}
            leftSection={<ColorSwatch color={colour} size={16} aria-hidden />}
            renderOption={({ option }) => (
              <Group gap="xs" wrap="nowrap">
                <ColorSwatch color={option.value} size={16} aria-hidden />
                <span>{option.label}</span>
              </Group>
            )}
            error={fieldErrors['settings.accentColor']}
            data-testid="ct-accentColor"
          />
          <Select
            label={t('web.certificateTemplates.field.borderStyle')}
            description={t('web.certificateTemplates.defaultHint', { value: t(`web.certificateTemplates.border.${template.defaults.borderStyle}`) })}
            placeholder={t('web.certificateTemplates.useDefault')}
            data={BORDER_STYLES.map((b) => ({ value: b, label: t(`web.certificateTemplates.border.${b}`) }))}
            value={draft.borderStyle}
            onChange={(v) => setDraft((d) => ({ ...d, borderStyle: v as BorderStyle | null }))}
            clearable
            readOnly={!canEdit}
            data-testid="ct-borderStyle"
          />
          <Switch
            label={t('web.certificateTemplates.field.showEmblem')}
            checked={emblem}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setDraft((d) => ({ ...d, showEmblem: checked === template.defaults.showEmblem ? null : checked }));
            }}
            disabled={!canEdit}
            data-testid="ct-showEmblem"
          />
        </SimpleGrid>
        {dirty && canEdit && (
          <Text size="sm" fw={500} data-testid="ct-unsaved">
            {t('web.certificateTemplates.unsaved')}
          </Text>
        )}
        <Group gap="sm">
          <Button variant="default" leftSection={<IconEye size={18} aria-hidden />} onClick={runPreview} loading={preview.isPending} data-testid="ct-preview">
            {t('web.certificateTemplates.preview')}
          </Button>
          {canEdit && (
            <>
              <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={() => setConfirm('save')} disabled={!dirty} data-testid="ct-save">
                {t('web.certificateTemplates.save')}
              </Button>
              <Button variant="outline" color="red.9" leftSection={<IconRestore size={18} aria-hidden />} onClick={() => setConfirm('reset')} disabled={template.overridden.length === 0} data-testid="ct-reset">
                {t('web.certificateTemplates.reset')}
              </Button>
            </>
          )}
        </Group>
        <ErrorAlert error={preview.error} />
        {previewUrl && (
          <Stack gap="xs" data-testid="ct-preview-area">
            <Title order={3} size="h5">
              {t('web.certificateTemplates.previewTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('web.certificateTemplates.previewHint')}
            </Text>
            {!isMobile && (
              <Box
                component="iframe"
                src={previewUrl}
                title={t('web.certificateTemplates.previewFrame')}
                data-testid="ct-preview-frame"
                style={{ width: '100%', aspectRatio: '297 / 210', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
              />
            )}
            <Group>
              <Button component="a" href={previewUrl} download={`${t('web.certificateTemplates.title')} - ${kindName}.pdf`} variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="ct-preview-download">
                {t('web.certificateTemplates.previewDownload')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      {confirm === 'save' && (
        <ActionModal
          title={t('web.certificateTemplates.saveTitle', { kind: kindName })}
          submitLabel={t('web.certificateTemplates.saveSubmit')}
          onClose={() => setConfirm(null)}
          submitting={save.isPending}
          error={save.error}
          size="md"
          onSubmit={() => submit(settings, t('web.certificateTemplates.saved'))}
        >
          <Text>{t('web.certificateTemplates.saveConfirm', { kind: kindName, org: orgName })}</Text>
        </ActionModal>
      )}
      {confirm === 'reset' && (
        <ActionModal
          title={t('web.certificateTemplates.resetTitle')}
          submitLabel={t('web.certificateTemplates.reset')}
          onClose={() => setConfirm(null)}
          submitting={save.isPending}
          error={save.error}
          danger
          size="md"
          onSubmit={() => submit({}, t('web.certificateTemplates.resetDone'))}
        >
          <Text>{t('web.certificateTemplates.resetConfirm', { kind: kindName })}</Text>
        </ActionModal>
      )}
    </Paper>
  );
}
