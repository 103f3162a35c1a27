import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWARD_CATEGORIES, AWARD_KINDS, AWARD_LEVELS, AWARD_SUBJECTS } from '../../contracts/enums';
import { DEFAULT_AWARDS, findAward } from '../catalogue/awards';
import {
  DOC_KIND_LABEL_KEYS,
  DOSSIER_DOC_KINDS,
  DOSSIER_MESSAGE_KEYS,
  PROCEDURES,
  dossierChecklist,
  dossierCopies,
  missingDocuments,
  simplifiedAllowed,
  validateProcedure,
  type ChecklistAward,
  type ChecklistItem,
  type DossierDocKind,
} from './dossier';

function award(code: string): ChecklistAward {
  const a = findAward(code);
  if (!a) throw new Error(`no award ${code} in the catalogue`);
  return a;
}

/** A compact view of a checklist: kind, R(equired)/o(ptional), S(ubmission) scope marker. */
const shape = (items: readonly ChecklistItem[]) => items.map((i) => `${i.kind}:${i.required ? 'R' : 'o'}${i.scope === 'SUBMISSION' ? 'S' : ''}`);

const awardArb: fc.Arbitrary<ChecklistAward> = fc.record({
  code: fc.oneof(fc.constantFrom(...DEFAULT_AWARDS.map((a) => a.code)), fc.string({ maxLength: 8 })),
  category: fc.constantFrom(...AWARD_CATEGORIES),
  kind: fc.constantFrom(...AWARD_KINDS),
  level: fc.constantFrom(...AWARD_LEVELS),
  subject: fc.constantFrom(...AWARD_SUBJECTS),
});
const procedureArb = fc.constantFrom(...PROCEDURES);
const kindArb = fc.constantFrom(...DOSSIER_DOC_KINDS);

describe('simplified procedure (Điều 85)', () => {
  it.each([
    ['MERIT', false],
    ['THEMATIC', false],
    ['AD_HOC', true],
    ['DEDICATION', true],
    ['SENIORITY', true],
    ['FOREIGN', true],
  ] as const)('%s → %s', (kind, allowed) => {
    expect(simplifiedAllowed({ kind })).toBe(allowed);
    const problem = validateProcedure({ code: 'X1', kind }, 'SIMPLIFIED');
    expect(problem).toEqual(allowed ? null : { key: 'nominations.procedure.simplifiedNotAllowed', params: { award: 'X1' } });
    expect(validateProcedure({ code: 'X1', kind }, 'NORMAL')).toBeNull();
  });
});

