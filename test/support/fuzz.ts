// Hostile inputs for every API route, generated from the route's own zod schemas (through their
// JSON Schema): path parameters, query strings and bodies that are malformed, oversized, wrongly
// typed or Unicode-tricky, plus near-valid inputs (the schema's shape with one field corrupted, or
// entirely valid) so that handlers past validation are exercised too.
import fc from 'fast-check';
import { z, type ZodType } from 'zod';
import type { AnyRoute } from '../../src/server/lib/http';

/** The subset of JSON Schema that zod 4 emits and this generator reads. */
export interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  additionalProperties?: Js | boolean;
  items?: Js;
  prefixItems?: Js[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Js[];
  oneOf?: Js[];
  allOf?: Js[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export function jsonSchemaOf(schema: ZodType | undefined): Js | null {
  if (!schema) return null;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;
  } catch {
    return null;
  }
}

/** Every key an object schema (or a union/intersection of them) names. */
export function schemaKeys(js: Js | null): Map<string, Js> {
  const out = new Map<string, Js>();
  if (!js) return out;
  for (const [k, v] of Object.entries(js.properties ?? {})) if (!out.has(k)) out.set(k, v);
  for (const part of [...(js.allOf ?? []), ...(js.anyOf ?? []), ...(js.oneOf ?? [])]) for (const [k, v] of schemaKeys(part)) if (!out.has(k)) out.set(k, v);
  return out;
}

// ── Hostile scalars ──────────────────────────────────────────────────────────────────────────────

const BIG = 'x'.repeat(100_000);
/** Strings that have broken parsers, databases and renderers before. */
export const TRICKY_STRINGS = [
  '',
  ' ',
  '   \t\n ',
  '\u0000',
  'a\u0000b',
  'Nguyễn\u0000Văn',
  '\u200B',
  '\u200B\u200C\u200D\uFEFF',
  '\u202Egnp.exe',
  'abc\u202Edef\u202C',
  '\u2066\u2067\u2068\u2069',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z̷̧̛̙̤͓̗̱̻̓̈́̾̔a̵̡̗̓͊l̶̢̝̓g̵̟̈́o̸̩͋',
  'Nguye\u0302\u0303n', // NFD Vietnamese
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '👍🏽👨‍👩‍👧‍👦',
  'ß İ ı ﬁ',
  '１２３',
  '٣',
  'שלום עולם',
  'مرحبا',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '%00',
  '%',
  '%FF',
  '<script>alert(1)</script>',
  "'; drop table person; --",
  '{{constructor.constructor("x")()}}',
  '${7*7}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '-1',
  '0',
  '-0',
  '1.5',
  '1e308',
  '-1e308',
  '9007199254740993',
  '99999999999999999999999',
  '2147483648',
  '0x1F',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '9999-12-31',
  '-000001-01-01',
  '2024-01-01T25:61:61Z',
  '\r\n\r\n',
  BIG,
  `${'é'.repeat(5000)}`,
  'a'.repeat(301),
];

export const TRICKY_NUMBERS = [1e308, -1e308, -0, 0, -1, 1.5, 0.1, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 63, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 5e-324, 1e21, 123456789012];

const trickyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  // A tricky character spliced into an ordinary Vietnamese word.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('\u0000', '\u200B', '\u202E', '\u0301', '\uD800', '\uDC00', '\u0008', '\u007F'), fc.nat(6)).map(([c, i]) => 'Trường học'.slice(0, i) + c + 'Trường học'.slice(i)) },
);
const trickyNumber = fc.oneof(fc.constantFrom(...TRICKY_NUMBERS), fc.double(), fc.integer());

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: trickyString },
  { weight: 3, arbitrary: trickyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Nested arrays/objects `depth` levels deep. */
const deep = (depth: number, asArray: boolean): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
};

