import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TemplateDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { VariantBadge } from './template-badges';

type Structure = TemplateDto['structure'];

/** Sections and criteria, one card per criterion so that it reads on a phone. */
export function TemplateStructure({ structure }: { structure: Structure }) {
  const t = useT();
  return (
    <Stack gap="md" data-testid="template-structure">
      {structure.sections.map((section) => (
        <Paper key={section.code} withBorder p="md" component="section" aria-labelledby={`section-${section.code}`} data-testid="template-section" data-section={section.code}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Title order={2} size="h4" id={`section-${section.code}`} style={{ flex: '1 1 16rem' }}>
                {section.code}. {section.title}
              </Title>
              <Group gap={6}>
                <Badge variant="light" color={section.kind === 'DEDUCTION' ? 'red' : section.kind === 'BONUS' ? 'teal' : 'blue'} style={{ textTransform: 'none' }}>
                  {t(`web.scoring.templates.sectionKind.${section.kind}`)}
                </Badge>
                <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                  {t('web.scoring.templates.sectionMax', { points: formatNumber(section.maxPoints) })}
                </Badge>
              </Group>
            </Group>
            <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
              {section.criteria.map((c) => (
                <Paper key={c.code} component="li" withBorder p="sm" data-testid="template-criterion" data-criterion={c.code}>
                  <Stack gap={6}>
                    <Text size="sm" fw={500}>
                      {c.code}. {c.text}
                    </Text>
                    <Group gap={6} wrap="wrap">
                      <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
                        {t('web.scoring.templates.criterion.max', { points: formatNumber(c.maxPoints) })} · {t('web.scoring.templates.criterion.step', { step: formatNumber(c.step) })}
                      </Badge>
                      {c.evidenceRequired && (
                        <Badge variant="light" color="orange" style={{ textTransform: 'none' }} data-testid="criterion-evidence-required">
                          {t('web.scoring.templates.criterion.evidenceRequired')}
                        </Badge>
                      )}
                      {(c.variants ?? []).map((v) => (
                        <VariantBadge key={v} variant={v} />
                      ))}
                    </Group>
                    {c.guidance && (
                      <Text size="sm">
                        <Text span fw={600} size="sm">
                          {t('web.scoring.templates.criterion.guidance')}:
                        </Text>{' '}
                        {c.guidance}
                      </Text>
                    )}
                    {c.evidence && (
                      <Text size="sm" c="dimmed">
                        <Text span fw={600} size="sm">
                          {t('web.scoring.templates.criterion.evidence')}:
                        </Text>{' '}
                        {c.evidence}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
