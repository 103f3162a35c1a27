// The seed plan of the district federation (Kế hoạch thực hiện phong trào thi đua … năm 2024) as a
// demo record: read from its text with parsePlanText, kept as a draft like the original (no number,
// day of issue left blank).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { parsePlanText } from '../../domain/plans/parse-plan-text';
import type { RecipientKind } from '../../contracts/plans';
import { guessRecipientKind } from '../../domain/plans/recipient-kind';

const SOURCE = path.resolve(import.meta.dirname, 'data/ke-hoach-thi-dua-2024-ldld-huyen.txt');

/**
 * How each line of the seed's Nơi nhận is delivered: "TT LĐLĐ tỉnh" → the province's inbox,
 * "Các CĐCS" → every grassroots union of the district, "Website …" → the public pages,
 * "Lưu: VP" → the archive copy; the rest ("HĐ TĐ - KT huyện") is printed only.
 */
export function recipientOf(text: string, provinceId: number | null): { orgId: number | null; text: string; kind: RecipientKind } {
  if (/^TT LĐLĐ tỉnh/.test(text) && provinceId !== null) return { orgId: provinceId, text, kind: 'ORG' };
  return { orgId: null, text, kind: guessRecipientKind(text) };
}

export async function insertDemoPlan(tx: Tx, districtCode: string, provinceCode: string): Promise<number | null> {
  const parsed = parsePlanText(fs.readFileSync(SOURCE, 'utf8'));
  const org = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = ${districtCode}`);
  const province = await tx.execute<{ id: number }>(sql`select id from organisation where code = ${provinceCode}`);
  const district = org.rows[0];
  if (!district) return null;
  const vice = await tx.execute<{ full_name: string }>(sql`
    select p.full_name from officer f join person p on p.id = f.person_id
    where f.org_id = ${district.id} and f.title in ('PHO_CHU_TICH', 'CHU_TICH') order by f.title = 'PHO_CHU_TICH' desc, f.id limit 1`);
  const recipients = parsed.recipients.map((text) => recipientOf(text, province.rows[0]?.id ?? null));
  const r = await tx.execute<{ id: number }>(sql`
    insert into plan (org_id, org_path, year, title, theme, place, intro, basis, blocks, signer, recipients)
    values (${district.id}, ${district.path}, 2024, ${parsed.title},
            ${parsed.blocks.find((b) => b.kind === 'QUOTE')?.text.replace(/^[“"]|[”"]$/g, '') ?? null}, 'Huyện DMC', ${parsed.intro},
            ${JSON.stringify(parsed.basis.map((text) => ({ planId: null, text })))}::jsonb, ${JSON.stringify(parsed.blocks)}::jsonb,
            ${JSON.stringify({ onBehalf: parsed.signer.onBehalf, position: parsed.signer.position ?? 'CHỦ TỊCH', name: vice.rows[0]?.full_name ?? 'Chủ tịch LĐLĐ huyện' })}::jsonb,
            ${JSON.stringify(recipients)}::jsonb)
    returning id`);
  return Number(r.rows[0]!.id);
}
