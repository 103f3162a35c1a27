import { z } from 'zod';
import { STORY_STATUSES } from '../../../../contracts/stories';
import { searchEnum, searchId } from '../../../lib/search-params';

/** `/guong-dien-hinh?orgId=3&status=PUBLISHED&q=hien%20mau&page=2&year=2026&creditPage=2`. */
export const storySearchSchema = z.object({
  orgId: searchId,
  status: searchEnum(STORY_STATUSES),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: searchId,
  /** The credits section: the year and its page. */
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  creditPage: searchId,
});
export type StorySearch = z.output<typeof storySearchSchema>;
