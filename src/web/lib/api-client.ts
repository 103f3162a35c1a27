import type { ErrorCode } from '../../contracts/common';

/** Base path of the JSON API; the server serves the SPA and the API from the same origin. */
export const API_BASE = '/api/v1';

/** Codes the client adds to the server's closed set: the request never got an answer. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/**
 * An error answered by the API (`{ code, message, details }`), or a network failure.
 * `message` is the server's user-facing text (already translated); it is empty for client-side
 * failures, for which the UI shows a catalogue message instead.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ClientErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field messages of a VALIDATION error, keyed by the input path (e.g. `fullName`). */
  get fields(): Record<string, string> {
    const fields = (this.details as { fields?: unknown } | null | undefined)?.fields;
    if (!fields || typeof fields !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(fields as Record<string, unknown>)) {
      if (typeof message === 'string') out[path] = message;
    }
    return out;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, echoed in `x-csrf-token` on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Event fired when an API call answers 401 outside the auth endpoints (the session expired). */
export const UNAUTHENTICATED_EVENT = 'vinhdanh:unauthenticated';

type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object, skipping empty values; values are NFC-normalised. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, typeof value === 'string' ? value.normalize('NFC') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Vietnamese text must travel in NFC so that search and uniqueness behave (UX: "Unicode NFC everywhere"). */
export function normaliseStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normaliseStrings(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = normaliseStrings(item);
    return out as T;
  }
  return value;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON body (strings are NFC-normalised) or a FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return new ApiError(response.status, body.code as ErrorCode, body.message, body.details);
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall through to a generic error.
  }
  // A gateway answering for a server that is down or restarting is, for the user, a lost connection.
  const unreachable = response.status === 502 || response.status === 503 || response.status === 504;
  const code: ClientErrorCode =
    response.status === 401 ? 'UNAUTHENTICATED' : response.status === 404 ? 'NOT_FOUND' : response.status === 413 ? 'PAYLOAD_TOO_LARGE' : unreachable ? 'NETWORK' : 'BAD_RESPONSE';
  return new ApiError(response.status, code, '');
}

/** Calls the API and returns the parsed JSON body; throws `ApiError` on any failure. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(normaliseStrings(options.body));
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query ?? {})}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', '');
  }

  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !path.startsWith('/auth/')) {
      window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', '');
  }
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) => apiRequest<T>(path, { method: 'POST', body, query }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};

/** Address of a file the browser should download itself (export, template): a plain link keeps the cookie. */
export function downloadUrl(path: string, query: Record<string, QueryValue> = {}): string {
  return `${API_BASE}${path}${toQueryString(query)}`;
}

/** A page of a server-side paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Upload a multipart form with progress (a 30 MB file over a phone connection takes a while, and
 * `fetch` cannot report upload progress). Resolves with the JSON answer, rejects with `ApiError`.
 */
export function uploadWithProgress<T>(path: string, form: FormData, query: Record<string, QueryValue>, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}${toQueryString(query)}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', ''));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const error = body as { code?: unknown; message?: unknown; details?: unknown } | undefined;
      if (xhr.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
      if (error && typeof error.code === 'string' && typeof error.message === 'string') {
        reject(new ApiError(xhr.status, error.code as ErrorCode, error.message, error.details));
      } else {
        reject(new ApiError(xhr.status, xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_RESPONSE', ''));
      }
    };
    xhr.send(form);
  });
}
