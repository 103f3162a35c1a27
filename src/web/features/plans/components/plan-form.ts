// State of the plan editor: the form as the user edits it (headings without their numbers, list
// rows with stable keys), its conversion to and from the API, the pasted-text import and the local
// autosaved draft.
import type { Me } from '../../../../contracts/auth';
import type { CreatePlanInput, PlanBlockKind, PlanDto, RecipientKind, UpdatePlanInput } from '../../../../contracts/plans';
import { numberHeadings, stripHeadingNumber } from '../../../../domain/plans/heading-numbers';
import { parsePlanText } from '../../../../domain/plans/parse-plan-text';
import { guessRecipientKind } from '../../../../domain/plans/recipient-kind';
import { blankToNull } from '../../../lib/validation';

export interface BasisRow {
  key: number;
  planId: number | null;
  text: string;
}
export interface BlockRow {
  key: number;
  kind: PlanBlockKind;
  text: string;
}
export interface RecipientRow {
  key: number;
  kind: RecipientKind;
  orgId: number | null;
  text: string;
}

export interface PlanForm {
  orgId: number | null;
  year: number;
  title: string;
  theme: string;
  place: string;
  intro: string;
  basis: BasisRow[];
  blocks: BlockRow[];
  signer: { onBehalf: string; position: string; name: string };
  recipients: RecipientRow[];
}

let nextKey = 1;
/** A key for a new list row (React keys; never sent to the server). */
export const newKey = (): number => nextKey++;

/** Roles that may draft plans for a unit (the server's MANAGE_ROLES). */
const MANAGE_ROLES = new Set(['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER']);

/** Units the user manages, once each, in the order of their roles. */
export function managedUnits(me: Me): { id: number; name: string }[] {
  const seen = new Set<number>();
  const out: { id: number; name: string }[] = [];
  for (const r of me.roles) {
    if (!MANAGE_ROLES.has(r.role) || seen.has(r.orgId)) continue;
    seen.add(r.orgId);
    out.push({ id: r.orgId, name: r.orgName });
  }
  return out;
}

