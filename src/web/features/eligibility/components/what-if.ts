// Drafts the officer is trying out, and how they join the member's stored facts. Pure: the panel
// re-evaluates with the engine in the browser on every change, without asking the server.
import type { PersonFacts } from '../../../../contracts/eligibility';
import type { DisciplineLevel, InitiativeScope, Rating } from '../../../../contracts/enums';

export const DRAFT_KINDS = ['RATING', 'AWARD', 'INITIATIVE', 'DISCIPLINE'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export type Draft =
  | { uid: number; kind: 'RATING'; year: number; rating: Rating | null }
  | { uid: number; kind: 'AWARD'; year: number; code: string | null }
  | { uid: number; kind: 'INITIATIVE'; recognisedOn: string | null; scope: InitiativeScope | null }
  | { uid: number; kind: 'DISCIPLINE'; level: DisciplineLevel | null; from: string | null; to: string | null };

export function newDraft(kind: DraftKind, uid: number, year: number): Draft {
  switch (kind) {
    case 'RATING':
      return { uid, kind, year, rating: null };
    case 'AWARD':
      return { uid, kind, year, code: null };
    case 'INITIATIVE':
      return { uid, kind, recognisedOn: null, scope: null };
    case 'DISCIPLINE':
      return { uid, kind, level: null, from: null, to: null };
  }
}

/** A draft with every required value filled in; the others are shown but not counted yet. */
export function isComplete(draft: Draft): boolean {
  switch (draft.kind) {
    case 'RATING':
      return draft.rating !== null;
    case 'AWARD':
      return draft.code !== null;
    case 'INITIATIVE':
      return draft.recognisedOn !== null && draft.scope !== null;
    case 'DISCIPLINE':
      return draft.level !== null && draft.from !== null && (draft.to === null || draft.to >= draft.from);
  }
}

/**
 * The stored facts with the complete drafts added. A draft rating replaces the stored rating of the
 * same year (a year has one rating), which is what "what if they were rated HTXSNV" means.
 */
export function applyDrafts(facts: PersonFacts, drafts: readonly Draft[]): PersonFacts {
  const out: PersonFacts = {
    ...facts,
    ratings: [...facts.ratings],
    awards: [...facts.awards],
    initiatives: [...facts.initiatives],
    disciplines: [...facts.disciplines],
  };
  for (const draft of drafts) {
    if (!isComplete(draft)) continue;
    const id = `draft-${draft.uid}`;
    switch (draft.kind) {
      case 'RATING':
        out.ratings = [...out.ratings.filter((r) => r.year !== draft.year), { id, year: draft.year, rating: draft.rating! }];
        break;
      case 'AWARD':
        out.awards.push({ id, code: draft.code!, year: draft.year });
        break;
      case 'INITIATIVE':
        out.initiatives.push({ id, recognisedOn: draft.recognisedOn!, scope: draft.scope!, applied: true });
        break;
      case 'DISCIPLINE':
        out.disciplines.push({ id, level: draft.level!, from: draft.from!, ...(draft.to ? { to: draft.to } : {}) });
        break;
    }
  }
  return out;
}
