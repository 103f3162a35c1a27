import { useState } from 'react';
import { Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { hasAbility } from '../../../lib/session';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { useAnswerOpinion, useRequestOpinion, type NominationDto } from '../api/nominations';
import { refusalFields } from './refusal';

type Opinion = NominationDto['opinions'][number];
const STATE_COLORS: Record<Opinion['state'], string> = { WAITING: 'blue', ANSWERED: 'teal', NO_ANSWER: 'gray' };

/** Opinions of related agencies (tax, social insurance, police…): asked by the appraising level, answered, or unanswered by the due day. */
export function OpinionsPanel({ nomination }: { nomination: NominationDto }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [answering, setAnswering] = useState<Opinion | null>(null);
  const canAsk = hasAbility(nomination, 'opinion.request');
  if (nomination.opinions.length === 0 && !canAsk) return null;
  return (
    <Paper withBorder p="md" data-testid="opinions">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {t('web.nominations.opinions.title')}
          </Title>
          {canAsk && (
            <Button size="sm" variant="light" leftSection={<IconMessageQuestion size={16} aria-hidden />} onClick={() => setAsking(true)} data-testid="opinion-request">
              {t('web.nominations.opinions.request')}
            </Button>
          )}
        </Group>
        {nomination.opinions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('web.nominations.opinions.none')}
          </Text>
        )}
        {nomination.opinions.map((o) => (
          <Paper key={o.id} withBorder p="sm" data-testid="opinion" data-state={o.state}>
            <Stack gap={4}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>
                  {o.agency}
                </Text>
                <Badge color={STATE_COLORS[o.state]} variant="light" style={{ textTransform: 'none' }}>
                  {t(`web.nominations.opinions.state.${o.state}`)}
                </Badge>
              </Group>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {o.question}
              </Text>
              <Text size="xs" c="dimmed">
                {t('web.nominations.opinions.meta', { by: o.requestedByName ?? '—', due: formatDate(o.dueOn) })}
              </Text>
              {o.outcome && (
                <Text size="sm" c={o.outcome === 'OBJECT' ? 'red.8' : 'teal.8'} style={{ wordBreak: 'break-word' }}>
                  {t(`web.nominations.opinions.outcome.${o.outcome}`)}
                  {o.answeredOn ? ` (${formatDate(o.answeredOn)})` : ''}: {o.answer}
                </Text>
              )}
              {hasAbility(o, 'opinion.answer') && (
                <Group>
                  <Button size="xs" variant="default" onClick={() => setAnswering(o)} data-testid="opinion-answer">
                    {t('web.nominations.opinions.answer')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
      {asking && <RequestModal nomination={nomination} onClose={() => setAsking(false)} />}
      {answering && <AnswerModal opinion={answering} onClose={() => setAnswering(null)} />}
    </Paper>
  );
}

function RequestModal({ nomination, onClose }: { nomination: NominationDto; onClose: () => void }) {
  const t = useT();
  const request = useRequestOpinion(nomination.id);
  const [agency, setAgency] = useState('');
  const [question, setQuestion] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ agency?: string; question?: string }>({});
  const server = refusalFields(request.error);
  return (
    <ActionModal
      title={t('web.nominations.opinions.requestTitle')}
      submitLabel={t('web.nominations.opinions.request')}
      onClose={onClose}
      submitting={request.isPending}
      error={request.error}
      validate={() => {
        const next = { agency: agency.trim() ? undefined : t('web.nominations.opinions.agencyRequired'), question: question.trim() ? undefined : t('web.nominations.opinions.questionRequired') };
        setErrors(next);
        return !next.agency && !next.question;
      }}
      onSubmit={() => request.mutate({ agency: agency.trim(), question: question.trim(), ...(dueOn ? { dueOn } : {}) }, { onSuccess: onClose })}
    >
      <TextInput label={t('web.nominations.opinions.agency')} placeholder={t('web.nominations.opinions.agencyPlaceholder')} value={agency} onChange={(e) => setAgency(e.currentTarget.value)} required maxLength={LIMITS.nameMax} error={errors.agency ?? server.agency} data-testid="opinion-agency" />
      <Textarea label={t('web.nominations.opinions.question')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} required autosize minRows={2} maxLength={LIMITS.textMax} error={errors.question ?? server.question} data-testid="opinion-question" />
      <DateField label={t('web.nominations.opinions.dueOn')} description={t('web.nominations.opinions.dueOnHint')} value={dueOn} onChange={setDueOn} clearable error={server.dueOn} data-testid="opinion-due" />
    </ActionModal>
  );
}

function AnswerModal({ opinion, onClose }: { opinion: Opinion; onClose: () => void }) {
  const t = useT();
  const answer = useAnswerOpinion();
  const [outcome, setOutcome] = useState<'AGREE' | 'OBJECT'>('AGREE');
  const [text, setText] = useState('');
  const [answeredOn, setAnsweredOn] = useState<string | null>(todayIso());
  const [error, setError] = useState<string | undefined>();
  const server = refusalFields(answer.error);
  return (
    <ActionModal
      title={t('web.nominations.opinions.answerTitle', { agency: opinion.agency })}
      submitLabel={t('web.nominations.opinions.answer')}
      onClose={onClose}
      submitting={answer.isPending}
      error={answer.error}
      confirmMessage={t('web.nominations.opinions.answerConfirm')}
      validate={() => {
        const ok = text.trim().length > 0 && answeredOn !== null;
        setError(ok ? undefined : t('web.nominations.opinions.answerRequired'));
        return ok;
      }}
      onSubmit={() => answeredOn && answer.mutate({ opinionId: opinion.id, outcome, answer: text.trim(), answeredOn }, { onSuccess: onClose })}
    >
      <Radio.Group label={t('web.nominations.opinions.outcomeLabel')} value={outcome} onChange={(v) => setOutcome(v === 'OBJECT' ? 'OBJECT' : 'AGREE')}>
        <Group mt={4}>
          <Radio value="AGREE" label={t('web.nominations.opinions.outcome.AGREE')} />
          <Radio value="OBJECT" label={t('web.nominations.opinions.outcome.OBJECT')} />
        </Group>
      </Radio.Group>
      <Textarea label={t('web.nominations.opinions.answerText')} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={2} maxLength={LIMITS.textMax} error={error ?? server.answer} data-testid="opinion-answer-text" />
      <DateField label={t('web.nominations.opinions.answeredOn')} value={answeredOn} onChange={setAnsweredOn} required error={server.answeredOn} />
    </ActionModal>
  );
}
