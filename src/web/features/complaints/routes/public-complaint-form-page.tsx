import { useState, type FormEvent } from 'react';
import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { IconCircleCheck } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { serverFieldErrors } from '../../../lib/errors';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { DateField } from '../../../components/ui/date-field';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { usePublishedDocuments } from '../../outgoing/api/outgoing';
import { useSendPublicComplaint } from '../api/complaints';
import { checkLetter, ContentField, emptyLetter, LetterFields, type LetterDraft, type LetterField } from '../components/complaint-fields';

const route = getRouteApi('/cong-khai/$orgCode/gui-don');

/** `/cong-khai/:code/gui-don`: anyone sends a complaint, denunciation or petition about commendation and gets a reference code. */
export function PublicComplaintFormPage() {
  const t = useT();
  const { orgCode } = route.useParams();
  // The organisation's public name, from its public documents page (unknown codes simply show no name).
  const org = usePublishedDocuments(orgCode, 1);
  const orgName = org.data?.org.name;
  const send = useSendPublicComplaint(orgCode);
  const [draft, setDraft] = useState<LetterDraft>(emptyLetter);
  const [learnedOn, setLearnedOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<LetterField, string>>>({});
  const server = serverFieldErrors(send.error) as Partial<Record<LetterField, string>>;
  const shown = { ...server, ...errors };
  useDocumentTitle(`${t('web.complaints.public.title')}${orgName ? ` · ${orgName}` : ''}`);

  // A field's message goes once the field is edited again.
  const change = (patch: Partial<LetterDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !(k in patch))));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    const out = checkLetter(draft, t);
    setErrors(out);
    if (Object.keys(out).length > 0) return;
    send.mutate({
      kind: draft.kind,
      name: draft.name.trim(),
      contact: draft.contact.trim(),
      address: draft.address.trim() || undefined,
      learnedOn: learnedOn ?? undefined,
      content: draft.content.trim(),
    });
  };

  return (
    <Container size="sm" py="lg" px="sm">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('web.complaints.public.title')}
          </Title>
          <Text c="dimmed">{orgName ? t('web.complaints.public.intro', { org: orgName }) : t('web.complaints.public.introNoOrg')}</Text>
        </Stack>
        {send.data ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={t('web.complaints.public.sent')} role="status" data-testid="public-complaint-done">
            <Stack gap="sm">
              <Text size="sm">{t('web.complaints.public.codeLabel')}</Text>
              <Text fz={{ base: 22, sm: 28 }} fw={700} ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="public-complaint-code">
                {send.data.referenceCode}
              </Text>
              <Text size="sm">
                {t('web.complaints.field.receivedOn')}: {formatDate(send.data.receivedOn)}
              </Text>
              <Text size="sm">{t('web.complaints.public.codeHint')}</Text>
              <Group gap="sm">
                <ButtonLink to="/tra-cuu-don/$code" params={{ code: send.data.referenceCode }} data-testid="public-complaint-status-link">
                  {t('web.complaints.public.statusLink')}
                </ButtonLink>
                <Button
                  variant="default"
                  onClick={() => {
                    send.reset();
                    setDraft(emptyLetter());
                    setLearnedOn(null);
                  }}
                >
                  {t('web.complaints.public.another')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <form onSubmit={submit} noValidate aria-label={t('web.complaints.public.formLabel')}>
              <Stack gap="sm">
                <LetterFields draft={draft} onChange={change} errors={shown} testIdPrefix="public-complaint" kindDescription={t('web.complaints.public.kindHint')} />
                <DateField
                  label={t('web.complaints.field.learnedOn')}
                  description={t('web.complaints.field.learnedOnHint')}
                  value={learnedOn}
                  onChange={setLearnedOn}
                  clearable
                  maxDate={todayIso()}
                  error={shown.learnedOn}
                  data-testid="public-complaint-learned"
                />
                <ContentField value={draft.content} onChange={(content) => change({ content })} error={shown.content} testId="public-complaint-content" />
                <Text size="xs" c="dimmed">
                  {t('web.complaints.public.privacy')}
                </Text>
                <ErrorAlert error={send.error} />
                <Group>
                  <Button type="submit" size="md" loading={send.isPending} data-testid="public-complaint-submit">
                    {t('web.complaints.public.send')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        )}
        <Text size="sm">
          <AnchorLink to="/tra-cuu-don">{t('web.complaints.lookup.title')}</AnchorLink>
        </Text>
      </Stack>
    </Container>
  );
}
