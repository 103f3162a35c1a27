import { Textarea } from '@mantine/core';
import { LIMITS } from '../../../contracts/limits';
import { useT } from '../../lib/i18n';

/** Why something was done; the law keeps it with the record, so the server requires it. */
export function ReasonField({ value, onChange, error, required = true }: { value: string; onChange: (value: string) => void; error?: string; required?: boolean }) {
  const t = useT();
  return (
    <Textarea
      label={t('web.common.reason')}
      description={required ? t('web.common.reasonHint', { min: LIMITS.reasonMin }) : undefined}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      required={required}
      autosize
      minRows={2}
      maxRows={6}
      maxLength={LIMITS.textMax}
    />
  );
}
