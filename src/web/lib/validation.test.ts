import { describe, expect, it } from 'vitest';
import { createMemberInput } from '../../contracts/members';
import { endOrgInput } from '../../contracts/organisations';
import { createUserInput } from '../../contracts/users';
import type { Translate } from './i18n';
import { blankToNull, validateForm } from './validation';

// Returns the key and its parameters so that the mapping itself is what is tested.
const t: Translate = (key, params) => (params && Object.keys(params).length ? `${key} ${JSON.stringify(params)}` : key);

describe('validateForm', () => {
  it('returns the parsed value when the form is valid', () => {
    const result = validateForm(endOrgInput, { effectiveOn: '2025-07-01', reason: '  Giải thể doanh nghiệp ' }, t);
    expect(result).toEqual({ ok: true, data: { effectiveOn: '2025-07-01', reason: 'Giải thể doanh nghiệp' } });
  });

  it('says a reason is required, however it is missing', () => {
    for (const reason of [undefined, '', '  ', 'abc']) {
      const result = validateForm(endOrgInput, { effectiveOn: '2025-07-01', reason }, t);
      expect(result.ok ? undefined : result.errors.reason).toMatch(/^validation\.reasonRequired\b/);
      expect(Object.keys(result.ok ? {} : result.errors)).toEqual(['reason']);
    }
  });

  it('maps each contract rule to its catalogue message', () => {
    const result = validateForm(
      createMemberInput,
      { fullName: 'A', gender: null, birthDate: '05/02/1990', cccd: '12345', email: 'not-an-email', orgId: undefined },
      t,
    );
    expect(result.ok ? {} : result.errors).toEqual({
      fullName: 'validation.tooShort {"min":2}',
      gender: 'validation.required',
      birthDate: 'validation.invalidDate',
      cccd: 'validation.cccd',
      email: 'validation.invalidEmail',
      orgId: 'validation.required',
    });
  });

  it('reports lengths with their limits', () => {
    const result = validateForm(createUserInput, { username: 'ab', displayName: 'Lan', password: 'short' }, t);
    expect(result.ok ? {} : result.errors).toMatchObject({ username: 'validation.tooShort {"min":3}', password: 'validation.tooShort {"min":10}' });
  });
});

describe('blankToNull', () => {
  it('turns empty text into null and trims the rest', () => {
    expect(blankToNull('   ')).toBeNull();
    expect(blankToNull(' Kinh ')).toBe('Kinh');
  });
});
