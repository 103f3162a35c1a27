import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Image, Paper, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconExternalLink, IconEyeOff, IconPhotoPlus, IconSend, IconShieldCheck, IconUserPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { photoUrl, useRevokeCredit, useRevokePhoto, useStory, useStoryReasonStep, useStoryStep, useUpdateStory, type StoryDto } from '../api/stories';
import { StoryStatusBadge } from '../components/badges';
import { BlockersAlert } from '../components/blockers';
import { checkStory, draftOf, inputOf, LinkFields, SubjectFields, TextFields, type StoryDraft } from '../components/story-fields';
import { ConsentModal, CreditModal, PhotoModal, PublishModal, ReasonModal } from '../components/story-modals';

const route = getRouteApi('/app/guong-dien-hinh/$storyId');

type Dialog = { kind: 'return' | 'withdraw' | 'publish' | 'consent' | 'photo' | 'credit' } | { kind: 'revokePhoto' | 'revokeCredit'; id: number } | null;

/** `/guong-dien-hinh/:id`: the story's text, photos, consent and credits, and the steps its managers may take now. */
export function StoryPage() {
  const t = useT();
  const { storyId } = route.useParams();
  const story = useStory(storyId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const s = story.data;
  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/guong-dien-hinh" size="sm">
          ← {t('web.stories.page.back')}
        </AnchorLink>
      </div>
      <ErrorAlert error={story.error} />
      {story.isPending && <LoadingBlock />}
      {s && (
        <>
          <Header s={s} onAction={setDialog} />
          <Content key={`${s.id}-${s.version}`} s={s} />
          <Photos s={s} onAction={setDialog} />
          <Consent s={s} onAction={setDialog} />
          <Credits s={s} onAction={setDialog} />
          <Dialogs s={s} dialog={dialog} onClose={() => setDialog(null)} />
        </>
      )}
    </Stack>
  );
}

const STEPS = ['DRAFT', 'IN_REVIEW', 'PUBLISHED'] as const;

function Header({ s, onAction }: { s: StoryDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const can = (a: string) => s.abilities.includes(`story.${a}`);
  const submit = useStoryStep(s.id, 'submit');
  const active = s.status === 'WITHDRAWN' ? 2 : STEPS.indexOf(s.status);
  return (
    <>
      <PageHeader
        title={s.title}
        description={`${s.subjectName}${s.subjectUnit ? ` · ${s.subjectUnit}` : ''} · ${s.orgName}`}
        actions={
          <Group gap="sm">
            {can('submit') && (
              <Button
                leftSection={<IconSend size={16} aria-hidden />}
                loading={submit.isPending}
                onClick={() => submit.mutate({ version: s.version }, { onSuccess: () => notifications.show({ color: 'teal', message: t('web.stories.action.submitted') }) })}
                data-testid="story-submit"
              >
                {t('web.stories.action.submit')}
              </Button>
            )}
            {can('publish') && (
              <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => onAction({ kind: 'publish' })} data-testid="story-publish">
                {t('web.stories.action.publish')}
              </Button>
            )}
            {can('return') && (
              <Button variant="outline" color="gray.9" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => onAction({ kind: 'return' })} data-testid="story-return">
                {t('web.stories.action.return')}
              </Button>
            )}
            {can('withdraw') && (
              <Button variant="outline" color="red.9" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={() => onAction({ kind: 'withdraw' })} data-testid="story-withdraw">
                {t('web.stories.action.withdraw')}
              </Button>
            )}
          </Group>
        }
      />
      <ErrorAlert error={submit.error} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="xs">
            <StoryStatusBadge status={s.status} />
            {s.status === 'PUBLISHED' && (
              <Anchor href={`/cong-khai/${encodeURIComponent(s.orgCode)}/guong-dien-hinh/${s.slug}`} target="_blank" rel="noopener" size="sm" data-testid="story-public-link">
                <Group gap={4} component="span">
                  {t('web.stories.page.viewPublic')}
                  <IconExternalLink size={14} aria-hidden />
                </Group>
              </Anchor>
            )}
          </Group>
          <Stepper active={s.status === 'PUBLISHED' ? 3 : active} size="xs" aria-label={t('web.stories.steps.label')} allowNextStepsSelect={false}>
            {STEPS.map((step) => (
              <Stepper.Step key={step} label={t(`web.stories.steps.${step}`)} />
            ))}
          </Stepper>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('web.stories.page.slug', { slug: s.slug })}
          </Text>
          {s.reviewNote && s.status === 'DRAFT' && (
            <Text size="sm" c="red.9" data-testid="story-review-note">
              {t('web.stories.page.reviewNote', { note: s.reviewNote })}
            </Text>
          )}
          {s.withdrawnReason && s.status !== 'PUBLISHED' && (
            <Text size="sm" data-testid="story-withdrawn-reason">
              {t('web.stories.page.withdrawnReason', { reason: s.withdrawnReason })}
            </Text>
          )}
          {s.abilities.includes('story.edit') && <BlockersAlert story={s} />}
        </Stack>
      </Paper>
    </>
  );
}