/** Any hostile JSON value: scalars, containers with unknown keys, huge arrays, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileScalar },
  { weight: 2, arbitrary: fc.array(hostileScalar, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.dictionary(trickyString.filter((k) => k.length < 200), hostileScalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(10_000, 2_000).map((n) => Array.from({ length: n }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, () => 'Trường')) },
  { weight: 1, arbitrary: fc.constantFrom(64, 1000).chain((d) => fc.boolean().map((a) => deep(d, a))) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}') as unknown) },
);

// ── Valid values from a JSON Schema ─────────────────────────────────────────────────────────────

const isoDate = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

/** A value the schema most likely accepts (ids are small so that they name rows that exist). */
export function validArb(js: Js | undefined | null, depth = 0): fc.Arbitrary<unknown> {
  if (!js || depth > 6) return fc.constant(undefined);
  if (js.const !== undefined) return fc.constant(js.const);
  if (js.enum) return fc.constantFrom(...js.enum);
  const branches = js.anyOf ?? js.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => validArb(b, depth + 1)));
  if (js.allOf?.length) {
    const props: Record<string, Js> = {};
    const required: string[] = [];
    for (const p of js.allOf) {
      Object.assign(props, p.properties ?? {});
      required.push(...(p.required ?? []));
    }
    return validArb({ type: 'object', properties: props, required }, depth + 1);
  }
  const type = Array.isArray(js.type) ? js.type.find((t) => t !== 'null') ?? 'null' : js.type;
  switch (type) {
    case 'object': {
      const required = new Set(js.required ?? []);
      const entries = Object.entries(js.properties ?? {});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of entries) model[k] = validArb(v, depth + 1);
      const requiredKeys = entries.map(([k]) => k).filter((k) => required.has(k));
      return fc.record(model, { requiredKeys });
    }
    case 'array': {
      const min = js.minItems ?? 0;
      const max = Math.max(min, Math.min(js.maxItems ?? 3, 3));
      if (js.prefixItems) return fc.tuple(...js.prefixItems.map((p) => validArb(p, depth + 1)));
      return fc.array(validArb(js.items, depth + 1), { minLength: min, maxLength: max });
    }
    case 'string': {
      if (js.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
      if (js.format === 'date-time') return isoDate.map((d) => d.toISOString());
      if (js.format === 'email') return fc.constantFrom('a@example.vn', 'nguyen.van.an@example.com');
      if (js.format === 'uuid') return fc.uuid();
      if (js.pattern) {
        try {
          return fc.stringMatching(new RegExp(js.pattern)).filter((s) => s.length <= (js.maxLength ?? 1000) && s.length >= (js.minLength ?? 0));
        } catch {
          /* fall through */
        }
      }
      const min = js.minLength ?? 0;
      const max = Math.max(min, Math.min(js.maxLength ?? 30, 30));
      return fc.oneof(
        fc.constantFrom('Trường THCS Phước Minh', 'Nguyễn Văn An', 'DMC-A', 'TNI', '2025', 'Ghi chú').filter((s) => s.length >= min && s.length <= (js.maxLength ?? 1e9)),
        fc.string({ minLength: min, maxLength: max }),
      );
    }
    case 'integer': {
      const lo = js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : 1);
      const hi = js.maximum ?? (js.exclusiveMaximum !== undefined ? js.exclusiveMaximum - 1 : Math.max(lo, 12));
      const min = Math.max(lo, -1e6);
      const max = Math.min(hi, lo >= 2000 && lo <= 2100 ? 2030 : Math.max(min, Math.min(hi, min + 20)));
      return fc.integer({ min, max: Math.max(min, max) });
    }
    case 'number': {
      const min = js.minimum ?? 0;
      const max = js.maximum ?? Math.max(min, 100);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.integer({ min: 1, max: 10 }), fc.string({ maxLength: 10 }), fc.constant(null));
  }
}

/** A valid object with exactly one of its keys (or an unknown one) set to a hostile value. */
function nearValidObject(js: Js | null): fc.Arbitrary<unknown> {
  const keys = [...schemaKeys(js).keys()];
  const base = validArb(js);
  if (keys.length === 0) return fc.oneof(base, fc.tuple(trickyString, hostileValue).map(([k, v]) => ({ [k]: v })));
  return fc.tuple(base, fc.constantFrom(...keys, '__unknown__'), hostileValue, fc.boolean()).map(([b, key, bad, drop]) => {
    const o: Record<string, unknown> = b && typeof b === 'object' && !Array.isArray(b) ? { ...(b as Record<string, unknown>) } : {};
    if (drop && key !== '__unknown__') delete o[key];
    else o[key === '__unknown__' ? 'zz_unknown\u200B' : key] = bad;
    return o;
  });
}

/** An object of the schema's own keys, each independently missing, valid or hostile. */
function wrongTypesObject(js: Js | null): fc.Arbitrary<unknown> {
  const keys = [...schemaKeys(js).entries()];
  if (keys.length === 0) return fc.dictionary(trickyString.filter((k) => k.length < 500), hostileValue, { maxKeys: 3 });
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of keys) model[k] = fc.oneof(hostileValue, validArb(v), fc.constant(undefined));
  return fc.record(model, { requiredKeys: [] });
}

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string | null; payload: string };

export interface FuzzInput {
  params: Record<string, string>;
  query: Record<string, unknown> | string;
  body: FuzzBody;
}

/** Path parameter values: hostile raw strings, or (near-valid) what the schema accepts. */
function paramArb(js: Js | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validArb(js).map((v) => String(v)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }).map(String) },
    { weight: 3, arbitrary: fc.oneof(trickyString, trickyNumber.map(String)) },
  );
}

