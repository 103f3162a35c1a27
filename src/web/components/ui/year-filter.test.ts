import { describe, expect, it } from 'vitest';
import { filterYears } from './year-filter';

describe('filterYears', () => {
  it.each([
    [12, '2026-11-25', [2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016]],
    [8, '2026-01-01', [2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020]],
    [1, '2024-12-31', [2025]],
  ])('%i years around %s: next year first, newest to oldest', (count, today, expected) => {
    expect(filterYears(count, new Date(`${today}T12:00:00Z`))).toEqual(expected);
  });
});
