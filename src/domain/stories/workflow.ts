// The life of an exemplary story: written (DRAFT), sent for review (IN_REVIEW), returned to the
// writer with a reason, published on the public site (only with the subject's consent and nothing
// personal in it), withdrawn from the site with a reason, and published again after a new review.

export const STORY_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'WITHDRAWN'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const STORY_ACTIONS = ['edit', 'submit', 'return', 'publish', 'withdraw', 'consent', 'photos', 'credits'] as const;
export type StoryAction = (typeof STORY_ACTIONS)[number];

/** Which action moves a story from which status to which. */
export const STORY_TRANSITIONS: Record<'submit' | 'return' | 'publish' | 'withdraw', { from: readonly StoryStatus[]; to: StoryStatus }> = {
  submit: { from: ['DRAFT', 'WITHDRAWN'], to: 'IN_REVIEW' },
  return: { from: ['IN_REVIEW'], to: 'DRAFT' },
  publish: { from: ['IN_REVIEW'], to: 'PUBLISHED' },
  withdraw: { from: ['PUBLISHED'], to: 'WITHDRAWN' },
};

/** What may be done to a story in a status (for its managers; readers may do nothing). */
export function storyActions(status: StoryStatus): StoryAction[] {
  const actions: StoryAction[] = [];
  // The text, photos and consent change only before publication: a published story is withdrawn first.
  if (status === 'DRAFT' || status === 'IN_REVIEW') actions.push('edit', 'consent', 'photos');
  for (const [action, tr] of Object.entries(STORY_TRANSITIONS)) if (tr.from.includes(status)) actions.push(action as StoryAction);
  // Credits are history (who found, wrote, spread the story): recorded in any status.
  actions.push('credits');
  return actions;
}

export const canDo = (status: StoryStatus, action: StoryAction) => storyActions(status).includes(action);
