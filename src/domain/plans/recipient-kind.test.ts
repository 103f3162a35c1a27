import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RECIPIENT_KINDS } from '../../contracts/plans';
import { guessRecipientKind } from './recipient-kind';

describe('guessRecipientKind', () => {
  it.each([
    ['Lưu: VP.', 'ARCHIVE'],
    ['Lưu VT, TĐKT.', 'ARCHIVE'],
    ['Website LĐLĐ huyện;', 'WEBSITE'],
    ['Cổng thông tin điện tử LĐLĐ tỉnh;', 'WEBSITE'],
    ['Các CĐCS;', 'SUBORDINATES'],
    ['Các công đoàn cơ sở trực thuộc;', 'SUBORDINATES'],
    ['TT LĐLĐ tỉnh;', 'OTHER'],
    ['HĐ TĐ - KT huyện;', 'OTHER'],
    ['Lương y như từ mẫu', 'OTHER'],
    ['  LƯU: VP.'.normalize('NFD'), 'ARCHIVE'],
  ] as const)('"%s" is %s', (text, kind) => {
    expect(guessRecipientKind(text)).toBe(kind);
  });

  it('always answers a kind that needs no unit (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const kind = guessRecipientKind(s);
        expect(RECIPIENT_KINDS).toContain(kind);
        expect(kind).not.toBe('ORG');
      }),
    );
  });
});
