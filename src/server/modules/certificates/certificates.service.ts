// Certificates of signed decisions: a serial per line (organisation code, year, sequence from a
// locked counter), issued at signing; printed in batch into one PDF (every award of the decision,
// or one award); verified on a public page that shows only the name, award, decision and issuer —
// or that the award was revoked.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import { notFound, validation } from '../../lib/errors';
import { failpoint } from '../../lib/failpoints';
import { renderCertificateGroups, type CertificateGroup, type CertificateTemplate } from './render/certificate-pdf';
import { activeTemplateSettings, renderTemplate, templateDefaults } from './templates.service';

const num = (v: unknown) => Number(v);
const SERIAL_DOC_TYPE = 'SERIAL';

/** Issues one certificate per active line of a just-signed decision (set-based; serials never reused). */
export async function issueCertificates(tx: Tx, decisionId: number, org: { id: number; code: string }, year: number): Promise<number> {
  const items = await tx.execute<{ id: number }>(sql`select id from decision_item where decision_id = ${decisionId} and status = 'ACTIVE' order by position`);
  const n = items.rows.length;
  if (n === 0) return 0;
  const counter = await tx.execute<{ last_number: number }>(sql`
    insert into document_counter (org_id, year, doc_type, last_number) values (${org.id}, ${year}, ${SERIAL_DOC_TYPE}, ${n})
    on conflict (org_id, year, doc_type) do update set last_number = document_counter.last_number + ${n}
    returning last_number`);
  const first = num(counter.rows[0]!.last_number) - n + 1;
  const rows = items.rows.map((r, i) => ({ item: num(r.id), serial: `${org.code}-${year}-${String(first + i).padStart(6, '0')}` }));
  await tx.execute(sql`
    insert into certificate (serial, decision_item_id, decision_id)
    select x.serial, x.item, ${decisionId} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(item bigint, serial text)`);
  return n;
}

type PrintRow = {
  serial: string; subject_name: string; unit_name: string | null; achievement: string; award_code: string; award_name: string; item_status: string;
  number: number; symbol: string; signed_on: string; place: string; signer: { onBehalf: string; title: string; name: string | null };
  org_id: number; org_name: string; parent_name: string | null;
};

/** The kind printed for an award: Bằng khen for the "BK_" forms, Giấy khen otherwise. */
export const certificateKind = (awardCode: string): CertificateTemplate['kind'] => (awardCode.startsWith('BK_') ? 'BANG_KHEN' : 'GIAY_KHEN');

/**
 * One PDF with the certificates of a signed decision: of one award when `awardCode` is named, else of
 * every award, grouped by award in the decision's order (catalogue order, then line position), each
 * page in its own kind's template (Bằng khen or Giấy khen). Revoked lines are not printed.
 */
export async function certificatesPdf(app: AppContext, decisionId: number, awardCode: string | undefined, locale: Locale): Promise<{ pdf: Buffer; awardCode: string | null; count: number }> {
  const r = await app.db.execute<PrintRow>(sql`
    select c.serial, i.subject_name, i.unit_name, i.achievement, i.award_code, a.name_vi as award_name, i.status as item_status,
           d.number, d.symbol, d.signed_on::text as signed_on, d.place, d.signer, d.org_id, o.name as org_name, p.name as parent_name
    from certificate c join decision_item i on i.id = c.decision_item_id join decision d on d.id = c.decision_id
    join award_type a on a.code = i.award_code join organisation o on o.id = d.org_id left join organisation p on p.id = o.parent_id
    where c.decision_id = ${decisionId}
    order by a.sort_order, i.position`);
  if (r.rows.length === 0) throw validation('certificates.api.none');
  const rows = r.rows.filter((x) => (awardCode === undefined || x.award_code === awardCode) && x.item_status === 'ACTIVE');
  if (rows.length === 0) throw notFound();
  const first = rows[0]!;
  // The issuing organisation's active template per kind (the default look when it has none), read once each.
  const templates = new Map<CertificateTemplate['kind'], CertificateTemplate>();
  const templateOf = async (kind: CertificateTemplate['kind']) => {
    let template = templates.get(kind);
    if (!template) {
      const settings = await activeTemplateSettings(app.db, num(first.org_id), kind);
      template = renderTemplate(kind, templateDefaults({ name: first.org_name, parentName: first.parent_name }, kind), settings, first.signer);
      templates.set(kind, template);
    }
    return template;
  };
  const base = app.config.APP_URL.replace(/\/$/, '');
  const groups = new Map<string, CertificateGroup>();
  for (const x of rows) {
    let group = groups.get(x.award_code);
    if (!group) {
      group = { template: await templateOf(certificateKind(x.award_code)), items: [] };
      groups.set(x.award_code, group);
    }
    group.items.push({
      serial: x.serial,
      verifyUrl: `${base}/verify/${encodeURIComponent(x.serial)}`,
      recipientName: x.subject_name,
      recipientUnit: x.unit_name,
      achievement: x.achievement,
      decisionNumber: `${String(x.number).padStart(2, '0')}/${x.symbol}`,
      decisionDate: x.signed_on,
      placeName: x.place,
      signerName: x.signer.name ?? '',
    });
  }
  // Crash-safety tests stop here, in the middle of a batch print: it writes nothing, so nothing can be half-done.
  await failpoint('certificates.render');
  return { pdf: await renderCertificateGroups([...groups.values()], { locale }), awardCode: awardCode ?? null, count: rows.length };
}

export interface Verification {
  serial: string;
  status: 'VALID' | 'REVOKED';
  recipientName: string;
  awardName: string;
  decisionNumber: string;
  decisionDate: string;
  issuerName: string;
  revokedOn: string | null;
}

/** What the public verification page shows: only the name, award, decision and issuer, or "revoked". */
export async function verifyCertificate(db: DbOrTx, serial: string, locale: Locale): Promise<Verification | null> {
  const r = await db.execute<{ serial: string; subject_name: string; award_name: string; number: number; symbol: string; signed_on: string; org_name: string; item_status: string; revoked_on: string | null }>(sql`
    select c.serial, i.subject_name, ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name, d.number, d.symbol, d.signed_on::text as signed_on,
           o.name as org_name, i.status as item_status, i.revoked_on::text as revoked_on
    from certificate c join decision_item i on i.id = c.decision_item_id join decision d on d.id = c.decision_id
    join award_type a on a.code = i.award_code join organisation o on o.id = d.org_id
    where c.serial = ${serial}`);
  const x = r.rows[0];
  if (!x) return null;
  return {
    serial: x.serial, status: x.item_status === 'REVOKED' ? 'REVOKED' : 'VALID', recipientName: x.subject_name, awardName: x.award_name,
    decisionNumber: `${String(x.number).padStart(2, '0')}/${x.symbol}`, decisionDate: x.signed_on, issuerName: x.org_name, revokedOn: x.revoked_on,
  };
}

