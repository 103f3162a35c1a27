// Plans: drafts kept as structured blocks; issuing assigns the next number of the issuing
// organisation for the year and document type (Nghị định 30/2020), records the document in the
// outgoing register and locks the plan. Every change is audited in the same transaction.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import { coversStrictly, orgPolicy, READ_ROLES } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import type { CreatePlanInput, PlanDto, UpdatePlanInput } from '../../../contracts/plans';
import { renderPlanDocx, type PlanDocxModel } from './plan-docx';
import type { RequestSpec } from '../../../contracts/cascade';
import { distributeDocument } from '../cascade/distribution';
import { recordResponse } from '../cascade/responses';
import { createRequest } from '../cascade/requests.service';

/** Document type code of a plan in its symbol ("KH-LĐLĐ"). */
export const PLAN_DOC_TYPE = 'KH';

/** Abbreviations of issuing organisations by kind, when the organisation has none of its own. */
export const DEFAULT_ABBREVIATIONS: Record<string, string> = {
  TLD: 'TLĐ',
  LDLD_TINH: 'LĐLĐ',
  LDLD_HUYEN: 'LĐLĐ',
  CD_NGANH_TW: 'CĐN',
  CD_NGANH_DP: 'CĐN',
  CD_KCN: 'CĐKCN',
  CD_XA_PHUONG: 'CĐ',
  CDCS: 'CĐCS',
  NGHIEP_DOAN: 'NĐ',
  CD_BO_PHAN: 'CĐBP',
  TO_CD: 'TCĐ',
};

export type PlanRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  org_status: string;
  parent_name: string | null;
  year: number;
  status: 'DRAFT' | 'ISSUED';
  title: string;
  theme: string | null;
  place: string;
  intro: string | null;
  basis: PlanDto['basis'];
  blocks: PlanDto['blocks'];
  signer: PlanDto['signer'];
  recipients: PlanDto['recipients'];
  number: number | null;
  symbol: string | null;
  issued_on: string | null;
  abbreviation: string;
  version: number;
};

const SELECT_PLAN = sql`
  select p.id, p.org_id, o.name as org_name, p.org_path, o.status as org_status, po.name as parent_name, p.year, p.status, p.title,
         p.theme, p.place, p.intro, p.basis, p.blocks, p.signer, p.recipients, p.number, p.symbol, p.issued_on, p.version,
         coalesce(o.doc_abbreviation, ${sql.raw(`case o.kind ${Object.entries(DEFAULT_ABBREVIATIONS).map(([k, v]) => `when '${k}' then '${v}'`).join(' ')} else 'CĐ' end`)}) as abbreviation
  from plan p join organisation o on o.id = p.org_id left join organisation po on po.id = o.parent_id`;

export async function findPlan(db: DbOrTx, id: number, forUpdate = false): Promise<PlanRow | null> {
  const r = await db.execute<PlanRow>(sql`${SELECT_PLAN} where p.id = ${id} ${forUpdate ? sql`for update of p` : sql``}`);
  return r.rows[0] ?? null;
}

/** The actor reads some unit strictly below `path` (so `path` is one of its superiors). */
export const readsBelow = (a: AuthActor, path: string) => a.roles.some((r) => READ_ROLES.includes(r.role) && coversStrictly(path, r.orgPath));

export const planPolicy = {
  /**
   * Readers of the issuing organisation's subtree; and, once issued, readers of any unit below it:
   * an issued plan is addressed down the hierarchy (units implement it and cite it as their basis).
   */
  read: (a: AuthActor, p: Pick<PlanRow, 'org_path' | 'status'>) =>
    orgPolicy.listMembers(a, { path: p.org_path, status: 'ACTIVE' }) || (p.status === 'ISSUED' && readsBelow(a, p.org_path)),
  /** Drafting, editing and issuing belong to those who manage the issuing organisation. */
  write: (a: AuthActor, p: Pick<PlanRow, 'org_path' | 'org_status'>) => orgPolicy.createChild(a, { path: p.org_path, status: p.org_status }),
};

export function planAbilities(a: AuthActor, p: PlanRow): string[] {
  if (p.status !== 'DRAFT' || !planPolicy.write(a, p)) return [];
  return ['plan.update', 'plan.issue'];
}

