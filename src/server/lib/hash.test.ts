import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './hash';
import { eventHash, GENESIS_HASH } from './audit';

describe('canonical JSON', () => {
  it('property: equal values give equal text whatever the key order, and survive a JSON round trip', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(canonicalJson(JSON.parse(JSON.stringify(obj)))).toBe(canonicalJson(obj));
      }),
    );
  });
});

describe('audit event hash', () => {
  const e = { id: 1, occurredAt: '2025-01-01T00:00:00.000Z', actorId: 2, orgId: 3, action: 'a', entityType: 't', entityId: '9', before: { x: 1 }, after: { x: 2 } };
  it('changes when any field or the previous hash changes', () => {
    const h = eventHash(GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const k of Object.keys(e) as (keyof typeof e)[]) {
      const changed = { ...e, [k]: k === 'id' || k === 'actorId' || k === 'orgId' ? 99 : k === 'before' || k === 'after' ? { x: 3 } : 'other' };
      expect(eventHash(GENESIS_HASH, changed)).not.toBe(h);
    }
    expect(eventHash('f'.repeat(64), e)).not.toBe(h);
  });
});
