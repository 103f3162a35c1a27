import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { orgKindsQuery } from '../../../lib/org-lookups';
import { useI18n } from '../../../lib/i18n';

export function useOrgKinds() {
  return useQuery(orgKindsQuery);
}

/** Kinds are data (an installation may add its own), so their names come from the server, in both languages. */
export function useKindLabel(): (code: string) => string {
  const { locale } = useI18n();
  const { data } = useOrgKinds();
  return useCallback(
    (code: string) => {
      const kind = data?.find((k) => k.code === code);
      if (!kind) return code;
      return locale === 'en' ? kind.nameEn : kind.nameVi;
    },
    [data, locale],
  );
}