export function presentPlan(a: AuthActor, p: PlanRow): PlanDto {
  const symbol = p.symbol ?? `${PLAN_DOC_TYPE}-${p.abbreviation}`;
  return {
    id: Number(p.id),
    orgId: Number(p.org_id),
    orgName: p.org_name,
    year: Number(p.year),
    status: p.status,
    number: p.number === null ? null : Number(p.number),
    symbol,
    numberLine: p.number === null ? `Số:      /${symbol}` : `Số: ${String(p.number).padStart(2, '0')}/${symbol}`,
    issuedOn: p.issued_on,
    title: p.title,
    theme: p.theme,
    place: p.place,
    intro: p.intro,
    basis: p.basis,
    blocks: p.blocks,
    signer: p.signer,
    recipients: p.recipients,
    version: Number(p.version),
    abilities: planAbilities(a, p),
  };
}

async function checkReferences(tx: Tx, input: Pick<CreatePlanInput, 'basis' | 'recipients'>): Promise<void> {
  const planIds = input.basis.map((b) => b.planId).filter((x): x is number => x !== null);
  if (planIds.length > 0) {
    const found = await tx.execute<{ id: number }>(sql`select id from plan where id = any(${sql.param(planIds)}::bigint[])`);
    const known = new Set(found.rows.map((r) => Number(r.id)));
    const missing = planIds.find((id) => !known.has(id));
    if (missing !== undefined) throw validation('plan.unknownBasis', { id: missing }, { field: 'basis' });
  }
  const orgIds = input.recipients.map((r) => r.orgId).filter((x): x is number => x !== null);
  if (orgIds.length > 0) {
    const found = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where id = any(${sql.param(orgIds)}::bigint[])`);
    const known = new Map(found.rows.map((r) => [Number(r.id), r.path]));
    const missing = orgIds.find((id) => !known.has(id));
    if (missing !== undefined) throw validation('plan.unknownRecipient', { id: missing }, { field: 'recipients' });
  }
}

const nfc = (s: string | null) => (s === null ? null : s.normalize('NFC'));

function stored(input: Omit<UpdatePlanInput, 'version'>) {
  return {
    title: input.title.normalize('NFC'),
    theme: nfc(input.theme),
    place: input.place.normalize('NFC'),
    intro: nfc(input.intro),
    basis: input.basis.map((b) => ({ ...b, text: b.text.normalize('NFC') })),
    blocks: input.blocks.map((b) => ({ ...b, text: b.text.normalize('NFC') })),
    signer: { onBehalf: nfc(input.signer.onBehalf), position: input.signer.position.normalize('NFC'), name: input.signer.name.normalize('NFC') },
    recipients: input.recipients.map((r) => ({ ...r, text: r.text.normalize('NFC') })),
  };
}

export async function createPlan(app: AppContext, actor: AuthActor, input: CreatePlanInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const org = await findOrg(tx, input.orgId);
    if (!org || !orgPolicy.read(actor, org)) throw notFound();
    if (!orgPolicy.createChild(actor, org)) throw notFound();
    await checkReferences(tx, input);
    const values = stored(input);
    const r = await tx.execute<{ id: number }>(sql`
      insert into plan (org_id, org_path, year, title, theme, place, intro, basis, blocks, signer, recipients, created_by)
      values (${org.id}, ${org.path}, ${input.year}, ${values.title}, ${values.theme}, ${values.place}, ${values.intro},
              ${JSON.stringify(values.basis)}::jsonb, ${JSON.stringify(values.blocks)}::jsonb, ${JSON.stringify(values.signer)}::jsonb,
              ${JSON.stringify(values.recipients)}::jsonb, ${actor.userId})
      returning id`);
    const id = Number(r.rows[0]!.id);
    await audit(tx, actor, [{ action: 'plan.create', entityType: 'plan', entityId: id, orgId: Number(org.id), after: { year: input.year, ...values } }]);
    return id;
  });
}

async function loadDraft(tx: Tx, actor: AuthActor, id: number, version: number): Promise<PlanRow> {
  const plan = await findPlan(tx, id, true);
  if (!plan || !planPolicy.read(actor, plan)) throw notFound();
  if (!planPolicy.write(actor, plan)) throw notFound();
  if (plan.status !== 'DRAFT') throw conflict('plan.notDraft');
  if (Number(plan.version) !== version) throw conflict('plan.staleVersion');
  return plan;
}

export async function updatePlan(app: AppContext, actor: AuthActor, id: number, input: UpdatePlanInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const before = await loadDraft(tx, actor, id, input.version);
    await checkReferences(tx, input);
    const values = stored(input);
    await tx.execute(sql`
      update plan set title = ${values.title}, theme = ${values.theme}, place = ${values.place}, intro = ${values.intro},
        basis = ${JSON.stringify(values.basis)}::jsonb, blocks = ${JSON.stringify(values.blocks)}::jsonb,
        signer = ${JSON.stringify(values.signer)}::jsonb, recipients = ${JSON.stringify(values.recipients)}::jsonb,
        updated_at = now(), version = version + 1
      where id = ${id}`);
    const { title, theme, place, intro, basis, blocks, signer, recipients } = before;
    await audit(tx, actor, [
      { action: 'plan.update', entityType: 'plan', entityId: id, orgId: Number(before.org_id), before: { title, theme, place, intro, basis, blocks, signer, recipients }, after: values },
    ]);
  });
}

/** The next number of the organisation for the year and type; the counter row's lock serialises issuers. */
async function takeNextNumber(tx: Tx, orgId: number, year: number): Promise<number> {
  const counter = await tx.execute<{ last_number: number }>(sql`
    insert into document_counter (org_id, year, doc_type, last_number) values (${orgId}, ${year}, ${PLAN_DOC_TYPE}, 1)
    on conflict (org_id, year, doc_type) do update set last_number = document_counter.last_number + 1
    returning last_number`);
  return Number(counter.rows[0]!.last_number);
}

/**
 * A number taken in the paper register: refused when Vinh Danh already used it; the counter moves
 * past it so that later numbers never collide (the counter row is locked first, so two issuers
 * cannot both take it).
 */
async function takeGivenNumber(tx: Tx, orgId: number, year: number, number: number, symbol: string): Promise<number> {
  await tx.execute(sql`
    insert into document_counter (org_id, year, doc_type, last_number) values (${orgId}, ${year}, ${PLAN_DOC_TYPE}, ${number})
    on conflict (org_id, year, doc_type) do update set last_number = greatest(document_counter.last_number, excluded.last_number)`);
  const used = await tx.execute<{ title: string; issued_on: string }>(sql`
    select title, issued_on::text from outgoing_document where org_id = ${orgId} and year = ${year} and doc_type = ${PLAN_DOC_TYPE} and number = ${number}`);
  const doc = used.rows[0];
  if (doc) {
    const [y, m, d] = doc.issued_on.split('-');
    throw validation('plan.numberUsed', { number: `${String(number).padStart(2, '0')}/${symbol}`, year, title: doc.title, date: `${d}/${m}/${y}` }, { field: 'number' });
  }
  return number;
}

/**
 * Issues a draft: the number is the next of the issuing organisation for the year of issue and
 * the document type, taken from a counter row locked by the update (two issues at once get two
 * numbers; the unique index on the register makes a duplicate impossible), or the number the
 * office already took in its paper register when one is given.
 */
export async function issuePlan(app: AppContext, actor: AuthActor, id: number, input: { version: number; issuedOn: string; number?: number | null; request?: RequestSpec | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const plan = await loadDraft(tx, actor, id, input.version);
    const today = todayInVietnam();
    if (input.issuedOn > today) throw validation('plan.issuedInFuture', {}, { field: 'issuedOn' });
    const year = Number(input.issuedOn.slice(0, 4));
    if (year < Number(plan.year) - 1) throw validation('plan.issuedTooEarly', { year: Number(plan.year) }, { field: 'issuedOn' });
    const symbol = `${PLAN_DOC_TYPE}-${plan.abbreviation}`;
    const number = input.number ? await takeGivenNumber(tx, Number(plan.org_id), year, input.number, symbol) : await takeNextNumber(tx, Number(plan.org_id), year);
    const doc = await tx.execute<{ id: number }>(sql`
      insert into outgoing_document (org_id, year, doc_type, number, symbol, issued_on, title, entity_type, entity_id, created_by)
      values (${plan.org_id}, ${year}, ${PLAN_DOC_TYPE}, ${number}, ${symbol}, ${input.issuedOn}, ${plan.title}, 'plan', ${id}, ${actor.userId})
      returning id`);
    const documentId = Number(doc.rows[0]!.id);
    await tx.execute(sql`
      update plan set status = 'ISSUED', number = ${number}, symbol = ${symbol}, issued_on = ${input.issuedOn}, document_id = ${documentId},
        updated_at = now(), version = version + 1
      where id = ${id}`);
    // Distribution to the recipients (inboxes, website, archive copy), in the same transaction.
    const issued = (await findPlan(tx, id))!;
    const dto = presentPlan(actor, issued);
    const distribution = await distributeDocument(tx, {
      documentId,
      issuer: { id: Number(plan.org_id), path: plan.org_path },
      title: plan.title,
      body: `Số ${String(number).padStart(2, '0')}/${symbol} ngày ${input.issuedOn.split('-').reverse().join('/')} của ${plan.org_name}`,
      link: `/ke-hoach/${id}`,
      recipients: plan.recipients.map((r) => ({ orgId: r.orgId ?? null, kind: r.kind ?? 'OTHER' })),
      renderArchive: () => renderPlanDocx(planDocxModel(dto, issued.parent_name)),
    });
    // A plan based on a superior's plan answers the superior's request.
    const answered = await recordResponse(tx, Number(plan.org_id), { kind: 'PLAN', basisPlanIds: plan.basis.map((b) => b.planId).filter((x): x is number => x !== null && x !== undefined) }, { type: 'plan', id });
    const request = input.request
      ? await createRequest(tx, actor, {
          issuer: { id: Number(plan.org_id), path: plan.org_path },
          sourceType: 'plan',
          sourceId: id,
          responseKind: input.request.responseKind,
          year: Number(plan.year),
          title: plan.title,
          deadline: input.request.deadline,
          targetOrgIds: input.request.targetOrgIds,
          link: `/ke-hoach/${id}`,
        })
      : null;
    await audit(tx, actor, [
      {
        action: 'plan.issue', entityType: 'plan', entityId: id, orgId: Number(plan.org_id),
        after: { number, symbol, year, issuedOn: input.issuedOn, documentId, ...distribution, answeredRequests: answered, requestId: request?.id ?? null },
      },
    ]);
  });
}

export interface PlanFilter {
  paths: string[];
  /** Only the plans of this organisation (not its subtree). */
  orgId?: number;
  year?: number;
  status?: 'DRAFT' | 'ISSUED';
}

export async function listPlans(db: DbOrTx, f: PlanFilter, limit: number, offset: number): Promise<{ rows: PlanRow[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const where = sql.join(
    [
      sql`(${sql.join(f.paths.map((p) => sql`p.org_path like ${`${p}%`}`), sql` or `)})`,
      ...(f.orgId !== undefined ? [sql`p.org_id = ${f.orgId}`] : []),
      ...(f.year !== undefined ? [sql`p.year = ${f.year}`] : []),
      ...(f.status !== undefined ? [sql`p.status = ${f.status}`] : []),
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<PlanRow>(sql`${SELECT_PLAN} where ${where} order by p.year desc, p.issued_on desc nulls first, p.id desc limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from plan p where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}


/**
 * "Huyện DMC, ngày 05 tháng 3 năm 2024" (Nghị định 30/2020: day below 10 and months 1–2 with a
 * leading zero); a draft leaves day and month blank, as paper drafts do.
 */
export function placeDateLine(place: string, issuedOn: string | null, year: number): string {
  if (!issuedOn) return `${place}, ngày      tháng      năm ${year}`;
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

export function planDocxModel(p: PlanDto, parentName: string | null): PlanDocxModel {
  return {
    parentOrgName: parentName,
    orgName: p.orgName,
    numberLine: p.numberLine,
    placeDateLine: placeDateLine(p.place, p.issuedOn, p.year),
    title: p.title,
    basis: p.basis.map((b) => b.text),
    intro: p.intro,
    blocks: p.blocks,
    signer: p.signer,
    recipients: p.recipients.map((r) => r.text),
    draft: p.status === 'DRAFT',
  };
}
