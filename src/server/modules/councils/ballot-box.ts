// The ballot box: a secret ballot is kept sealed (AES-256-GCM) from the moment it is cast until its
// item is counted. The envelope is written in the voter's transaction (so it shares that transaction's
// id with the `ballot_voter` row) but says nothing without the key; at closing, all envelopes of an
// item are opened, the anonymous `ballot` rows are written together in random order in the closing
// transaction, and the envelopes are removed. Every envelope has the same length whatever it holds.
import crypto from 'node:crypto';

export const BALLOT_CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;
export const BALLOT_CHANNELS = ['ONLINE', 'WRITTEN'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export type BallotChannel = (typeof BALLOT_CHANNELS)[number];

export interface BallotContent {
  choice: BallotChoice;
  channel: BallotChannel;
  /** The receipt hash of the ballot (64 hex digits). */
  receiptHash: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** choice code, channel code, 32 raw bytes of the receipt hash. */
const PLAIN_BYTES = 2 + 32;
/** Length of every sealed envelope (base64 of iv | tag | ciphertext). */
export const ENVELOPE_LENGTH = Math.ceil((IV_BYTES + TAG_BYTES + PLAIN_BYTES) / 3) * 4;

/** The ballot box key, derived from the application's session key (HKDF-SHA256). */
export function ballotKey(sessionKey: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', Buffer.from(sessionKey, 'utf8'), Buffer.alloc(0), Buffer.from('vinhdanh ballot box v1', 'utf8'), 32));
}

/** The item id is authenticated with the envelope: an envelope moved to another item does not open. */
const aad = (itemId: number) => Buffer.from(`vd-ballot-envelope\n${itemId}`, 'utf8');

export function sealBallot(key: Buffer, itemId: number, b: BallotContent): string {
  const choice = BALLOT_CHOICES.indexOf(b.choice);
  const channel = BALLOT_CHANNELS.indexOf(b.channel);
  if (choice < 0 || channel < 0 || !/^[0-9a-f]{64}$/.test(b.receiptHash)) throw new Error('invalid ballot');
  const plain = Buffer.concat([Buffer.from([choice + 1, channel + 1]), Buffer.from(b.receiptHash, 'hex')]);
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(itemId));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Opens an envelope; throws on a wrong key, another item or any change to the envelope. */
export function openBallot(key: Buffer, itemId: number, sealed: string): BallotContent {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length !== IV_BYTES + TAG_BYTES + PLAIN_BYTES || raw.toString('base64') !== sealed) throw new Error('malformed ballot envelope');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(aad(itemId));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  const choice = BALLOT_CHOICES[plain[0]! - 1];
  const channel = BALLOT_CHANNELS[plain[1]! - 1];
  if (!choice || !channel) throw new Error('malformed ballot envelope');
  return { choice, channel, receiptHash: plain.subarray(2).toString('hex') };
}
