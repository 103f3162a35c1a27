import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, englishNumberWords, groupDigits, vietnameseNumberWords } from './amount-words';

describe('vietnameseNumberWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi bốn'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1_000, 'một nghìn'],
    [1_005, 'một nghìn không trăm linh năm'],
    [1_050, 'một nghìn không trăm năm mươi'],
    [10_000, 'mười nghìn'],
    [105_000, 'một trăm linh năm nghìn'],
    [500_000, 'năm trăm nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_800_000, 'một triệu tám trăm nghìn'],
    [2_340_000, 'hai triệu ba trăm bốn mươi nghìn'],
    [4_680_000, 'bốn triệu sáu trăm tám mươi nghìn'],
    [15_210_000, 'mười lăm triệu hai trăm mười nghìn'],
    [1_000_000_000, 'một tỷ'],
    [1_000_000_001, 'một tỷ không trăm linh một'],
    [2_040_000_000, 'hai tỷ không trăm bốn mươi triệu'],
    [2_000_340_000, 'hai tỷ ba trăm bốn mươi nghìn'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [1_234_567_890_123, 'một nghìn hai trăm ba mươi bốn tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi nghìn một trăm hai mươi ba'],
  ])('%i → %s', (n, words) => expect(vietnameseNumberWords(n)).toBe(words));

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d', (n) => {
    expect(() => vietnameseNumberWords(n)).toThrow(RangeError);
  });

  it('reads every amount into known words only, starting with a non-zero word (property)', () => {
    const vocabulary = new Set(['không', 'một', 'mốt', 'hai', 'ba', 'bốn', 'năm', 'lăm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'trăm', 'linh', 'nghìn', 'triệu', 'tỷ']);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const words = vietnameseNumberWords(n).split(' ');
        expect(words.every((w) => vocabulary.has(w))).toBe(true);
        expect(words[0]).not.toBe('không');
        expect(words.join(' ')).toBe(words.join(' ').normalize('NFC'));
      }),
    );
  });
});

describe('englishNumberWords', () => {
  it.each([
    [0, 'zero'],
    [13, 'thirteen'],
    [21, 'twenty-one'],
    [105_000, 'one hundred five thousand'],
    [2_340_000, 'two million three hundred forty thousand'],
    [1_000_000_000, 'one billion'],
  ])('%i → %s', (n, words) => expect(englishNumberWords(n)).toBe(words));
});

describe('amountInWords and groupDigits', () => {
  it.each([
    [0, 'Không đồng', 'Zero dong', '0', '0'],
    [1_000, 'Một nghìn đồng', 'One thousand dong', '1.000', '1,000'],
    [10_000, 'Mười nghìn đồng', 'Ten thousand dong', '10.000', '10,000'],
    [105_000, 'Một trăm linh năm nghìn đồng', 'One hundred five thousand dong', '105.000', '105,000'],
    [2_340_000, 'Hai triệu ba trăm bốn mươi nghìn đồng', 'Two million three hundred forty thousand dong', '2.340.000', '2,340,000'],
    [1_000_000_000, 'Một tỷ đồng', 'One billion dong', '1.000.000.000', '1,000,000,000'],
  ])('%i', (n, vi, en, viDigits, enDigits) => {
    expect(amountInWords(n)).toBe(vi);
    expect(amountInWords(n, 'en')).toBe(en);
    expect(groupDigits(n)).toBe(viDigits);
    expect(groupDigits(n, 'en')).toBe(enDigits);
  });
});
