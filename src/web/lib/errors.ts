import { ApiError } from './api-client';
import type { Translate } from './i18n';
import { hasMessage } from '../../contracts/messages';
import { LIMITS } from '../../contracts/limits';
import { toMegabytes } from './format';

/** Values for the placeholders of the generic error messages, when the server sent no text. */
const ERROR_PARAMS = {
  maxMb: toMegabytes(LIMITS.importMaxBytes),
  minutes: LIMITS.loginLockMinutes,
};

/**
 * What to tell the user about a failed request: the server's own (translated) message when there is
 * one, otherwise the catalogue's message for the code.
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.code === 'NETWORK') return t('web.error.network');
    const key = `error.${error.code}`;
    if (hasMessage(key)) return t(key, ERROR_PARAMS);
  }
  return t('error.INTERNAL');
}

/** Per-field messages of a refusal (`details.fields` of VALIDATION, or of e.g. a CONFLICT on a code). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}
