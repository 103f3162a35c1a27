import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { t as translate, type MessageKey } from '../../contracts/messages';
import { LOCALES, type Locale } from '../../contracts/enums';
import { api } from './api-client';
import { meQueryOptions } from './session';

const STORAGE_KEY = 'vinhdanh.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  t: Translate;
  /** Switches the language; for a signed-in user it is saved on the server too. */
  setLocale: (locale: Locale) => Promise<void>;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQueryOptions);
  const [guestLocale, setGuestLocale] = useState<Locale>(readStoredLocale);
  // A signed-in user's saved preference wins over the browser's last choice.
  const locale: Locale = me?.locale ?? guestLocale;

  useEffect(() => {
    dayjs.locale(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    async (next: Locale) => {
      setGuestLocale(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode: the choice just won't survive a reload.
      }
      const current = queryClient.getQueryData(meQueryOptions.queryKey);
      if (!current) return;
      queryClient.setQueryData(meQueryOptions.queryKey, (prev) => (prev ? { ...prev, locale: next } : prev));
      try {
        await api.put('/auth/locale', { locale: next });
      } catch (error) {
        queryClient.setQueryData(meQueryOptions.queryKey, current);
        throw error;
      }
    },
    [queryClient],
  );

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() used outside I18nProvider');
  return value;
}

/** Shortcut for components that only need to translate. */
export function useT(): Translate {
  return useI18n().t;
}
