import { ApiError } from '../../../lib/api-client';

/**
 * Field messages of a refusal, keyed by the form's field: zod's `details.fields` and a service's
 * single `details.field`. `parameters.levels.0.below` counts for `levels`, `title` for `title`.
 */
export function refusalFields(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  const add = (path: string, message: string) => {
    const parts = path.split('.');
    const head = parts[0] === 'parameters' && parts[1] ? parts[1] : (parts[0] ?? path);
    if (!(head in out)) out[head] = message;
  };
  for (const [path, message] of Object.entries(error.fields)) add(path, message);
  const field = (error.details as { field?: unknown } | null | undefined)?.field;
  if (typeof field === 'string' && error.message) add(field, error.message);
  return out;
}
