import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PlanBlock, PlanDto } from '../../../../contracts/plans';
import { useT } from '../../../lib/i18n';

const SERIF = '"Times New Roman", Times, serif';

function Block({ block }: { block: PlanBlock }) {
  switch (block.kind) {
    case 'HEADING_1':
      return (
        <Text fw={700} ff={SERIF} mt="sm" data-kind={block.kind}>
          {block.text}
        </Text>
      );
    case 'HEADING_2':
      return (
        <Text fw={700} ff={SERIF} data-kind={block.kind}>
          {block.text}
        </Text>
      );
    case 'BULLET':
      return (
        <Text ff={SERIF} style={{ textIndent: '2em', textAlign: 'justify' }} data-kind={block.kind}>
          {`- ${block.text}`}
        </Text>
      );
    case 'QUOTE':
      return (
        <Text fw={700} fs="italic" ta="center" ff={SERIF} data-kind={block.kind}>
          {block.text}
        </Text>
      );
    default:
      return (
        <Text ff={SERIF} style={{ textIndent: '2em', textAlign: 'justify' }} data-kind={block.kind}>
          {block.text}
        </Text>
      );
  }
}

/** The plan laid out like its paper version (Nghị định 30/2020): number line, title, basis, body, signer, recipients. */
export function PlanDocument({ plan }: { plan: PlanDto }) {
  const t = useT();
  const [year, month, day] = plan.issuedOn ? plan.issuedOn.split('-') : [];
  const placeDate =
    year && month && day ? t('web.plans.placeDate', { place: plan.place, day, month, year }) : t('web.plans.placeDraft', { place: plan.place, year: plan.year });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} data-testid="plan-document" style={{ fontFamily: SERIF }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={2} align="center" style={{ flex: '1 1 14rem' }}>
            <Text size="sm" ff={SERIF} fw={700} ta="center">
              {plan.orgName.toUpperCase()}
            </Text>
            <Text size="sm" ff={SERIF} data-testid="plan-number-line">
              {plan.numberLine}
            </Text>
          </Stack>
          <Text size="sm" ff={SERIF} fs="italic" ta="center" style={{ flex: '1 1 14rem' }}>
            {placeDate}
          </Text>
        </Group>
        <Title order={2} ta="center" ff={SERIF} fz="h3" mt="md">
          {t('web.plans.heading')}
        </Title>
        <Text fw={700} ta="center" ff={SERIF}>
          {plan.title}
        </Text>
        {/* The theme (chủ đề thi đua) is printed where the plan's body states it, as in the Word file. */}
        <Box mt="sm">
          {plan.basis.map((b, i) => (
            <Text key={i} fs="italic" ff={SERIF} style={{ textIndent: '2em', textAlign: 'justify' }} data-kind="BASIS">
              {b.text}
            </Text>
          ))}
        </Box>
        {plan.intro && (
          <Text ff={SERIF} style={{ textIndent: '2em', textAlign: 'justify' }}>
            {plan.intro}
          </Text>
        )}
        <Stack gap={6} data-testid="plan-blocks">
          {plan.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </Stack>
        <Group justify="space-between" align="flex-start" mt="xl" gap="lg">
          <Stack gap={0} style={{ flex: '1 1 14rem' }} data-testid="plan-recipients">
            <Text size="sm" fw={700} fs="italic" ff={SERIF}>
              {t('web.plans.recipients')}
            </Text>
            {plan.recipients.map((r, i) => (
              <Text key={i} size="xs" ff={SERIF}>
                {`- ${r.text}`}
              </Text>
            ))}
          </Stack>
          <Stack gap={0} align="center" style={{ flex: '1 1 14rem' }} data-testid="plan-signer">
            {plan.signer.onBehalf && (
              <Text fw={700} ff={SERIF}>
                {plan.signer.onBehalf}
              </Text>
            )}
            <Text fw={700} ff={SERIF}>
              {plan.signer.position}
            </Text>
            <Text fw={700} ff={SERIF} mt={48}>
              {plan.signer.name}
            </Text>
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}
