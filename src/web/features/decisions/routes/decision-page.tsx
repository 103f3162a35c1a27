import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconDownload, IconEdit, IconPrinter, IconSignature, IconWorld } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { formatDate, formatNumber } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { certificatesUrl, documentPdfUrl, documentUrl, useDecision, type DecisionDto, type DecisionItemDto } from '../api/decisions';
import { DecisionStatusBadge, useMoney } from '../components/badges';
import { EditDecisionModal, PublishDecisionModal, RevokeDecisionModal, SignDecisionModal } from '../components/decision-modals';
import { ScanBlock } from '../components/scan-block';
import { RecoveryBlock } from '../components/recovery-block';

const route = getRouteApi('/app/quyet-dinh/$decisionId');

type Dialog = 'edit' | 'sign' | 'revoke' | 'publish' | null;

/** The lines grouped by award, in the order of the decision. */
function groupByAward(items: DecisionItemDto[]): { code: string; name: string; items: DecisionItemDto[] }[] {
  const groups = new Map<string, { code: string; name: string; items: DecisionItemDto[] }>();
  for (const item of items) {
    const group = groups.get(item.awardCode) ?? { code: item.awardCode, name: item.awardName, items: [] };
    group.items.push(item);
    groups.set(item.awardCode, group);
  }
  return [...groups.values()];
}

