import { useState } from 'react';
import type { z } from 'zod';
import { useT } from './i18n';
import { serverFieldErrors } from './errors';
import { validateForm, type FieldErrors } from './validation';

/**
 * Field messages for a form: our own check against the contract schema first, then whatever the
 * server said about the last attempt (`VALIDATION` details).
 */
export function useFormValidation(serverError: unknown) {
  const t = useT();
  const [errors, setErrors] = useState<FieldErrors>({});
  const server = serverFieldErrors(serverError);

  function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
    const result = validateForm(schema, input, t);
    setErrors(result.ok ? {} : result.errors);
    return result.ok ? result.data : null;
  }

  return {
    check,
    /** The message to show under `field`, if any. */
    error: (field: string): string | undefined => errors[field] ?? server[field],
  };
}