describe('dossier checklist', () => {
  it.each([
    // Titles: initiative and secret-ballot lists by default.
    ['LDTT', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R'], 1],
    ['CSTD_CS', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'XAC_NHAN_SANG_KIEN:R'], 1],
    ['CSTD_BO_TINH', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'BIEN_BAN_HOI_DONG:R', 'XAC_NHAN_SANG_KIEN:R'], 1],
    ['CSTD_TQ', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'BIEN_BAN_HOI_DONG:R', 'XAC_NHAN_SANG_KIEN:R'], 2],
    ['CO_THI_DUA_CP', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'BIEN_BAN_HOI_DONG:R'], 2],
    ['CO_THI_DUA_TLD', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'BIEN_BAN_HOI_DONG:R'], 1],
    ['TTLDXS', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R'], 1],
    // Forms: confirmation optional, required for đột xuất.
    ['BK_TLD', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'XAC_NHAN_THANH_TICH:o'], 1],
    ['GK_DOT_XUAT', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'XAC_NHAN_THANH_TICH:R'], 1],
    ['BK_TTG', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'XAC_NHAN_THANH_TICH:o'], 2],
    ['BK_TTG_TT', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'XAC_NHAN_THANH_TICH:o'], 2],
    ['HC_LD_3', 'NORMAL', ['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'XAC_NHAN_THANH_TICH:o'], 3],
    // Simplified: one set whatever the award (Điều 85 beats the old 3-set practice).
    ['GK_DOT_XUAT', 'SIMPLIFIED', ['TO_TRINH:RS', 'TOM_TAT_THANH_TICH:R', 'XAC_NHAN_THANH_TICH:o'], 1],
    ['KNC_CD', 'SIMPLIFIED', ['TO_TRINH:RS', 'TOM_TAT_THANH_TICH:R', 'XAC_NHAN_THANH_TICH:o'], 1],
    ['HC_LD_3', 'SIMPLIFIED', ['TO_TRINH:RS', 'TOM_TAT_THANH_TICH:R', 'XAC_NHAN_THANH_TICH:o'], 1],
    ['CSTD_TQ', 'SIMPLIFIED', ['TO_TRINH:RS', 'TOM_TAT_THANH_TICH:R', 'XAC_NHAN_THANH_TICH:o'], 1],
  ] as const)('%s, %s', (code, procedure, expected, copies) => {
    const list = dossierChecklist(award(code), procedure);
    expect(shape(list)).toEqual(expected);
    expect(list.map((i) => i.copies)).toEqual(expected.map(() => copies));
  });

  it('title minutes are "bình xét thi đua", form minutes "xét khen thưởng" (different label keys)', () => {
    const title = dossierChecklist(award('LDTT'), 'NORMAL').find((i) => i.kind === 'BIEN_BAN_BINH_XET');
    const form = dossierChecklist(award('BK_TLD'), 'NORMAL').find((i) => i.kind === 'BIEN_BAN_BINH_XET');
    expect(title?.labelKey).toBe('nominations.dossier.doc.bienBanBinhXet');
    expect(form?.labelKey).toBe('nominations.dossier.doc.bienBanXetKhenThuong');
  });

  it('hints: generated tờ trình, certified report and secret ballot for high titles, initiative', () => {
    const hints = Object.fromEntries(dossierChecklist(award('CSTD_TQ'), 'NORMAL').map((i) => [i.kind, i.hintKey]));
    expect(hints).toEqual({
      TO_TRINH: 'nominations.dossier.hint.toTrinhGenerated',
      BAO_CAO_THANH_TICH: 'nominations.dossier.hint.reportCertified',
      BIEN_BAN_BINH_XET: null,
      BIEN_BAN_HOI_DONG: 'nominations.dossier.hint.secretBallot',
      XAC_NHAN_SANG_KIEN: 'nominations.dossier.hint.initiative',
    });
    expect(dossierChecklist(award('LDTT'), 'NORMAL').find((i) => i.kind === 'BAO_CAO_THANH_TICH')?.hintKey).toBeNull();
  });

  it('the initiative and secret-ballot lists can be replaced', () => {
    const ldtt = dossierChecklist(award('LDTT'), 'NORMAL', { initiativeTitles: ['LDTT'], secretBallotTitles: ['LDTT'] });
    expect(shape(ldtt)).toEqual(['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R', 'BIEN_BAN_HOI_DONG:R', 'XAC_NHAN_SANG_KIEN:R']);
    const tq = dossierChecklist(award('CSTD_TQ'), 'NORMAL', { initiativeTitles: [], secretBallotTitles: [] });
    expect(shape(tq)).toEqual(['TO_TRINH:RS', 'BAO_CAO_THANH_TICH:R', 'BIEN_BAN_BINH_XET:R']);
    // The lists only concern titles: a form named in them gets no extra document.
    const form = dossierChecklist(award('BK_TLD'), 'NORMAL', { initiativeTitles: ['BK_TLD'], secretBallotTitles: ['BK_TLD'] });
    expect(form.map((i) => i.kind)).not.toContain('BIEN_BAN_HOI_DONG');
  });

  it('copies table: first matching row wins', () => {
    const base: ChecklistAward = { code: 'X', category: 'FORM', kind: 'MERIT', level: 'STATE', subject: 'INDIVIDUAL' };
    expect(dossierCopies(base, 'NORMAL')).toBe(3);
    expect(dossierCopies({ ...base, code: 'BK_TTG_ANY' }, 'NORMAL')).toBe(2);
    expect(dossierCopies({ ...base, category: 'TITLE' }, 'NORMAL')).toBe(1);
    expect(dossierCopies({ ...base, level: 'CENTRAL' }, 'NORMAL')).toBe(1);
    expect(dossierCopies(base, 'SIMPLIFIED')).toBe(1);
  });

  it('properties over any award and procedure', () => {
    fc.assert(
      fc.property(awardArb, procedureArb, (a, p) => {
        const list = dossierChecklist(a, p);
        const kinds = list.map((i) => i.kind);
        // The generated tờ trình comes first, is required and is the only SUBMISSION item.
        expect(list[0]).toMatchObject({ kind: 'TO_TRINH', required: true, scope: 'SUBMISSION' });
        expect(list.filter((i) => i.scope === 'SUBMISSION').map((i) => i.kind)).toEqual(['TO_TRINH']);
        expect(kinds).not.toContain('KHAC');
        expect(kinds).not.toContain('Y_KIEN_CO_QUAN');
        expect(new Set(kinds).size).toBe(kinds.length);
        // Checklist order follows DOSSIER_DOC_KINDS.
        const idx = kinds.map((k) => DOSSIER_DOC_KINDS.indexOf(k));
        expect(idx).toEqual([...idx].sort((x, y) => x - y));
        expect(new Set(list.map((i) => i.copies))).toEqual(new Set([dossierCopies(a, p)]));
        // The achievement report is full in the normal procedure and a summary in the simplified one.
        expect(kinds.includes('TOM_TAT_THANH_TICH')).toBe(p === 'SIMPLIFIED');
        expect(kinds.includes('BAO_CAO_THANH_TICH')).toBe(p === 'NORMAL');
        for (const i of list) expect(DOSSIER_MESSAGE_KEYS).toContain(i.labelKey);
      }),
    );
  });
});

