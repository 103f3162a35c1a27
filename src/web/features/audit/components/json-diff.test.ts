import { describe, expect, it } from 'vitest';
import { diffJson, flatten, showValue } from './json-diff';

describe('flatten', () => {
  it('names nested fields with dots and indexes', () => {
    expect(Object.fromEntries(flatten({ a: { b: 1 }, c: [2, { d: 'x' }], e: null, f: [] }))).toEqual({ 'a.b': 1, 'c[0]': 2, 'c[1].d': 'x', e: null, f: [] });
  });
});

describe('diffJson', () => {
  it('lists changed, added and removed fields before unchanged ones', () => {
    const rows = diffJson({ name: 'CĐCS A', code: 'A', parentId: 1 }, { name: 'CĐCS B', code: 'A', status: 'ENDED' });
    expect(rows).toEqual([
      { path: 'name', before: 'CĐCS A', after: 'CĐCS B', kind: 'changed' },
      { path: 'status', before: undefined, after: 'ENDED', kind: 'added' },
      { path: 'parentId', before: 1, after: undefined, kind: 'removed' },
      { path: 'code', before: 'A', after: 'A', kind: 'same' },
    ]);
  });
  it('treats a missing side as all added or all removed', () => {
    expect(diffJson(null, { a: 1 })).toEqual([{ path: 'a', before: undefined, after: 1, kind: 'added' }]);
    expect(diffJson({ a: 1 }, null)).toEqual([{ path: 'a', before: 1, after: undefined, kind: 'removed' }]);
    expect(diffJson(null, null)).toEqual([]);
  });
});

describe('showValue', () => {
  it('shows strings as written and other values as JSON', () => {
    expect(showValue('Nguyễn Thị Ánh')).toBe('Nguyễn Thị Ánh');
    expect(showValue(3)).toBe('3');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('');
    expect(showValue(true)).toBe('true');
  });
});
