// A council meeting ready for secret online voting, set up through the API: a sector union's council
// of five (the fifth absent), `names.length` provincial emulation titles on the agenda (written votes
// allowed), the meeting open and voting opened on every item (unless `openVoting: false`).
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/client';
import type { CouncilDto, MeetingDto, MeetingItemDto } from '../../src/contracts/councils';
import { createOrg, createUser, loginAs, type Client, type OrgRef, type smallWorld } from '../factories';
import { councilPeople, insertToCouncil } from './councils';

type Page<T> = { items: T[]; total: number };

export interface Setup {
  officer: Client;
  meetingId: number;
  org: OrgRef;
  prefix: string;
  /** member ids in seat order; the last one is absent. */
  members: number[];
  items: MeetingItemDto[];
  nominations: number[];
}

/**
 * A sector union's council of five (the fifth absent), a meeting with `names.length` provincial
 * emulation titles (written votes allowed), open, with voting opened on every item.
 */
export async function openVotingMeeting(
  t: { db: Db; app: FastifyInstance; w: Awaited<ReturnType<typeof smallWorld>> },
  code: string,
  prefix: string,
  names: string[],
  opts: { paper?: number[]; openVoting?: boolean } = {},
): Promise<Setup> {
  const db = () => t.db;
  const as = (user: string) => loginAs(t.app, user);
  const w = t.w;
  const org = await createOrg(db(), { code, name: `Công đoàn ngành ${code}`, kind: 'CD_NGANH_DP', parent: w.orgs.huyen });
  await createUser(db(), `${prefix}.tdkt`, [{ role: 'TDKT_OFFICER', org }]);
  const people = await councilPeople(db(), org, 5, prefix);
  const officer = await as(`${prefix}.tdkt`);
  const c = (await officer.post('/api/v1/councils', { orgId: org.id, name: `Hội đồng ngành ${code}`, termLabel: '2023–2028', termStartsOn: '2023-01-01', maxMembers: 5 })).json<CouncilDto>();
  let council: CouncilDto = c;
  for (const p of people) {
    const res = await officer.post(`/api/v1/councils/${c.id}/members`, { personId: p.personId, role: 'MEMBER' });
    expect(res.statusCode, res.body).toBe(200);
    council = res.json<CouncilDto>();
  }
  const members = people.map((p) => council.members.find((m) => m.personId === p.personId)!.id);
  const persons = [w.persons.an, w.persons.tran, w.persons.dang];
  const nominations = await insertToCouncil(db(), org, names.map((name, i) => ({ personId: persons[i % persons.length], unit: i % 2 ? w.orgs.cdcsB : w.orgs.cdcsA, name, awardCode: 'CSTD_BO_TINH' })));
  const m = (await officer.post('/api/v1/council-meetings', { councilId: c.id, title: 'Họp xét khen thưởng', scheduledAt: '2026-12-12T08:00:00+07:00' })).json<MeetingDto>();
  expect((await officer.post(`/api/v1/council-meetings/${m.id}/agenda`, { nominationIds: nominations })).statusCode).toBe(200);
  const att = await officer.put(`/api/v1/council-meetings/${m.id}/attendance`, {
    entries: members.map((id, i) => ({ memberId: id, status: i === 4 ? 'ABSENT' : 'PRESENT', absenceReason: i === 4 ? 'Đi công tác' : null })),
  });
  expect(att.statusCode, att.body).toBe(200);
  expect((await officer.post(`/api/v1/council-meetings/${m.id}/open`, {})).statusCode).toBe(200);
  let items = (await officer.get(`/api/v1/council-meetings/${m.id}/items?pageSize=100`)).json<Page<MeetingItemDto>>().items;
  for (const idx of opts.paper ?? []) expect((await officer.post(`/api/v1/meeting-items/${items[idx]!.id}/method`, { method: 'SECRET_PAPER' })).statusCode).toBe(200);
  if (opts.openVoting !== false) {
    const opened = await officer.post(`/api/v1/council-meetings/${m.id}/open-voting`, {});
    expect(opened.statusCode, opened.body).toBe(200);
  }
  items = (await officer.get(`/api/v1/council-meetings/${m.id}/items?pageSize=100`)).json<Page<MeetingItemDto>>().items;
  return { officer, meetingId: m.id, org, prefix, members, items, nominations };
}