/** `/quyet-dinh/:id`: the decision, its money, its actions and downloads. */
export function DecisionPage() {
  const t = useT();
  const { decisionId } = route.useParams();
  const decision = useDecision(decisionId);
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <Stack gap="md">
      <div>
        <AnchorLink to="/quyet-dinh" size="sm">
          ← {t('web.decisions.page.back')}
        </AnchorLink>
      </div>
      <ErrorAlert error={decision.error} />
      {decision.isPending && <LoadingBlock />}
      {decision.data && <DecisionView d={decision.data} onAction={setDialog} />}
      {decision.data && dialog === 'edit' && <EditDecisionModal decision={decision.data} onClose={() => setDialog(null)} />}
      {decision.data && dialog === 'sign' && <SignDecisionModal decision={decision.data} onClose={() => setDialog(null)} />}
      {decision.data && dialog === 'revoke' && <RevokeDecisionModal decision={decision.data} onClose={() => setDialog(null)} />}
      {decision.data && dialog === 'publish' && <PublishDecisionModal decision={decision.data} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function DecisionView({ d, onAction }: { d: DecisionDto; onAction: (dialog: Dialog) => void }) {
  const t = useT();
  const money = useMoney();
  const can = (ability: string) => d.abilities.includes(ability);
  const groups = groupByAward(d.items);
  const activeLines = d.items.filter((i) => i.status === 'ACTIVE').length;
  const numberTitle = d.numberText ? t('web.decisions.page.numberLine', { number: d.numberText }) : t('web.decisions.page.draftNumber');

  const columns: Column<DecisionItemDto>[] = [
    {
      key: 'name',
      header: t('web.decisions.field.subject'),
      primary: true,
      cell: (i) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500} td={i.status === 'REVOKED' ? 'line-through' : undefined}>
            {i.subjectName}
          </Text>
          {i.status === 'REVOKED' && (
            <Badge color="red.9" variant="outline" style={{ textTransform: 'none', flexShrink: 0 }} data-testid="decision-line-revoked">
              {t('web.decisions.line.revoked')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'unit', header: t('web.decisions.field.unit'), cell: (i) => i.unitName ?? '' },
    {
      key: 'amount',
      header: t('web.decisions.field.amount'),
      cell: (i) => (
        <Stack gap={0}>
          <span data-testid="decision-line-amount">{money(i.amountVnd)}</span>
          {i.status === 'REVOKED' && (i.amountVnd ?? 0) > 0 && (
            <Text size="xs" c={i.toRecoverVnd > 0 ? 'red.9' : undefined} data-testid="decision-line-recovered">
              {t('web.decisions.recovery.progress', { recovered: formatNumber(i.recoveredVnd), total: formatNumber(i.amountVnd ?? 0) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'serial',
      header: t('web.decisions.field.serial'),
      cell: (i) =>
        i.certificateSerial ? (
          <Anchor href={`/verify/${encodeURIComponent(i.certificateSerial)}`} target="_blank" rel="noopener" size="sm" data-testid="decision-line-serial">
            {i.certificateSerial}
          </Anchor>
        ) : (
          ''
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={
          <span data-testid="decision-number">{numberTitle}</span>
        }
        documentTitle={numberTitle}
        description={d.orgName}
        actions={
          <Group gap="sm">
            {can('decision.update') && (
              <Button variant="default" leftSection={<IconEdit size={18} aria-hidden />} onClick={() => onAction('edit')} data-testid="decision-edit">
                {t('web.decisions.action.edit')}
              </Button>
            )}
            {can('decision.sign') && (
              <Button leftSection={<IconSignature size={18} aria-hidden />} onClick={() => onAction('sign')} data-testid="decision-sign">
                {t('web.decisions.action.sign')}
              </Button>
            )}
            {can('decision.publish') && (
              <Button variant="default" leftSection={<IconWorld size={18} aria-hidden />} onClick={() => onAction('publish')} data-testid="decision-publish">
                {t('web.decisions.action.publish')}
              </Button>
            )}
            {can('decision.revoke') && (
              <Button color="red.9" variant="outline" leftSection={<IconBan size={18} aria-hidden />} onClick={() => onAction('revoke')} data-testid="decision-revoke">
                {t('web.decisions.action.revoke')}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="sm">
            <DecisionStatusBadge status={d.status} />
            {d.signedOn && <Text size="sm">{t('web.decisions.page.signedOn', { date: formatDate(d.signedOn) })}</Text>}
            {d.publishedAt && (
              <Text size="sm" data-testid="decision-published">
                {t('web.decisions.page.published', { date: formatDate(d.publishedAt) })}
              </Text>
            )}
            {d.meetingId !== null && (
              <AnchorLink to="/hoi-dong/hop/$meetingId" params={{ meetingId: d.meetingId }} size="sm">
                {t('web.decisions.page.meetingLink')}
              </AnchorLink>
            )}
          </Group>
          <Text fw={600} data-testid="decision-subject">
            {d.subject}
          </Text>
          <Text size="sm">
            {t('web.decisions.field.place')}: {d.place}
          </Text>
          <Text size="sm" data-testid="decision-base-salary">
            {d.baseSalaryVnd !== null ? t('web.decisions.page.baseSalary', { amount: formatNumber(d.baseSalaryVnd), source: d.baseSalarySource ?? '' }) : t('web.decisions.page.baseSalaryNone')}
          </Text>
          <Text fw={600} data-testid="decision-total">
            {t('web.decisions.field.total')}: {money(d.totalVnd ?? 0)}
          </Text>
          {d.toRecoverVnd > 0 && (
            <Text c="red.9" fw={600} data-testid="decision-to-recover">
              {t('web.decisions.page.toRecover', { amount: formatNumber(d.toRecoverVnd) })}
            </Text>
          )}
          {d.revokedReason && (
            <Text size="sm" c="red.9">
              {t('web.decisions.page.revokedReason', { reason: d.revokedReason })}
            </Text>
          )}
        </Stack>
      </Paper>
      {d.status === 'DRAFT' && d.fund && (
        <Alert
          color={d.fund.overBudget ? 'red' : d.fund.budgetVnd === null ? 'orange' : 'blue'}
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('web.decisions.fund.title', { year: d.fund.year })}
          data-testid="decision-fund"
          data-over={d.fund.overBudget ? 'true' : 'false'}
        >
          <Stack gap={4}>
            <Text size="sm">
              {d.fund.budgetVnd === null
                ? t('web.decisions.fund.noBudget', { year: d.fund.year, paid: formatNumber(d.fund.paidVnd) })
                : t('web.decisions.fund.text', { budget: formatNumber(d.fund.budgetVnd), paid: formatNumber(d.fund.paidVnd), balance: formatNumber(d.fund.balanceAfterVnd) })}
            </Text>
            {d.fund.overBudget && (
              <Text size="sm" fw={600}>
                {t('web.decisions.fund.over')}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <Group gap="sm">
        <Button component="a" href={documentUrl(d.id)} variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="decision-docx">
          {t('web.decisions.action.docx')}
        </Button>
        <Button component="a" href={documentPdfUrl(d.id)} variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="decision-pdf">
          {t('web.decisions.action.pdf')}
        </Button>
        {d.status !== 'DRAFT' && activeLines > 0 && (
          <Button component="a" href={certificatesUrl(d.id)} variant="default" leftSection={<IconPrinter size={18} aria-hidden />} data-testid="decision-certificates-all">
            {t('web.decisions.action.certificatesAll', { count: activeLines })}
          </Button>
        )}
        {d.status !== 'DRAFT' &&
          groups.map((g) => (
            <Button key={g.code} component="a" href={certificatesUrl(d.id, g.code)} variant="default" leftSection={<IconPrinter size={18} aria-hidden />} data-testid="decision-certificates" data-award={g.code}>
              {t('web.decisions.action.certificates', { award: g.name })}
            </Button>
          ))}
      </Group>
      <ScanBlock d={d} />
      <RecoveryBlock d={d} />
      {groups.map((g) => (
        <Stack key={g.code} gap="xs" data-testid="decision-group" data-award={g.code}>
          <Group gap="sm" align="baseline">
            <Title order={2} fz="h4">
              {g.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('web.decisions.page.groupCount', { count: g.items.length })}
            </Text>
          </Group>
          <ResponsiveTable caption={t('web.decisions.page.linesCaption', { award: g.name })} columns={columns} rows={g.items} rowKey={(i) => i.id} testId="decision-lines" rowTestId="decision-line" />
        </Stack>
      ))}
    </Stack>
  );
}