const RAW_BODIES: [string | null, string][] = [
  ['application/json', '{'],
  ['application/json', '{"a":'],
  ['application/json', '[1,2,'],
  ['application/json', '{"a":1}}'],
  ['application/json', 'nul'],
  ['application/json', '"\\ud800"'],
  ['application/json', '{"a":"\\u0000"}'],
  ['application/json', '\u0000'],
  ['application/json', 'NaN'],
  ['application/json', '1e999999'],
  ['application/json', '[]'],
  ['application/json', '"text"'],
  ['application/json', '12'],
  ['application/json', 'null'],
  ['application/json', '{"__proto__":{"isAdmin":true}}'],
  ['application/json', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['application/json; charset=latin1', '{"a":"\xe9"}'],
  ['application/json', ''],
  ['text/plain', 'hello'],
  ['text/plain', ''],
  ['application/xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
  ['application/x-www-form-urlencoded', 'a=1&b=2'],
  ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="file"; filename="../../a.pdf"\r\n\r\n%PDF-1.4\r\n--xyz--\r\n'],
  ['multipart/form-data', 'garbage'],
  ['application/octet-stream', '\u0000\u0001\u0002'],
  [null, '{"a":1}'],
  ['', '{"a":1}'],
  ['application/json', ' '.repeat(50_000) + '{}'],
];

export function routeInputArb(route: AnyRoute): fc.Arbitrary<FuzzInput> {
  const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const pJs = schemaKeys(jsonSchemaOf(route.params));
  const qJs = jsonSchemaOf(route.query);
  const bJs = jsonSchemaOf(route.body);
  const paramsModel: Record<string, fc.Arbitrary<string>> = {};
  for (const n of paramNames) paramsModel[n] = paramArb(pJs.get(n));
  const params = fc.record(paramsModel) as fc.Arbitrary<Record<string, string>>;

  const query: fc.Arbitrary<Record<string, unknown> | string> = fc.oneof(
    { weight: 3, arbitrary: validArb(qJs).map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})) },
    { weight: 2, arbitrary: nearValidObject(qJs) as fc.Arbitrary<Record<string, unknown>> },
    { weight: 2, arbitrary: wrongTypesObject(qJs) as fc.Arbitrary<Record<string, unknown>> },
    { weight: 1, arbitrary: fc.constantFrom('%', '%FF', '%E0%A4%A', 'a=%00', 'a[b][c]=1', '&&&=&', 'x'.repeat(20_000) + '=1', 'limit=1&limit=2&limit=3', '__proto__[x]=1') },
  );

  const body: fc.Arbitrary<FuzzBody> =
    route.body || route.method !== 'GET'
      ? fc.oneof(
          { weight: 4, arbitrary: nearValidObject(bJs).map((value): FuzzBody => ({ kind: 'json', value })) },
          { weight: 2, arbitrary: validArb(bJs).map((value): FuzzBody => ({ kind: 'json', value: value ?? {} })) },
          { weight: 3, arbitrary: wrongTypesObject(bJs).map((value): FuzzBody => ({ kind: 'json', value })) },
          { weight: 2, arbitrary: hostileValue.map((value): FuzzBody => ({ kind: 'json', value })) },
          { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES).map(([contentType, payload]): FuzzBody => ({ kind: 'raw', contentType, payload })) },
        )
      : fc.constant<FuzzBody>({ kind: 'none' });

  return fc.record({ params, query, body });
}

/** Percent-encodes every byte outside the unreserved set (lone surrogates become U+FFFD bytes). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

function queryString(q: Record<string, unknown> | string | null | undefined): string {
  if (typeof q === 'string') return q;
  if (!q || typeof q !== 'object') return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v.slice(0, 50) : [v];
    for (const one of values) parts.push(`${pct(k)}=${pct(typeof one === 'object' && one !== null ? JSON.stringify(one) : String(one))}`);
  }
  return parts.join('&');
}

/** The request an input describes, for `app.inject`. */
export function toRequest(route: AnyRoute, input: FuzzInput): { method: AnyRoute['method']; url: string; headers: Record<string, string>; payload?: string } {
  const path = route.url.replace(/:(\w+)/g, (_, n: string) => {
    const v = input.params[n] ?? '';
    // A few values go in raw (so that ../ and % reach the router as they are); most are encoded.
    return /^(\.\.\/|%)/.test(v) ? v : pct(v);
  });
  const qs = queryString(input.query);
  const url = `/api/v1${path}${qs ? `?${qs}` : ''}`;
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (route.method !== 'GET' && input.body.kind === 'json') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(input.body.value) ?? 'null';
  } else if (route.method !== 'GET' && input.body.kind === 'raw') {
    if (input.body.contentType !== null) headers['content-type'] = input.body.contentType;
    payload = input.body.payload;
  }
  return { method: route.method, url, headers, payload };
}

/** A short description of an input for failure reports (long strings cut). */
export function describeInput(route: AnyRoute, input: FuzzInput): string {
  const req = toRequest(route, input);
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} chars)` : s);
  return `${req.method} ${cut(req.url)} ${req.headers['content-type'] ?? ''} ${req.payload === undefined ? '' : cut(JSON.stringify(req.payload))}`;
}
