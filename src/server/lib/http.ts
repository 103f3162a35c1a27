// Route definitions: every route declares its zod schemas once; they validate input, document the
// route in the OpenAPI document and (in tests) check responses. Handlers stay thin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { AppError } from './errors';
import type { AuthActor } from './actor';
import { hasMessage, t, type MessageKey } from '../../contracts/messages';
import type { Locale } from '../../contracts/enums';
import type { AppContext } from './context';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerCtx<P, Q, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  actor: AuthActor;
  app: AppContext;
  locale: Locale;
}

export interface RouteDef<P, Q, B> {
  method: Method;
  url: string; // relative to /api/v1
  summary: string;
  tag: string;
  /** 'public' routes run without a session (login, health). Default: signed-in user required. */
  auth?: 'public' | 'user';
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  response?: ZodType;
  /** Non-JSON responses (files): content type for the OpenAPI document. */
  produces?: string;
  /** Multipart uploads validate their own parts. */
  multipart?: boolean;
  handler(ctx: HandlerCtx<P, Q, B>): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

export const defineRoute = <P = unknown, Q = unknown, B = unknown>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> => def;

/** Maps zod issues to `{ fields: { 'a.b': 'message' } }` in the request locale. */
export function zodDetails(error: z.ZodError, locale: Locale): { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (fields[key]) continue;
    fields[key] = t(locale, issueMessageKey(issue), issueParams(issue));
  }
  return { fields };
}

function issueMessageKey(issue: z.core.$ZodIssue): MessageKey {
  if (issue.message === 'INVALID_DATE') return 'validation.invalidDate';
  // A refinement names its own message key ("plan.recipientOrgMissing").
  if (issue.code === 'custom' && hasMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? 'validation.tooShort' : 'validation.invalidValue';
    case 'too_big':
      return issue.origin === 'string' ? 'validation.tooLong' : 'validation.invalidValue';
    case 'invalid_type':
      return issue.input === undefined ? 'validation.required' : 'validation.invalidValue';
    case 'invalid_format':
      if (issue.format === 'email') return 'validation.invalidEmail';
      if (issue.format === 'regex' && String(issue.pattern).includes('0-9]{12}') ) return 'validation.cccd';
      if (issue.format === 'regex' && String(issue.pattern).includes('\\d{12}')) return 'validation.cccd';
      return 'validation.invalidValue';
    default:
      return 'validation.invalidValue';
  }
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  return {};
}

/**
 * The path of the first string holding U+0000 (PostgreSQL text cannot store it; no Vietnamese text
 * needs it), or null. Depth and breadth are bounded by the body limit already.
 */
export function nulPath(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulPath(value[i], [...path, i]);
      if (p !== null) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k].join('.');
      const p = nulPath(v, [...path, k]);
      if (p !== null) return p;
    }
  }
  return null;
}

export function parseOr400<T>(schema: ZodType<T>, value: unknown, locale: Locale): T {
  const nul = nulPath(value);
  if (nul !== null) throw new AppError('VALIDATION', 'error.VALIDATION', {}, { fields: { [nul]: t(locale, 'validation.nulCharacter') } });
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION', 'error.VALIDATION', {}, zodDetails(result.error, locale));
  return result.data;
}

export function requestLocale(req: FastifyRequest, actor?: AuthActor | null): Locale {
  if (actor) return actor.locale;
  const cookie = req.cookies?.vd_locale;
  if (cookie === 'en' || cookie === 'vi') return cookie;
  return 'vi';
}

// ---------------------------------------------------------------------------------------------
// OpenAPI document built from the same definitions.

const toSchema = (s: ZodType, io: 'input' | 'output') => {
  try {
    return z.toJSONSchema(s, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
};

type ObjectSchema = { properties?: Record<string, unknown>; required?: string[]; anyOf?: ObjectSchema[]; oneOf?: ObjectSchema[]; allOf?: ObjectSchema[] };

/**
 * The parameters an object schema names, with whether each is required. A union of objects (a
 * selector such as the drill-down's figure) lists every branch's parameters, required only when every
 * branch requires it; an intersection requires what any part requires.
 */
export function schemaParameters(js: ObjectSchema): Map<string, { schema: unknown; required: boolean }> {
  const out = new Map<string, { schema: unknown; required: boolean }>();
  for (const [name, schema] of Object.entries(js.properties ?? {})) out.set(name, { schema, required: (js.required ?? []).includes(name) });
  for (const part of js.allOf ?? []) {
    for (const [name, p] of schemaParameters(part)) out.set(name, { schema: out.get(name)?.schema ?? p.schema, required: (out.get(name)?.required ?? false) || p.required });
  }
  const branches = [...(js.anyOf ?? []), ...(js.oneOf ?? [])].map(schemaParameters);
  for (const branch of branches) {
    for (const [name, p] of branch) {
      const inAll = branches.every((b) => b.get(name)?.required === true);
      if (!out.has(name)) out.set(name, { schema: p.schema, required: inAll });
    }
  }
  return out;
}

export function buildOpenApi(routes: AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const url = `/api/v1${r.url}`.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      for (const [name, p] of schemaParameters(toSchema(schema, 'input') as ObjectSchema)) {
        parameters.push({ name, in: where, required: where === 'path' || p.required, schema: p.schema });
      }
    }
    const responses: Record<string, unknown> = {
      '200': r.produces
        ? { description: 'OK', content: { [r.produces]: { schema: { type: 'string', format: 'binary' } } } }
        : { description: 'OK', content: r.response ? { 'application/json': { schema: toSchema(r.response, 'output') } } : undefined },
      default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    };
    (paths[url] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.auth === 'public' ? [] : [{ session: [] }],
      parameters,
      requestBody: r.multipart
        ? { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } }
        : r.body
          ? { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } }
          : undefined,
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vinh Danh API', version, description: 'Thi đua – khen thưởng. Errors: { code, message (Vietnamese), details }.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vd_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
        },
      },
    },
    paths,
  };
}

export type RouteRegistrar = (app: FastifyInstance, routes: AnyRoute[]) => void;
