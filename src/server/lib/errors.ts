// The closed set of errors the API can answer with. Each carries a stable code, an HTTP status
// and a catalogue message; one handler (http.ts) turns them into `{ code, message, details }`.
import type { ErrorCode } from '../../contracts/common';
import type { MessageKey } from '../../contracts/messages';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF: 403,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 423,
  INVALID_CREDENTIALS: 401,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Catalogue key of the user message; defaults to `error.<code>`. */
    readonly messageKey: MessageKey | string = `error.${code}`,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(`${code}: ${messageKey}`);
    this.status = STATUS[code];
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (messageKey: string = 'error.CONFLICT', params: Record<string, string | number> = {}, details?: unknown) =>
  new AppError('CONFLICT', messageKey, params, details);
export const validation = (messageKey: string = 'error.VALIDATION', params: Record<string, string | number> = {}, details?: unknown) =>
  new AppError('VALIDATION', messageKey, params, details);
