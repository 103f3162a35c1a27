import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import type { PersonalDataFindingDto, StoryDto } from '../api/stories';

/** "số điện thoại trong nội dung (09•••••678)" in the reader's language. */
export function useFindingText() {
  const t = useT();
  return (f: PersonalDataFindingDto) => {
    const photo = /^photo\.(\d+)\.(altText|caption)$/.exec(f.field);
    const where = photo ? t(`web.stories.where.photo.${photo[2] as 'altText' | 'caption'}`, { n: photo[1]! }) : t(`web.stories.where.${f.field as 'title' | 'summary' | 'body' | 'subjectUnit'}`);
    return t('web.stories.finding', { kind: t(`web.stories.personalData.${f.kind}`), where, excerpt: f.excerpt });
  };
}

/** What stops publication now: the missing consent and every piece of personal data still in the story. */
export function BlockersAlert({ story }: { story: StoryDto }) {
  const t = useT();
  const text = useFindingText();
  if (story.consent && story.personalData.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('web.stories.publish.blocked')} data-testid="story-blockers">
      <List size="sm" spacing={4}>
        {!story.consent && <List.Item data-testid="story-blocker-consent">{t('web.stories.publish.needConsent')}</List.Item>}
        {story.personalData.length > 0 && (
          <List.Item>
            {t('web.stories.publish.personalData')}
            <List withPadding size="sm">
              {story.personalData.map((f, i) => (
                <List.Item key={`${f.field}-${i}`} data-testid="story-finding" data-kind={f.kind}>
                  {text(f)}
                </List.Item>
              ))}
            </List>
          </List.Item>
        )}
      </List>
    </Alert>
  );
}
