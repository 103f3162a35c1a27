import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from './use-local-draft';

/** An in-memory localStorage; `full` makes setItem throw like a full or disabled storage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    full: false,
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem(k: string, v: string) {
      if (this.full) throw new DOMException('QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
}

interface Form {
  title: string;
  rows: { key: number; text: string }[];
}
const isForm = (raw: unknown): raw is Form => typeof raw === 'object' && raw !== null && typeof (raw as Form).title === 'string' && Array.isArray((raw as Form).rows);
let nextKey = 100;
const revive = (raw: unknown): Form | null => (isForm(raw) ? { ...raw, rows: raw.rows.map((r) => ({ ...r, key: nextKey++ })) } : null);

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('window', { localStorage: storage });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('local draft storage', () => {
  it('reads back what was written, with the version it was based on and the rows renewed by revive', () => {
    const savedAt = writeLocalDraft('k.1', 4, { title: 'Phong trào', rows: [{ key: 1, text: 'Tiêu chí' }] });
    expect(savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const d = readLocalDraft('k.1', revive);
    expect(d).toEqual({ savedAt, version: 4, form: { title: 'Phong trào', rows: [{ key: expect.any(Number), text: 'Tiêu chí' }] } });
    expect(d!.form.rows[0]!.key).not.toBe(1);
    // Another object's key is another draft.
    expect(readLocalDraft('k.2', revive)).toBeNull();
  });

  it('a new object has no version', () => {
    writeLocalDraft('k.new', null, { title: '', rows: [] });
    expect(readLocalDraft('k.new', revive)?.version).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['no time', JSON.stringify({ version: 1, form: { title: 'x', rows: [] } })],
    ['no form', JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', version: 1 })],
    ['a form revive refuses', JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', version: 1, form: { title: 3 } })],
  ])('ignores a stored value that is %s', (_, raw) => {
    storage.items.set('k.1', raw);
    expect(readLocalDraft('k.1', revive)).toBeNull();
  });

  it('answers null when the browser refuses to store, and clear removes the copy', () => {
    writeLocalDraft('k.1', 1, { title: 'a', rows: [] });
    storage.full = true;
    expect(writeLocalDraft('k.1', 2, { title: 'b', rows: [] })).toBeNull();
    expect(readLocalDraft('k.1', revive)?.form.title).toBe('a');
    clearLocalDraft('k.1');
    expect(readLocalDraft('k.1', revive)).toBeNull();
    expect(storage.items.size).toBe(0);
  });
});
