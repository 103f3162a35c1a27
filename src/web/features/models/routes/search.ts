import { z } from 'zod';
import { MODEL_KINDS, MODEL_STAGES } from '../../../../contracts/models';
import { searchBool, searchEnum, searchId, searchText } from '../../../lib/search-params';

/** `/mo-hinh?orgId=3&stage=FOSTERING&kind=PERSON&q=bua+com&overdue=true&page=2`. */
export const modelSearchSchema = z.object({
  orgId: searchId,
  stage: searchEnum(MODEL_STAGES),
  kind: searchEnum(MODEL_KINDS),
  q: searchText(100),
  overdue: searchBool,
  page: searchId,
});
export type ModelSearch = z.output<typeof modelSearchSchema>;