/** The text: a form for its managers while it may change, plain text otherwise. */
function Content({ s }: { s: StoryDto }) {
  const t = useT();
  const [draft, setDraft] = useState<StoryDraft>(() => draftOf(s));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const update = useUpdateStory(s.id);
  const editable = s.abilities.includes('story.edit');
  const shown = { ...serverFieldErrors(update.error), ...errors };
  const onChange = (patch: Partial<StoryDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };
  const linkedName = (draft.subjectKind === 'PERSON' ? s.personId !== null && draft.personId === s.personId : s.subjectOrgId !== null && draft.subjectOrgId === s.subjectOrgId) ? s.subjectName : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="story-content-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="story-content-heading">
          {t('web.stories.page.content')}
        </Title>
        {editable ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const next = checkStory(draft, t);
              setErrors(next);
              if (Object.keys(next).length > 0) return;
              update.mutate({ ...inputOf(draft), version: s.version }, { onSuccess: () => notifications.show({ color: 'teal', message: t('web.stories.page.saved') }) });
            }}
          >
            <Stack gap="md">
              <SubjectFields draft={draft} onChange={onChange} errors={shown} linkedName={linkedName} />
              <TextFields draft={draft} onChange={onChange} errors={shown} />
              <LinkFields orgId={s.orgId} draft={draft} onChange={onChange} errors={shown} modelName={s.modelName} />
              <ErrorAlert error={update.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending} data-testid="story-save">
                  {t('web.stories.page.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Stack gap="xs">
            {s.abilities.length > 0 && (
              <Alert color="gray" variant="outline">
                {t('web.stories.page.readOnly')}
              </Alert>
            )}
            <Text fw={600}>{s.summary}</Text>
            {s.body.split(/\n{2,}/).map((p, i) => (
              <Text key={i} size="sm" style={{ whiteSpace: 'pre-line' }}>
                {p}
              </Text>
            ))}
            {s.movementTitle && <Text size="sm">{t('web.stories.field.movement')}: {s.movementTitle}</Text>}
            {s.decisionNumber && <Text size="sm">{t('web.stories.field.decision')}: {s.decisionNumber}</Text>}
            {s.modelId !== null && s.modelName && (
              <Text size="sm">
                {t('web.stories.field.modelLinked')}:{' '}
                <AnchorLink to="/mo-hinh/$modelId" params={{ modelId: s.modelId }} size="sm" data-testid="story-model-link">
                  {s.modelName}
                </AnchorLink>
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Photos({ s, onAction }: { s: StoryDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const manages = s.abilities.length > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="story-photos-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="story-photos-heading">
            {t('web.stories.photos.title')}
          </Title>
          {s.abilities.includes('story.photos') && (
            <Button variant="default" leftSection={<IconPhotoPlus size={16} aria-hidden />} onClick={() => onAction({ kind: 'photo' })} data-testid="story-photo-add">
              {t('web.stories.photos.add')}
            </Button>
          )}
        </Group>
        {s.photos.length === 0 && <Text size="sm" c="dimmed">{t('web.stories.photos.none')}</Text>}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {s.photos.map((p) => (
            <Card key={p.id} withBorder padding="xs" data-testid="story-photo" data-status={p.status}>
              <Card.Section>
                <Image src={photoUrl(p.id)} alt={p.altText} h={160} fit="cover" style={p.status === 'REVOKED' ? { opacity: 0.4 } : undefined} loading="lazy" />
              </Card.Section>
              <Stack gap={4} mt="xs">
                {p.caption && <Text size="sm">{p.caption}</Text>}
                <Text size="xs" c="dimmed">
                  {t('web.stories.photos.size', { width: p.width, height: p.height })}
                </Text>
                {p.status === 'REVOKED' ? (
                  <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
                    {t('web.stories.photos.revokedNote', { reason: p.revokedReason ?? '' })}
                  </Badge>
                ) : (
                  manages && (
                    <Button size="compact-sm" variant="outline" color="red.9" onClick={() => onAction({ kind: 'revokePhoto', id: p.id })} data-testid="story-photo-revoke" style={{ alignSelf: 'flex-start' }}>
                      {t('web.stories.photos.revoke')}
                    </Button>
                  )
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Consent({ s, onAction }: { s: StoryDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="story-consent-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="story-consent-heading">
            {t('web.stories.consent.title')}
          </Title>
          {s.abilities.includes('story.consent') && (
            <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => onAction({ kind: 'consent' })} data-testid="story-consent-record">
              {s.consent ? t('web.stories.consent.change') : t('web.stories.consent.record')}
            </Button>
          )}
        </Group>
        {s.consent ? (
          <Stack gap={2} data-testid="story-consent">
            <Text size="sm">{t('web.stories.consent.recorded', { date: formatDate(s.consent.on), method: t(`web.stories.consent.method.${s.consent.method}`) })}</Text>
            {s.consent.note && <Text size="sm">{s.consent.note}</Text>}
            {s.consent.recordedBy && (
              <Text size="xs" c="dimmed">
                {t('web.stories.consent.by', { name: s.consent.recordedBy })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="red.9" data-testid="story-consent-none">
            {t('web.stories.consent.none')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Credits({ s, onAction }: { s: StoryDto; onAction: (d: Dialog) => void }) {
  const t = useT();
  const manages = s.abilities.includes('story.credits');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="story-credits-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="story-credits-heading">
            {t('web.stories.credits.title')}
          </Title>
          {manages && (
            <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => onAction({ kind: 'credit' })} data-testid="story-credit-add">
              {t('web.stories.credits.add')}
            </Button>
          )}
        </Group>
        {s.credits.length === 0 && <Text size="sm" c="dimmed">{t('web.stories.credits.none')}</Text>}
        {s.credits.map((c) => (
          <Group key={c.id} justify="space-between" gap="xs" data-testid="story-credit" data-status={c.status}>
            <Text size="sm" td={c.status === 'REVOKED' ? 'line-through' : undefined}>
              <Text span fw={600}>{c.name}</Text> — {t(`web.stories.credits.role.${c.role}`)}
              {c.note ? ` · ${c.note}` : ''}
              {c.status === 'REVOKED' && c.revokedReason ? ` (${c.revokedReason})` : ''}
            </Text>
            {manages && c.status === 'ACTIVE' && (
              <Button size="compact-sm" variant="outline" color="red.9" onClick={() => onAction({ kind: 'revokeCredit', id: c.id })} data-testid="story-credit-revoke">
                {t('web.stories.credits.revoke')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function Dialogs({ s, dialog, onClose }: { s: StoryDto; dialog: Dialog; onClose: () => void }) {
  const t = useT();
  const returnStep = useStoryReasonStep(s.id, 'return');
  const withdraw = useStoryReasonStep(s.id, 'withdraw');
  const revokePhoto = useRevokePhoto(s.id);
  const revokeCredit = useRevokeCredit(s.id);
  if (!dialog) return null;
  const done = (message: string) => () => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
  switch (dialog.kind) {
    case 'publish':
      return <PublishModal story={s} onClose={onClose} />;
    case 'consent':
      return <ConsentModal story={s} onClose={onClose} />;
    case 'photo':
      return <PhotoModal story={s} onClose={onClose} />;
    case 'credit':
      return <CreditModal story={s} onClose={onClose} />;
    case 'return':
    case 'withdraw': {
      const m = dialog.kind === 'return' ? returnStep : withdraw;
      return (
        <ReasonModal
          title={t(`web.stories.${dialog.kind}.title`)}
          explain={t(`web.stories.${dialog.kind}.explain`)}
          submitLabel={t(`web.stories.action.${dialog.kind}`)}
          submitting={m.isPending}
          error={m.error}
          onClose={onClose}
          onSubmit={(reason) => m.mutate({ version: s.version, reason }, { onSuccess: done(t(dialog.kind === 'return' ? 'web.stories.action.returned' : 'web.stories.action.withdrawn')) })}
        />
      );
    }
    case 'revokePhoto':
    case 'revokeCredit': {
      const photo = dialog.kind === 'revokePhoto';
      const m = photo ? revokePhoto : revokeCredit;
      const title = t(photo ? 'web.stories.photos.revokeTitle' : 'web.stories.credits.revokeTitle');
      const onDone = done(t(photo ? 'web.stories.photos.revoked' : 'web.stories.credits.revoked'));
      return (
        <ReasonModal
          title={title}
          explain={title}
          submitLabel={t(photo ? 'web.stories.photos.revoke' : 'web.stories.credits.revoke')}
          submitting={m.isPending}
          error={m.error}
          onClose={onClose}
          onSubmit={(reason) => (photo ? revokePhoto.mutate({ photoId: dialog.id, reason }, { onSuccess: onDone }) : revokeCredit.mutate({ creditId: dialog.id, reason }, { onSuccess: onDone }))}
        />
      );
    }
  }
}