export function emptyForm(orgId: number | null, year: number): PlanForm {
  return {
    orgId,
    year,
    title: '',
    theme: '',
    place: '',
    intro: '',
    basis: [],
    blocks: [
      { key: newKey(), kind: 'HEADING_1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { key: newKey(), kind: 'BULLET', text: '' },
    ],
    signer: { onBehalf: '', position: '', name: '' },
    recipients: [{ key: newKey(), kind: 'ARCHIVE', orgId: null, text: 'Lưu: VP.' }],
  };
}

export function formFromPlan(p: PlanDto): PlanForm {
  return {
    orgId: p.orgId,
    year: p.year,
    title: p.title,
    theme: p.theme ?? '',
    place: p.place,
    intro: p.intro ?? '',
    basis: p.basis.map((b) => ({ key: newKey(), planId: b.planId, text: b.text })),
    blocks: p.blocks.map((b) => ({ key: newKey(), kind: b.kind, text: stripHeadingNumber(b.kind, b.text) })),
    signer: { onBehalf: p.signer.onBehalf ?? '', position: p.signer.position, name: p.signer.name },
    recipients: p.recipients.map((r) => ({ key: newKey(), kind: r.kind, orgId: r.orgId, text: r.text })),
  };
}

/** The body of POST /plans or PATCH /plans/:id: headings numbered, empty optional fields null. */
export function planFields(f: PlanForm): Omit<UpdatePlanInput, 'version'> {
  return {
    title: f.title.trim(),
    theme: blankToNull(f.theme),
    place: f.place.trim(),
    intro: blankToNull(f.intro),
    basis: f.basis.map((b) => ({ planId: b.planId, text: b.text.trim() })),
    blocks: numberHeadings(f.blocks.map((b) => ({ kind: b.kind, text: b.text }))),
    signer: { onBehalf: blankToNull(f.signer.onBehalf), position: f.signer.position.trim(), name: f.signer.name.trim() },
    recipients: f.recipients.map((r) => ({ kind: r.kind, orgId: r.kind === 'ORG' ? r.orgId : null, text: r.text.trim() })),
  };
}

export const createBody = (f: PlanForm): Omit<CreatePlanInput, 'orgId'> & { orgId: number | null } => ({ orgId: f.orgId, year: f.year, ...planFields(f) });

/**
 * Fills the form from a plan pasted as text (parsePlanText), the year from its date line; keeps the unit, and whatever
 * the text does not say (e.g. the signer's name on an unsigned draft). Null when nothing was recognised.
 */
export function formFromText(text: string, current: PlanForm): PlanForm | null {
  const p = parsePlanText(text);
  if (!p.title || p.blocks.length === 0) return null;
  const year = Number(/năm (\d{4})\s*$/.exec(p.placeDate ?? '')?.[1] ?? NaN);
  return {
    ...current,
    year: year >= 2000 && year <= 2100 ? year : current.year,
    title: p.title,
    theme: p.theme ?? current.theme,
    place: p.place ?? current.place,
    intro: p.intro ?? '',
    basis: p.basis.map((b) => ({ key: newKey(), planId: null, text: b })),
    blocks: p.blocks.map((b) => ({ key: newKey(), kind: b.kind, text: stripHeadingNumber(b.kind, b.text) })),
    signer: {
      onBehalf: p.signer.onBehalf ?? current.signer.onBehalf,
      position: p.signer.position ?? current.signer.position,
      name: p.signer.name ?? current.signer.name,
    },
    recipients: p.recipients.length > 0 ? p.recipients.map((r) => ({ key: newKey(), kind: guessRecipientKind(r), orgId: null, text: r })) : current.recipients,
  };
}

/** Everything that is saved, without the row keys: two forms are the same plan when these match. */
export function formSignature(f: PlanForm): string {
  return JSON.stringify({ ...createBody(f), blocks: f.blocks.map((b) => [b.kind, b.text]), recipients: f.recipients.map((r) => [r.kind, r.orgId, r.text]) });
}

// The local draft (src/web/lib/use-local-draft.ts): kept in localStorage until the plan is saved, so a closed tab or a
// crash loses nothing.

export const draftKey = (planId: number | null): string => `vinhdanh.planDraft.${planId ?? 'new'}`;

/** A stored form, with new row keys (they must not collide with those of this page); null when it is not a plan form. */
export function revivePlanForm(raw: unknown): PlanForm | null {
  const f = raw as Partial<PlanForm> | null;
  if (!f || typeof f !== 'object' || !Array.isArray(f.blocks) || !Array.isArray(f.basis) || !Array.isArray(f.recipients) || !f.signer) return null;
  const rekey = <T extends { key: number }>(rows: T[]) => rows.map((r) => ({ ...r, key: newKey() }));
  return { ...(f as PlanForm), basis: rekey(f.basis), blocks: rekey(f.blocks), recipients: rekey(f.recipients) };
}

// Edits of the lists, as a reducer so that rows can be memoised.

export type FormAction =
  | { type: 'set'; patch: Partial<Omit<PlanForm, 'basis' | 'blocks' | 'recipients' | 'signer'>> }
  | { type: 'signer'; patch: Partial<PlanForm['signer']> }
  | { type: 'replace'; form: PlanForm }
  | { type: 'block'; key: number; patch: Partial<Omit<BlockRow, 'key'>> }
  | { type: 'blockInsert'; afterKey: number | null; kind?: PlanBlockKind }
  | { type: 'blockMove'; key: number; by: -1 | 1 }
  | { type: 'blockRemove'; key: number }
  | { type: 'basis'; key: number; patch: Partial<Omit<BasisRow, 'key'>> }
  | { type: 'basisAdd' }
  | { type: 'basisRemove'; key: number }
  | { type: 'recipient'; key: number; patch: Partial<Omit<RecipientRow, 'key'>> }
  | { type: 'recipientAdd' }
  | { type: 'recipientRemove'; key: number };

function move<T extends { key: number }>(rows: T[], key: number, by: -1 | 1): T[] {
  const i = rows.findIndex((r) => r.key === key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= rows.length) return rows;
  const out = [...rows];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

const patchRow = <T extends { key: number }>(rows: T[], key: number, patch: Partial<T>): T[] => rows.map((r) => (r.key === key ? { ...r, ...patch } : r));

export function formReducer(f: PlanForm, a: FormAction): PlanForm {
  switch (a.type) {
    case 'set':
      return { ...f, ...a.patch };
    case 'signer':
      return { ...f, signer: { ...f.signer, ...a.patch } };
    case 'replace':
      return a.form;
    case 'block':
      return { ...f, blocks: patchRow<BlockRow>(f.blocks, a.key, a.patch) };
    case 'blockInsert': {
      const at = a.afterKey === null ? f.blocks.length : f.blocks.findIndex((b) => b.key === a.afterKey) + 1;
      // A new block continues the list it follows: after a bullet another bullet, after a heading a paragraph.
      const before = f.blocks[at - 1];
      const kind = a.kind ?? (before?.kind === 'BULLET' ? 'BULLET' : 'PARAGRAPH');
      return { ...f, blocks: [...f.blocks.slice(0, at), { key: newKey(), kind, text: '' }, ...f.blocks.slice(at)] };
    }
    case 'blockMove':
      return { ...f, blocks: move(f.blocks, a.key, a.by) };
    case 'blockRemove':
      return { ...f, blocks: f.blocks.filter((b) => b.key !== a.key) };
    case 'basis':
      return { ...f, basis: patchRow<BasisRow>(f.basis, a.key, a.patch) };
    case 'basisAdd':
      return { ...f, basis: [...f.basis, { key: newKey(), planId: null, text: '' }] };
    case 'basisRemove':
      return { ...f, basis: f.basis.filter((b) => b.key !== a.key) };
    case 'recipient':
      return { ...f, recipients: patchRow<RecipientRow>(f.recipients, a.key, a.patch) };
    case 'recipientAdd':
      return { ...f, recipients: [...f.recipients, { key: newKey(), kind: 'OTHER', orgId: null, text: '' }] };
    case 'recipientRemove':
      return { ...f, recipients: f.recipients.filter((r) => r.key !== a.key) };
  }
}
