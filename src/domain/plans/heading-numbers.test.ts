import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLAN_BLOCK_KINDS, type PlanBlock } from '../../contracts/plans';
import { headingNumbers, numberHeadings, stripHeadingNumber, toRoman, unnumberHeadings } from './heading-numbers';

describe('heading numbers', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [4, 'IV'],
    [5, 'V'],
    [9, 'IX'],
    [14, 'XIV'],
    [40, 'XL'],
    [99, 'XCIX'],
  ])('%i is %s in Roman numerals', (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });

  it.each([
    ['HEADING_1', 'I. MỤC ĐÍCH, YÊU CẦU', 'MỤC ĐÍCH, YÊU CẦU'],
    ['HEADING_1', 'IV.GIẢI PHÁP', 'GIẢI PHÁP'],
    ['HEADING_1', 'MỤC ĐÍCH', 'MỤC ĐÍCH'],
    ['HEADING_2', '2. Yêu cầu', 'Yêu cầu'],
    ['HEADING_2', '12) Thi đua', 'Thi đua'],
    ['HEADING_2', 'Yêu cầu', 'Yêu cầu'],
    // Only headings lose a leading number; "1. " in a paragraph is the writer's.
    ['PARAGRAPH', '1. Ngày 05/3', '1. Ngày 05/3'],
    // A heading that is nothing but a number keeps it rather than becoming empty.
    ['HEADING_1', 'IV.', 'IV.'],
  ] as const)('strips the number of %s "%s"', (kind, text, expected) => {
    expect(stripHeadingNumber(kind, text)).toBe(expected);
  });

  it('numbers sections in Roman numerals and restarts sub-headings in every section', () => {
    expect(headingNumbers(['HEADING_1', 'HEADING_2', 'BULLET', 'HEADING_2', 'HEADING_1', 'PARAGRAPH', 'HEADING_2'])).toEqual(['I.', '1.', null, '2.', 'II.', null, '1.']);
    expect(
      numberHeadings([
        { kind: 'HEADING_1', text: 'III. MỤC ĐÍCH' },
        { kind: 'HEADING_2', text: '5. Mục đích' },
        { kind: 'BULLET', text: ' Tăng cường ' },
      ]),
    ).toEqual([
      { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH' },
      { kind: 'HEADING_2', text: '1. Mục đích' },
      { kind: 'BULLET', text: 'Tăng cường' },
    ]);
  });

  it('numbering is idempotent and undone by unnumbering (property)', () => {
    const block: fc.Arbitrary<PlanBlock> = fc.record({
      kind: fc.constantFrom(...PLAN_BLOCK_KINDS),
      text: fc.constantFrom('MỤC ĐÍCH', 'Yêu cầu', 'Thi đua yêu nước', 'Tổ chức thực hiện', 'Nội dung 2024'),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        const numbered = numberHeadings(blocks);
        expect(numberHeadings(numbered)).toEqual(numbered);
        expect(unnumberHeadings(numbered)).toEqual(blocks);
        expect(numbered.filter((b) => b.kind === 'HEADING_1').map((b) => b.text.split(' ')[0])).toEqual(
          blocks.filter((b) => b.kind === 'HEADING_1').map((_, i) => `${toRoman(i + 1)}.`),
        );
      }),
    );
  });
});
