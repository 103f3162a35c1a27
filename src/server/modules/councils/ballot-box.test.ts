import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ballotKey, ENVELOPE_LENGTH, openBallot, sealBallot, type BallotContent } from './ballot-box';

const rh = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

describe('ballot box', () => {
  const key = ballotKey('session-secret-for-tests');

  it('derives a stable 32-byte key that depends on the session key', () => {
    expect(key).toHaveLength(32);
    expect(ballotKey('session-secret-for-tests').equals(key)).toBe(true);
    expect(ballotKey('another-secret').equals(key)).toBe(false);
  });

  it('seals and opens every choice and channel, with envelopes of one length', () => {
    const contents: BallotContent[] = [];
    for (const choice of ['YES', 'NO', 'ABSTAIN'] as const) for (const channel of ['ONLINE', 'WRITTEN'] as const) contents.push({ choice, channel, receiptHash: rh(`${choice}${channel}`) });
    const sealed = contents.map((c) => sealBallot(key, 42, c));
    expect(new Set(sealed.map((s) => s.length))).toEqual(new Set([ENVELOPE_LENGTH]));
    expect(sealed.map((s) => openBallot(key, 42, s))).toEqual(contents);
    // Same content twice gives different envelopes (random IV).
    expect(sealBallot(key, 42, contents[0]!)).not.toBe(sealBallot(key, 42, contents[0]!));
    for (const s of sealed) expect(Buffer.from(s, 'base64').toString('latin1')).not.toMatch(/YES|NO|ABSTAIN|ONLINE|WRITTEN/);
  });

  it('refuses a wrong key, another item, a tampered or truncated envelope', () => {
    const s = sealBallot(key, 7, { choice: 'NO', channel: 'WRITTEN', receiptHash: rh('x') });
    expect(() => openBallot(ballotKey('wrong'), 7, s)).toThrow();
    expect(() => openBallot(key, 8, s)).toThrow();
    const raw = Buffer.from(s, 'base64');
    for (const at of [0, 13, 30, raw.length - 1]) {
      const t = Buffer.from(raw);
      t[at] = t[at]! ^ 1;
      expect(() => openBallot(key, 7, t.toString('base64'))).toThrow();
    }
    expect(() => openBallot(key, 7, raw.subarray(0, raw.length - 1).toString('base64'))).toThrow();
    expect(() => openBallot(key, 7, 'not an envelope')).toThrow();
  });

  it('refuses to seal what is not a ballot', () => {
    expect(() => sealBallot(key, 1, { choice: 'MAYBE' as never, channel: 'ONLINE', receiptHash: rh('a') })).toThrow();
    expect(() => sealBallot(key, 1, { choice: 'YES', channel: 'SEALED' as never, receiptHash: rh('a') })).toThrow();
    expect(() => sealBallot(key, 1, { choice: 'YES', channel: 'ONLINE', receiptHash: 'abc' })).toThrow();
  });
});
