import { useMemo, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nProvider, useI18n } from '../lib/i18n';
import { cssVariablesResolver, localisedTheme } from './theme';

function LocalisedDates({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0] }}>{children}</DatesProvider>;
}

/** Mantine inside the language: its theme names the close buttons in the user's language. */
function LocalisedMantine({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const closeLabel = t('web.common.close');
  const theme = useMemo(() => localisedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedMantine>
          <LocalisedDates>
            <Notifications position="top-right" />
            {children}
          </LocalisedDates>
        </LocalisedMantine>
      </I18nProvider>
    </QueryClientProvider>
  );
}
