// The covenant the members sign (giao ước thi đua) and the leader chosen at year end by peer review
// (bình xét, suy tôn). Choosing a leader records a cluster_lead for the unit, which the Cờ thi đua
// rules read; a later choice revokes the earlier record with the reason given — nothing is deleted.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { conflict, validation } from '../../lib/errors';
import { todayInVietnam } from '../imports/xlsx';
import { insertRecord } from '../achievements/records.repository';
import { t } from '../../../contracts/messages';
import { covenantWindow, leaderWindow, viDate } from '../../../domain/clusters/rotation';
import type { ChooseLeaderInput, CovenantInput } from '../../../contracts/clusters';
import { loadWritable } from './clusters.service';

export async function saveCovenant(app: AppContext, actor: AuthActor, id: number, input: CovenantInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadWritable(tx, actor, id, input.version);
    const year = Number(c.year);
    if (input.signedOn > todayInVietnam()) throw validation('cluster.signedInFuture', {}, { field: 'signedOn' });
    const w = covenantWindow(year);
    if (input.signedOn < w.from || input.signedOn > w.to) throw validation('cluster.signedOutsideYear', { year, from: viDate(w.from), to: viDate(w.to) }, { field: 'signedOn' });
    const paragraphs = input.paragraphs.map((p) => p.normalize('NFC'));
    await tx.execute(sql`update emulation_cluster set covenant = ${JSON.stringify(paragraphs)}::jsonb, covenant_signed_on = ${input.signedOn},
      updated_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'cluster.covenant',
        entityType: 'emulation_cluster',
        entityId: id,
        orgId: Number(c.org_id),
        before: { paragraphs: c.covenant, signedOn: c.covenant_signed_on },
        after: { paragraphs, signedOn: input.signedOn },
      },
    ]);
  });
}

export async function chooseLeader(app: AppContext, actor: AuthActor, id: number, input: ChooseLeaderInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadWritable(tx, actor, id, input.version);
    const year = Number(c.year);
    if (input.chosenOn > todayInVietnam()) throw validation('cluster.chosenInFuture', {}, { field: 'chosenOn' });
    const w = leaderWindow(year);
    if (input.chosenOn < w.from || input.chosenOn > w.to) throw validation('cluster.chosenOutsideWindow', { year, from: viDate(w.from), to: viDate(w.to) }, { field: 'chosenOn' });
    const member = c.members.find((m) => Number(m.orgId) === input.orgId);
    if (!member) {
      const unit = await tx.execute<{ name: string }>(sql`select name from organisation where id = ${input.orgId}`);
      throw validation('cluster.leaderNotMember', { unit: unit.rows[0]?.name ?? String(input.orgId), cluster: c.name }, { field: 'orgId' });
    }
    if (!member.active) throw validation('cluster.unitInactive', { unit: member.name }, { field: 'orgId' });
    const previous = c.leader_org_id === null ? null : { orgId: Number(c.leader_org_id), recordId: c.leader_record_id === null ? null : Number(c.leader_record_id) };
    if (previous?.orgId === input.orgId) throw conflict('cluster.sameLeader', { unit: member.name });
    if (previous && !input.reason) throw validation('cluster.replaceReasonRequired', { unit: c.leader_name ?? '' }, { field: 'reason' });

    const events: Parameters<typeof audit>[2] = [];
    if (previous?.recordId != null) {
      const reason = t('vi', 'cluster.revokedByReplacement', { reason: input.reason!.normalize('NFC') });
      const revoked = await tx.execute(sql`update cluster_lead set status = 'REVOKED', revoked_at = now(), revoked_reason = ${reason}
        where id = ${previous.recordId} and status = 'ACTIVE' returning id`);
      if (revoked.rows.length > 0) {
        events.push({ action: 'record.revoke', entityType: 'cluster_lead', entityId: previous.recordId, orgId: previous.orgId, before: { status: 'ACTIVE' }, after: { status: 'REVOKED', reason } });
      }
    }
    const note = input.note?.trim() ? input.note.normalize('NFC') : t('vi', 'cluster.leadNote', { cluster: c.name, year, date: viDate(input.chosenOn) });
    const values = { year, clusterName: c.name, level: c.level };
    const recordId = await insertRecord(tx, 'CLUSTER_LEAD', { personId: null, orgId: input.orgId, scopePath: member.path, source: 'MANUAL', note, createdBy: actor.userId, values });
    await tx.execute(sql`update emulation_cluster set leader_org_id = ${input.orgId}, leader_chosen_on = ${input.chosenOn}, leader_record_id = ${recordId},
      updated_at = now(), version = version + 1 where id = ${id}`);
    events.push(
      { action: 'record.create', entityType: 'cluster_lead', entityId: recordId, orgId: input.orgId, after: { kind: 'CLUSTER_LEAD', orgId: input.orgId, status: 'ACTIVE', source: 'MANUAL', note, ...values, clusterId: id } },
      {
        action: 'cluster.leader',
        entityType: 'emulation_cluster',
        entityId: id,
        orgId: Number(c.org_id),
        before: previous ? { leaderOrgId: previous.orgId, leaderRecordId: previous.recordId, chosenOn: c.leader_chosen_on } : null,
        after: { leaderOrgId: input.orgId, leaderRecordId: recordId, chosenOn: input.chosenOn, reason: input.reason ?? null },
      },
    );
    await audit(tx, actor, events);
  });
}
