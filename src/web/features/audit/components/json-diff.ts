export type ChangeKind = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  kind: ChangeKind;
}

/** `{ a: { b: 1 }, c: [2] }` → `{ 'a.b': 1, 'c[0]': 2 }`; scalars and empty containers are leaves. */
export function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, index) => flatten(item, `${prefix}[${index}]`, out));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix || value !== undefined) {
    out.set(prefix || '(giá trị)', value);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field comparison of an audit event's before and after states, changed fields first. */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const a = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const b = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const rows = paths.map((path): DiffRow => {
    const inA = a.has(path);
    const inB = b.has(path);
    const kind: ChangeKind = !inA ? 'added' : !inB ? 'removed' : same(a.get(path), b.get(path)) ? 'same' : 'changed';
    return { path, before: a.get(path), after: b.get(path), kind };
  });
  const order: Record<ChangeKind, number> = { changed: 0, added: 1, removed: 2, same: 3 };
  return rows.sort((x, y) => order[x.kind] - order[y.kind]);
}

/** A leaf value as it should appear in the diff table. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
