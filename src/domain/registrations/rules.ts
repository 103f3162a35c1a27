// Which award a subject may register (đăng ký thi đua) for a year or a movement. Pure: the caller
// loads the award, the subject and the movement; each problem is a message key with its params.
// Sources: ../shared/domain/RULES.md §2 (registration with the directly superior union), §3–4.

export type AwardCategory = 'TITLE' | 'FORM';
export type AwardSubject = 'INDIVIDUAL' | 'COLLECTIVE';

export interface RegistrationAward {
  code: string;
  nameVi: string;
  category: AwardCategory;
  subject: AwardSubject;
  active: boolean;
}

export type RegistrationSubject =
  | { type: 'PERSON'; status: string; path: string | null }
  | { type: 'UNIT'; status: string; path: string; orgKind: string; orgKindName: string };

export const OPEN_MOVEMENT_STATUSES = ['LAUNCHED', 'IN_PROGRESS'] as const;

export interface RegistrationMovement {
  title: string;
  status: string;
  orgPath: string;
  offeredAwards: readonly string[];
}

export interface RegistrationContext {
  /** Today in Vietnam, yyyy-mm-dd. */
  today: string;
  year: number;
  movement: RegistrationMovement | null;
}

export interface RegistrationProblem {
  key: string;
  params: Record<string, string | number>;
  field: 'awardCode' | 'year' | 'movementId' | 'subject';
}

const GRASSROOTS = ['CDCS', 'NGHIEP_DOAN'];
const UPPER = ['LDLD_HUYEN', 'CD_NGANH_DP', 'CD_KCN', 'CD_XA_PHUONG'];
const PROVINCE = ['LDLD_TINH', 'CD_NGANH_TW'];
const INNER = ['CD_BO_PHAN', 'TO_CD'];

/**
 * Organisation kinds that may receive each collective title of the catalogue. A collective code not
 * listed (a form offered under a movement, a title an installation adds) goes to any unit but the TLĐ.
 */
export const COLLECTIVE_RECIPIENT_KINDS: Readonly<Record<string, readonly string[]>> = {
  TTLDTT: [...GRASSROOTS, ...UPPER, ...INNER],
  TTLDXS: [...GRASSROOTS, ...UPPER, ...PROVINCE],
  CO_THI_DUA_CP: [...GRASSROOTS, ...UPPER, ...PROVINCE],
  CO_THI_DUA_TLD: [...GRASSROOTS, ...UPPER, ...PROVINCE],
  CO_THI_DUA_LDLD: [...GRASSROOTS, ...UPPER],
  CDCS_HTXSNV: GRASSROOTS,
  TO_CD_VUNG_MANH: INNER,
};

export function unitKindMayReceive(awardCode: string, orgKind: string): boolean {
  const kinds = COLLECTIVE_RECIPIENT_KINDS[awardCode];
  return kinds ? kinds.includes(orgKind) : orgKind !== 'TLD';
}

/** Years one may register for on `today`: the current year (start of the year) and the next. */
export function registrableYears(today: string): [number, number] {
  const current = Number(today.slice(0, 4));
  return [current, current + 1];
}

/** Every reason the subject may not register `award`; empty when it may. */
export function registrationProblems(subject: RegistrationSubject, award: RegistrationAward | undefined, ctx: RegistrationContext): RegistrationProblem[] {
  const out: RegistrationProblem[] = [];
  const [current, next] = registrableYears(ctx.today);
  if (subject.status !== 'ACTIVE') out.push({ key: subject.type === 'PERSON' ? 'registration.personInactive' : 'registration.unitInactive', params: {}, field: 'subject' });
  if (ctx.year < current) out.push({ key: 'registration.yearPast', params: { year: ctx.year, current, next }, field: 'year' });
  else if (ctx.year > next) out.push({ key: 'registration.yearTooFar', params: { year: ctx.year, current, next }, field: 'year' });
  const m = ctx.movement;
  if (m) {
    if (!(OPEN_MOVEMENT_STATUSES as readonly string[]).includes(m.status)) out.push({ key: 'registration.movementNotOpen', params: { title: m.title }, field: 'movementId' });
    if (subject.path !== null && !subject.path.startsWith(m.orgPath)) out.push({ key: 'registration.movementOutOfScope', params: { title: m.title }, field: 'movementId' });
  }
  if (!award || !award.active) {
    out.push({ key: 'registration.unknownAward', params: { code: award?.code ?? '' }, field: 'awardCode' });
    return out;
  }
  const name = award.nameVi;
  if (m) {
    if (!m.offeredAwards.includes(award.code)) out.push({ key: 'registration.notOffered', params: { award: name, title: m.title }, field: 'awardCode' });
  } else if (award.category !== 'TITLE') {
    out.push({ key: 'registration.notATitle', params: { award: name }, field: 'awardCode' });
  }
  if (subject.type === 'PERSON' && award.subject !== 'INDIVIDUAL') out.push({ key: 'registration.collectiveForPerson', params: { award: name }, field: 'awardCode' });
  if (subject.type === 'UNIT') {
    if (award.subject !== 'COLLECTIVE') out.push({ key: 'registration.individualForUnit', params: { award: name }, field: 'awardCode' });
    else if (!unitKindMayReceive(award.code, subject.orgKind)) out.push({ key: 'registration.kindCannotReceive', params: { award: name, kind: subject.orgKindName }, field: 'awardCode' });
  }
  return out;
}
