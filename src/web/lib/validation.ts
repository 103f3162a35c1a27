import type { z } from 'zod';
import type { MessageKey } from '../../contracts/messages';
import type { Translate } from './i18n';

export type FieldErrors = Record<string, string>;

/**
 * Check a form with the same contract schema the server uses, and say what is wrong in the
 * catalogue's words. Returns the parsed value or the per-field messages.
 */
export function validateForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: Translate,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  // reportInput lets us tell a missing value ("required") from a wrong one.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = t(issueMessageKey(issue, path), issueParams(issue));
  }
  return { ok: false, errors };
}

type Issue = z.core.$ZodIssue;

export function issueMessageKey(issue: Issue, path: string): MessageKey {
  const field = path.split('.').pop() ?? '';
  if (field === 'reason' && (issue.code === 'too_small' || isBlank(issue.input))) return 'validation.reasonRequired';
  if (isBlank(issue.input)) return 'validation.required';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'validation.required';
      if (issue.origin === 'string') return 'validation.tooShort';
      return 'validation.invalidValue';
    case 'too_big':
      return issue.origin === 'string' ? 'validation.tooLong' : 'validation.invalidValue';
    case 'invalid_format':
      if (issue.format === 'email') return 'validation.invalidEmail';
      if (field === 'cccd') return 'validation.cccd';
      if (issue.message === 'INVALID_DATE') return 'validation.invalidDate';
      return 'validation.invalidValue';
    default:
      return 'validation.invalidValue';
  }
}

/** A field left empty (needs `reportInput`, which `validateForm` turns on). */
function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

function issueParams(issue: Issue): Record<string, string | number> {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  return {};
}

/** Form text → API value: trimmed, and empty means "not given". */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
