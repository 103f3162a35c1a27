import { useState, type FormEvent } from 'react';
import { Alert, Button, Collapse, Container, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { IconCircleCheck, IconMessage } from '@tabler/icons-react';
import { CONSULTATION_LIMITS, isContact, type PublicConsultationDto, type PublicConsultationItemDto } from '../../../../contracts/consultations';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { serverFieldErrors } from '../../../lib/errors';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useSendFeedback, usePublicConsultations } from '../api/consultations';
import { PhaseBadge } from '../components/phase-badge';

const route = getRouteApi('/cong-khai/$orgCode/lay-y-kien');

/** `/cong-khai/:code/lay-y-kien`: proposed awardees open for public comment (no login, no personal data). */
export function PublicConsultationsPage() {
  const t = useT();
  const { orgCode } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = usePublicConsultations(orgCode, page);
  useDocumentTitle(`${t('web.consultations.public.title')}${list.data ? ` · ${list.data.org.name}` : ''}`);

  return (
    <Container size="md" py="lg" px="sm">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('web.consultations.public.title')}
          </Title>
          {list.data && <Text c="dimmed">{t('web.consultations.public.description', { name: list.data.org.name })}</Text>}
        </Stack>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <LoadingBlock />
        ) : list.data && list.data.items.length === 0 ? (
          <Paper withBorder p="xl">
            <Text c="dimmed" ta="center">
              {t('web.consultations.public.empty')}
            </Text>
          </Paper>
        ) : (
          list.data?.items.map((c) => <PublicConsultation key={c.id} consultation={c} />)
        )}
        {list.data && list.data.total > list.data.pageSize && (
          <PaginationBar total={list.data.total} page={page} pageSize={list.data.pageSize} onPageChange={(p) => void navigate({ search: { page: p === 1 ? undefined : p } })} />
        )}
      </Stack>
    </Container>
  );
}

function PublicConsultation({ consultation: c }: { consultation: PublicConsultationDto }) {
  const t = useT();
  const headingId = `consultation-${c.id}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid="public-consultation">
      <Stack gap={4}>
        <Group gap="xs" align="center">
          <Title order={2} size="h3" id={headingId}>
            {c.title}
          </Title>
          <PhaseBadge phase={c.phase} />
        </Group>
        <Text size="sm">{t('web.consultations.public.period', { from: formatDate(c.startsOn), to: formatDate(c.endsOn), days: c.workingDays })}</Text>
        {c.phase === 'OPEN' && <Text size="sm">{t('web.consultations.public.invite')}</Text>}
      </Stack>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {c.items.map((i, index) => (
          <Paper withBorder p="sm" component="li" key={i.id} data-testid="public-consultation-item">
            <PublicItem item={i} index={index + 1} open={c.phase === 'OPEN'} />
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function PublicItem({ item, index, open }: { item: PublicConsultationItemDto; index: number; open: boolean }) {
  const t = useT();
  const [formOpen, setFormOpen] = useState(false);
  const formId = `feedback-form-${item.id}`;
  return (
    <Stack gap={4}>
      <Text fw={600} component="h3" m={0} size="md">
        {index}. {item.subjectName}
      </Text>
      <Text size="sm" c="dimmed">
        {item.unitName}
      </Text>
      <Text size="sm">
        {t('web.consultations.public.award')}: {item.awardName}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {item.publicSummary}
      </Text>
      {open && (
        <>
          <Group>
            <Button
              variant="light"
              size="sm"
              leftSection={<IconMessage size={16} aria-hidden />}
              onClick={() => setFormOpen((v) => !v)}
              aria-expanded={formOpen}
              aria-controls={formId}
              data-testid="public-feedback-open"
            >
              {t('web.consultations.public.comment')}
            </Button>
          </Group>
          <Collapse expanded={formOpen}>
            <div id={formId}>{formOpen && <FeedbackForm itemId={item.id} subjectName={item.subjectName} />}</div>
          </Collapse>
        </>
      )}
    </Stack>
  );
}

function FeedbackForm({ itemId, subjectName }: { itemId: number; subjectName: string }) {
  const t = useT();
  const send = useSendFeedback(itemId);
  const [authorName, setAuthorName] = useState('');
  const [contact, setContact] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A field's message goes once the field is edited again.
  const edit = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((prev) => (field in prev ? Object.fromEntries(Object.entries(prev).filter(([k]) => k !== field)) : prev));
  };

  if (send.isSuccess) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} role="status" mt="xs" data-testid="public-feedback-done">
        {t('web.consultations.public.thanks')}
      </Alert>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const out: Record<string, string> = {};
    if (authorName.trim().length < CONSULTATION_LIMITS.authorNameMin) out.authorName = t('validation.tooShort', { min: CONSULTATION_LIMITS.authorNameMin });
    if (!isContact(contact)) out.contact = t('consultations.contactInvalid');
    if (body.trim().length < CONSULTATION_LIMITS.bodyMin) out.body = t('validation.tooShort', { min: CONSULTATION_LIMITS.bodyMin });
    setErrors(out);
    if (Object.keys(out).length > 0) return;
    send.mutate({ authorName: authorName.trim(), contact: contact.trim(), body: body.trim() });
  };
  const server = serverFieldErrors(send.error);

  return (
    <form onSubmit={submit} noValidate aria-label={t('web.consultations.public.formLabel', { name: subjectName })}>
      <Stack gap="xs" mt="xs">
        <TextInput label={t('web.consultations.public.authorName')} value={authorName} onChange={(e) => edit('authorName', setAuthorName)(e.currentTarget.value)} required maxLength={CONSULTATION_LIMITS.authorNameMax} autoComplete="name" error={errors.authorName ?? server.authorName} data-testid="public-feedback-name" />
        <TextInput
          label={t('web.consultations.public.contact')}
          description={t('web.consultations.public.contactHint')}
          value={contact}
          onChange={(e) => edit('contact', setContact)(e.currentTarget.value)}
          required
          maxLength={CONSULTATION_LIMITS.contactMax}
          autoComplete="email"
          error={errors.contact ?? server.contact}
          data-testid="public-feedback-contact"
        />
        <Textarea
          label={t('web.consultations.public.body')}
          description={t('web.consultations.public.bodyHint', { min: CONSULTATION_LIMITS.bodyMin, max: CONSULTATION_LIMITS.bodyMax })}
          value={body}
          onChange={(e) => edit('body', setBody)(e.currentTarget.value)}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={CONSULTATION_LIMITS.bodyMax}
          error={errors.body ?? server.body}
          data-testid="public-feedback-body"
        />
        <Text size="xs" c="dimmed">
          {t('web.consultations.public.privacy')}
        </Text>
        <ErrorAlert error={send.error} />
        <Group>
          <Button type="submit" loading={send.isPending} data-testid="public-feedback-submit">
            {t('web.consultations.public.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
