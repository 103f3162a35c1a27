// The member portal: the logged-in user's own person only (actor.personId) — never another's. The
// records, registrations and certificate rendering reuse the queries and the renderer of their own
// modules; a user without a person on record gets the empty state.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale, MembershipEndReason } from '../../../contracts/enums';
import type { MyAward, MyRecord } from '../../../contracts/me';
import type { ProposalStatus } from '../../../contracts/proposals';
import { PERSON_RECORD_KINDS } from '../../../contracts/achievements';
import { notFound } from '../../lib/errors';
import { awardNames, recordsOfSubject } from '../achievements/records.repository';
import { byNewest, presentTimelineItem } from '../achievements/records.presenter';
import { loadPersonSubject } from '../achievements/records.service';
import { listRegistrations } from '../registrations/registrations.repository';
import { presentRegistration } from '../registrations/registrations.service';
import { certificateKind } from '../certificates/certificates.service';
import { activeTemplateSettings, renderTemplate, templateDefaults } from '../certificates/templates.service';
import { renderCertificates } from '../certificates/render/certificate-pdf';

const num = (v: unknown) => Number(v);
/** The portal shows the most recent of each list; a member's history is short. */
const PORTAL_ROWS = 200;

const EMPTY: MyRecord = { hasPerson: false, person: null, memberships: [], records: [], registrations: [], awards: [], proposals: [], credits: [] };

const verifyUrl = (app: AppContext, serial: string) => `${app.config.APP_URL.replace(/\/$/, '')}/verify/${encodeURIComponent(serial)}`;

type AwardRow = {
  item_id: number; serial: string | null; subject_name: string; unit_name: string | null; achievement: string; award_code: string; award_name: string;
  item_status: string; revoked_on: string | null; number: number; symbol: string; signed_on: string; place: string;
  signer: { onBehalf: string; title: string; name: string | null }; org_id: number; org_name: string; parent_name: string | null;
};

/** The award lines of signed decisions for one person (or one certificate of theirs), with the certificate when issued. */
async function awardsOf(db: DbOrTx, personId: number, serial: string | null, locale: Locale): Promise<AwardRow[]> {
  const r = await db.execute<AwardRow>(sql`
    select i.id as item_id, c.serial, i.subject_name, i.unit_name, i.achievement, i.award_code, ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name,
           i.status as item_status, i.revoked_on::text as revoked_on, d.number, d.symbol, d.signed_on::text as signed_on, d.place, d.signer,
           d.org_id, o.name as org_name, po.name as parent_name
    from decision_item i join decision d on d.id = i.decision_id join award_type a on a.code = i.award_code join organisation o on o.id = d.org_id
    left join organisation po on po.id = o.parent_id left join certificate c on c.decision_item_id = i.id
    where i.person_id = ${personId} and d.status <> 'DRAFT' and d.signed_on is not null ${serial === null ? sql`` : sql`and c.serial = ${serial}`}
    order by d.signed_on desc, i.id desc limit ${PORTAL_ROWS}`);
  return r.rows;
}

const decisionNumber = (x: { number: number; symbol: string }) => `${String(x.number).padStart(2, '0')}/${x.symbol}`;