describe('missing documents', () => {
  const tq = dossierChecklist(award('CSTD_TQ'), 'NORMAL');

  it('names the required nomination documents not present, in checklist order', () => {
    expect(missingDocuments(tq, []).map((i) => i.kind)).toEqual(['BAO_CAO_THANH_TICH', 'BIEN_BAN_BINH_XET', 'BIEN_BAN_HOI_DONG', 'XAC_NHAN_SANG_KIEN']);
    expect(missingDocuments(tq, [], { includeSubmissionScope: true }).map((i) => i.kind)).toEqual([
      'TO_TRINH',
      'BAO_CAO_THANH_TICH',
      'BIEN_BAN_BINH_XET',
      'BIEN_BAN_HOI_DONG',
      'XAC_NHAN_SANG_KIEN',
    ]);
    expect(missingDocuments(tq, [{ kind: 'XAC_NHAN_SANG_KIEN' }, { kind: 'KHAC' }, { kind: 'BAO_CAO_THANH_TICH' }]).map((i) => i.kind)).toEqual([
      'BIEN_BAN_BINH_XET',
      'BIEN_BAN_HOI_DONG',
    ]);
  });

  it('optional items are never missing', () => {
    const form = dossierChecklist(award('BK_TLD'), 'NORMAL');
    expect(missingDocuments(form, [{ kind: 'BAO_CAO_THANH_TICH' }, { kind: 'BIEN_BAN_BINH_XET' }])).toEqual([]);
  });

  it('properties: missing = required in scope minus present', () => {
    fc.assert(
      fc.property(awardArb, procedureArb, fc.array(kindArb, { maxLength: 12 }), fc.boolean(), (a, p, presentKinds, withSubmission) => {
        const list = dossierChecklist(a, p);
        const present = presentKinds.map((kind) => ({ kind }));
        const missing = missingDocuments(list, present, { includeSubmissionScope: withSubmission });
        const expected: DossierDocKind[] = list
          .filter((i) => i.required && (withSubmission || i.scope === 'NOMINATION') && !presentKinds.includes(i.kind))
          .map((i) => i.kind);
        expect(missing.map((i) => i.kind)).toEqual(expected);
        // Adding documents never makes more missing; uploading everything listed leaves nothing.
        expect(missingDocuments(list, [...present, { kind: 'KHAC' }], { includeSubmissionScope: withSubmission }).length).toBeLessThanOrEqual(missing.length);
        expect(missingDocuments(list, list, { includeSubmissionScope: true })).toEqual([]);
      }),
    );
  });
});

describe('dossier message keys', () => {
  it('every declared key is used by a label, a hint or a problem, and every used key is declared', () => {
    const used = new Set<string>(Object.values(DOC_KIND_LABEL_KEYS));
    for (const a of DEFAULT_AWARDS) {
      for (const p of PROCEDURES) {
        for (const i of dossierChecklist(a, p)) {
          used.add(i.labelKey);
          if (i.hintKey) used.add(i.hintKey);
        }
        const problem = validateProcedure(a, p);
        if (problem) used.add(problem.key);
      }
    }
    expect([...used].sort()).toEqual([...DOSSIER_MESSAGE_KEYS].sort());
    for (const k of DOSSIER_MESSAGE_KEYS) expect(k.startsWith('nominations.')).toBe(true);
  });
});
