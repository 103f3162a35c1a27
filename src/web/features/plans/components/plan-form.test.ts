import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPlanInput, updatePlanInput, type PlanDto } from '../../../../contracts/plans';
import { createBody, emptyForm, formFromPlan, formFromText, formReducer, formSignature, planFields, type PlanForm } from './plan-form';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../server/seed/data/ke-hoach-thi-dua-2024-ldld-huyen.txt'), 'utf8');

const kinds = (f: PlanForm) => f.blocks.map((b) => b.kind);

describe('plan form', () => {
  it('fills from the pasted seed plan: year, place, theme, unnumbered headings, recipients by kind; saving numbers the headings', () => {
    const f = formFromText(seed, emptyForm(7, 2026))!;
    expect(f).toMatchObject({ orgId: 7, year: 2024, place: 'Huyện DMC', title: 'Thực hiện phong trào thi đua triển khai công tác thi đua, khen thưởng năm 2024' });
    expect(f.theme).toMatch(/^Điều hành linh hoạt/);
    expect(f.blocks[0]).toMatchObject({ kind: 'HEADING_1', text: 'MỤC ĐÍCH, YÊU CẦU' });
    expect(f.recipients.map((r) => r.kind)).toEqual(['OTHER', 'OTHER', 'SUBORDINATES', 'WEBSITE', 'ARCHIVE']);
    expect(f.signer).toEqual({ onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: '' });
    const body = planFields({ ...f, signer: { ...f.signer, name: 'Nguyễn Văn Đức' } });
    expect(body.blocks.filter((b) => b.kind === 'HEADING_1').map((b) => b.text)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỦ ĐỀ THI ĐUA',
      'III. NỘI DUNG THI ĐUA',
      'IV. GIẢI PHÁP THỰC HIỆN',
      'V. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(createPlanInput.safeParse({ orgId: 7, year: 2024, ...body }).success).toBe(true);
  });

  it('refuses text with no plan in it', () => {
    expect(formFromText('xin chào', emptyForm(1, 2024))).toBeNull();
    expect(formFromText('', emptyForm(1, 2024))).toBeNull();
  });

  it('empty optional fields go to the server as null; an unfinished form fails the contract where the user must act', () => {
    const f = emptyForm(null, 2024);
    const body = createBody(f);
    expect(body).toMatchObject({ theme: null, intro: null, signer: { onBehalf: null } });
    const result = createPlanInput.safeParse(body);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['orgId', 'title', 'place', 'blocks.1.text', 'signer.position', 'signer.name']));
  });

  it('round-trips a saved plan: loading and saving again changes nothing', () => {
    const dto = {
      id: 1, orgId: 3, orgName: 'LĐLĐ huyện DMC', year: 2024, status: 'DRAFT', number: null, symbol: 'KH-LĐLĐ', numberLine: 'Số:      /KH-LĐLĐ', issuedOn: null,
      title: 'Kế hoạch thi đua năm 2024', theme: null, place: 'Huyện DMC', intro: null,
      basis: [{ planId: 9, text: 'Thực hiện Kế hoạch số 47/KH-LĐLĐ;' }],
      blocks: [{ kind: 'HEADING_1', text: 'I. MỤC ĐÍCH' }, { kind: 'HEADING_2', text: '1. Mục đích' }, { kind: 'BULLET', text: 'Đoàn kết' }],
      signer: { onBehalf: null, position: 'CHỦ TỊCH', name: 'Trần Thị Cúc' },
      recipients: [{ orgId: 2, text: 'LĐLĐ tỉnh;', kind: 'ORG' }, { orgId: null, text: 'Lưu: VP.', kind: 'ARCHIVE' }],
      version: 4, abilities: ['plan.update'],
    } satisfies PlanDto;
    const f = formFromPlan(dto);
    expect(f.blocks.map((b) => b.text)).toEqual(['MỤC ĐÍCH', 'Mục đích', 'Đoàn kết']);
    const body = { version: 4, ...planFields(f) };
    expect(updatePlanInput.parse(body)).toEqual({ version: 4, title: dto.title, theme: null, place: dto.place, intro: null, basis: dto.basis, blocks: dto.blocks, signer: dto.signer, recipients: dto.recipients });
  });

  it('inserts after a row (a bullet after a bullet), moves within bounds, removes, and a recipient leaving ORG drops its unit', () => {
    let f = emptyForm(1, 2024); // HEADING_1, BULLET
    const [h, b] = f.blocks;
    f = formReducer(f, { type: 'blockInsert', afterKey: b!.key });
    expect(kinds(f)).toEqual(['HEADING_1', 'BULLET', 'BULLET']);
    f = formReducer(f, { type: 'blockInsert', afterKey: h!.key });
    expect(kinds(f)).toEqual(['HEADING_1', 'PARAGRAPH', 'BULLET', 'BULLET']);
    f = formReducer(f, { type: 'blockMove', key: h!.key, by: -1 });
    expect(f.blocks[0]!.key).toBe(h!.key);
    f = formReducer(f, { type: 'blockMove', key: h!.key, by: 1 });
    expect(kinds(f)).toEqual(['PARAGRAPH', 'HEADING_1', 'BULLET', 'BULLET']);
    f = formReducer(f, { type: 'blockRemove', key: h!.key });
    expect(kinds(f)).toEqual(['PARAGRAPH', 'BULLET', 'BULLET']);
    const r = f.recipients[0]!;
    f = formReducer(f, { type: 'recipient', key: r.key, patch: { kind: 'ORG', orgId: 5 } });
    expect(planFields(f).recipients[0]).toMatchObject({ kind: 'ORG', orgId: 5 });
    f = formReducer(f, { type: 'recipient', key: r.key, patch: { kind: 'OTHER' } });
    expect(planFields(f).recipients[0]).toMatchObject({ kind: 'OTHER', orgId: null });
  });

  it('moves keep every block exactly once, and an edit is seen as a change (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.constantFrom(-1 as const, 1 as const)), { maxLength: 40 }), (moves) => {
        let f = emptyForm(1, 2024);
        for (let i = 0; i < 4; i++) f = formReducer(f, { type: 'blockInsert', afterKey: null, kind: 'PARAGRAPH' });
        const keys = f.blocks.map((b) => b.key).sort();
        const before = formSignature(f);
        for (const [i, by] of moves) f = formReducer(f, { type: 'blockMove', key: f.blocks[i % f.blocks.length]!.key, by });
        expect(f.blocks.map((b) => b.key).sort()).toEqual(keys);
        const edited = formReducer(f, { type: 'block', key: f.blocks[0]!.key, patch: { text: 'Nội dung mới' } });
        expect(formSignature(edited)).not.toBe(before);
      }),
    );
  });
});
