import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { deadlineCutoff, diacriticPattern } from './compliance.service';
import { recipientOf } from '../../seed/demo-plan';
import { parsePlanText } from '../../../domain/plans/parse-plan-text';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

describe('diacriticPattern', () => {
  it.each([
    ['tram y te', 'Công đoàn cơ sở Trạm Y tế 12', true],
    ['TRẠM Y TẾ', 'Công đoàn cơ sở Trạm Y tế 12', true],
    ['soi the ky', 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', true],
    ['duong', 'Trường Tiểu học Đường 30/4', true],
    ['phuoc  minh', 'Trường THCS Phước Minh', true],
    ['tram y tê', 'Trường Tiểu học Thanh Phước', false],
    ['(a+', 'Công ty (A+) Việt Nam', true],
    ['.*', 'Công ty ABC', false],
  ])('%s in %s → %s', (q, name, expected) => {
    expect(new RegExp(diacriticPattern(q)).test(name)).toBe(expected);
  });

  it('matches a name exactly when its folded form contains the folded query', () => {
    const letters = fc.constantFrom(...'aàáạăắâấeéêếiíoóôốơớuúưứyýdđ '.split(''));
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 12 }), fc.array(letters, { minLength: 1, maxLength: 4 }), (n, q) => {
        const name = n.join('');
        const query = q.join('');
        if (/\s/.test(query)) return; // whitespace runs are matched loosely
        expect(new RegExp(diacriticPattern(query)).test(name)).toBe(fold(name).includes(fold(query)));
      }),
    );
  });
});

describe('deadlineCutoff', () => {
  it.each([
    ['2024-04-30', '2024-05-01T00:00:00+07:00'],
    ['2024-12-31', '2025-01-01T00:00:00+07:00'],
    ['2024-02-28', '2024-02-29T00:00:00+07:00'],
  ])('%s → %s', (deadline, cutoff) => expect(deadlineCutoff(deadline)).toBe(cutoff));

  it('an answer is on time exactly when its Vietnam date is on or before the deadline', () => {
    const vnDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }), fc.integer({ min: -3, max: 3 }), (at, shift) => {
        const deadline = new Date(Date.parse(`${vnDate(at)}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
        expect(at < Date.parse(deadlineCutoff(deadline))).toBe(vnDate(at) <= deadline);
      }),
    );
  });
});

describe('the seed plan\'s recipients', () => {
  it('carry their delivery kinds', () => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../seed/data/ke-hoach-thi-dua-2024-ldld-huyen.txt'), 'utf8');
    const recipients = parsePlanText(text).recipients.map((r) => recipientOf(r, 7));
    expect(recipients.map((r) => [r.kind, r.orgId])).toEqual([['ORG', 7], ['OTHER', null], ['SUBORDINATES', null], ['WEBSITE', null], ['ARCHIVE', null]]);
  });
});
