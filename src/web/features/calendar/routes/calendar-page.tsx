import { Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { CalendarEvent, CalendarEventKind } from '../../../../contracts/calendar';
import { useT } from '../../../lib/i18n';
import { currentYear, formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCalendar } from '../api/calendar';

const route = getRouteApi('/app/lich');

const KIND_COLOR: Record<CalendarEventKind, string> = {
  MOVEMENT_PERIOD: 'blue',
  MOVEMENT_STEP: 'grape',
  DEADLINE: 'red',
  PLAN_ISSUED: 'teal',
  ANNIVERSARY: 'yellow',
};

function EventRow({ e }: { e: CalendarEvent }) {
  const t = useT();
  const title = e.link ? (
    <AnchorLink to={e.link} size="sm" fw={500}>
      {e.title}
    </AnchorLink>
  ) : (
    <Text size="sm" fw={e.round ? 600 : 400}>{e.title}</Text>
  );
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="calendar-event" data-kind={e.kind} style={{ borderLeft: `4px solid var(--mantine-color-${KIND_COLOR[e.kind]}-6)`, paddingLeft: 8 }}>
      <Text size="sm" w={48} style={{ flexShrink: 0 }}>{formatDate(e.date).slice(0, 5)}</Text>
      <Stack gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        <Group gap={6}>
          <Badge size="xs" color={KIND_COLOR[e.kind]} variant="light" style={{ textTransform: 'none' }}>{t(`web.calendar.kind.${e.kind}`)}</Badge>
          {e.round && <Badge size="xs" color="red" variant="filled" style={{ textTransform: 'none' }}>{t('web.calendar.round')}</Badge>}
        </Group>
        {title}
        <Text size="xs" c="dimmed">
          {[e.orgName, e.endDate ? t('web.calendar.until', { date: formatDate(e.endDate) }) : null, e.kind === 'DEADLINE' && e.detail ? t('web.calendar.responded', { n: e.detail }) : e.detail]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}

/** `/lich`: the year month by month — movements, steps, deadlines, plans, anniversaries — colour-coded. */
export function CalendarPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const now = currentYear();
  const year = search.year ?? now;
  const calendar = useCalendar(year, search.orgId);
  const years = Array.from({ length: 8 }, (_, i) => String(now + 1 - i));
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const events = calendar.data?.events ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.calendar.title', { year })}
        description={t('web.calendar.description')}
        actions={
          <Group gap="xs" align="flex-end" wrap="wrap">
            <OrgPicker
              label={t('web.calendar.unit')}
              value={search.orgId ?? null}
              onChange={(id) => void navigate({ search: (prev) => ({ ...prev, orgId: id ?? undefined }), replace: true })}
              clearable
              data-testid="calendar-org-filter"
            />
            <Select
              label={t('web.calendar.year')}
              data={years}
              value={String(year)}
              onChange={(v) => v && void navigate({ search: (prev) => ({ ...prev, year: Number(v) === now ? undefined : Number(v) }), replace: true })}
              allowDeselect={false}
              w={110}
              data-testid="calendar-year"
            />
          </Group>
        }
      />
      <ErrorAlert error={calendar.error} />
      {calendar.isPending ? (
        <LoadingBlock />
      ) : (
        <Stack gap="sm" data-testid="calendar">
          {months.map((month) => {
            const inMonth = events.filter((e) => Number(e.date.slice(5, 7)) === month);
            return (
              <Paper key={month} withBorder p="sm" component="section" aria-labelledby={`month-${month}`} data-testid="calendar-month">
                <Title order={2} size="h5" id={`month-${month}`} mb="xs">{t('web.calendar.month', { month })}</Title>
                {inMonth.length === 0 ? (
                  <Text size="sm" c="dimmed">{t('web.calendar.empty')}</Text>
                ) : (
                  <Stack gap="xs">
                    {inMonth.map((e, i) => <EventRow key={`${e.kind}-${e.date}-${i}`} e={e} />)}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