export async function myRecord(app: AppContext, actor: AuthActor, locale: Locale): Promise<MyRecord> {
  if (actor.personId === null) return EMPTY;
  const personId = actor.personId;
  const subject = await loadPersonSubject(app.db, personId);
  if (!subject) return EMPTY;
  const [person, memberships, records, registrations, awards, proposals, credits] = await Promise.all([
    app.db.execute<{ id: number; full_name: string; member_code: string | null; unit_name: string | null; status: string }>(sql`
      select p.id, p.full_name, p.member_code, o.name as unit_name, p.status from person p left join organisation o on o.id = p.org_id where p.id = ${personId}`),
    app.db.execute<{ org_id: number; name: string; status: string; valid_from: string; valid_to: string | null; end_reason: MembershipEndReason | null; note: string | null }>(sql`
      select m.org_id, o.name, o.status, m.valid_from::text as valid_from, m.valid_to::text as valid_to, m.end_reason, m.note
      from membership m join organisation o on o.id = m.org_id where m.person_id = ${personId} order by m.valid_from desc, m.id desc`),
    recordsOfSubject(app.db, { personId }, PERSON_RECORD_KINDS, false),
    listRegistrations(app.db, { status: 'ACTIVE', paths: [], ownPersonId: personId }, PORTAL_ROWS, 0),
    awardsOf(app.db, personId, null, locale),
    app.db.execute<{ id: number; reference_code: string; subject_name: string; received_on: string; status: ProposalStatus }>(sql`
      select g.id, g.reference_code, g.subject_name, (g.created_at at time zone 'Asia/Ho_Chi_Minh')::date::text as received_on, g.status
      from good_deed_proposal g where g.proposer_person_id = ${personId} order by g.created_at desc, g.id desc limit ${PORTAL_ROWS}`),
    app.db.execute<{ story_id: number | null; title: string | null; role: string; at: string }>(sql`
      select sc.story_id, s.title, sc.role, to_json(sc.created_at)#>>'{}' as at
      from story_credit sc left join story s on s.id = sc.story_id where sc.person_id = ${personId} and sc.status = 'ACTIVE' order by sc.created_at desc, sc.id desc limit ${PORTAL_ROWS}`),
  ]);
  const p = person.rows[0]!;
  const names = await awardNames(app.db, records.flatMap(({ row }) => (typeof row.awardCode === 'string' ? [row.awardCode] : [])));
  return {
    hasPerson: true,
    person: { id: num(p.id), fullName: p.full_name, memberCode: p.member_code, unitName: p.unit_name, status: p.status },
    memberships: memberships.rows.map((m) => ({ orgId: num(m.org_id), orgName: m.name, orgStatus: m.status, validFrom: m.valid_from, validTo: m.valid_to, endReason: m.end_reason, note: m.note })),
    records: records.map(({ kind, row }) => presentTimelineItem(actor, locale, kind, row, subject, names)).sort(byNewest),
    registrations: registrations.rows.map((r) => presentRegistration(actor, r)),
    awards: awards.map(
      (x): MyAward => ({
        decisionItemId: num(x.item_id), awardCode: x.award_code, awardName: x.award_name, achievement: x.achievement, decisionNumber: decisionNumber(x), decisionDate: x.signed_on,
        issuerName: x.org_name, revoked: x.item_status === 'REVOKED', revokedOn: x.revoked_on, serial: x.serial, verifyUrl: x.serial ? verifyUrl(app, x.serial) : null,
      }),
    ),
    proposals: proposals.rows.map((g) => ({ id: num(g.id), referenceCode: g.reference_code, subjectName: g.subject_name, receivedOn: g.received_on, status: g.status })),
    credits: credits.rows.map((c) => ({ storyId: c.story_id === null ? null : num(c.story_id), title: c.title, role: c.role, at: c.at })),
  };
}

/** One certificate of the actor's own person as a PDF (404 for anyone else's, and for a revoked award). */
export async function myCertificatePdf(app: AppContext, actor: AuthActor, serial: string, locale: Locale): Promise<Buffer> {
  if (actor.personId === null) throw notFound();
  const x = (await awardsOf(app.db, actor.personId, serial, locale))[0];
  if (!x || x.item_status !== 'ACTIVE' || x.serial === null) throw notFound();
  // The issuing organisation's active template, as in the batch print of the decision.
  const kind = certificateKind(x.award_code);
  const settings = await activeTemplateSettings(app.db, num(x.org_id), kind);
  const template = renderTemplate(kind, templateDefaults({ name: x.org_name, parentName: x.parent_name }, kind), settings, x.signer);
  return renderCertificates(
    template,
    [{ serial: x.serial, verifyUrl: verifyUrl(app, x.serial), recipientName: x.subject_name, recipientUnit: x.unit_name, achievement: x.achievement, decisionNumber: decisionNumber(x), decisionDate: x.signed_on, placeName: x.place, signerName: x.signer.name ?? '' }],
    { locale },
  );
}
