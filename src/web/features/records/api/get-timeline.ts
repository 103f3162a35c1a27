import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { memberTimeline, orgTimeline, TimelineItem } from '../../../../contracts/achievements';
import { api } from '../../../lib/api-client';
import { recordKeys, type RecordSubjectRef } from './keys';

export type MemberTimeline = z.infer<typeof memberTimeline>;
export type OrgTimeline = z.infer<typeof orgTimeline>;

/** A person's or unit's records, newest first; revoked and superseded ones only on request. */
export function useTimeline(subject: RecordSubjectRef, includeHistory: boolean) {
  return useQuery({
    queryKey: subject.type === 'PERSON' ? recordKeys.member(subject.id, includeHistory) : recordKeys.org(subject.id, includeHistory),
    queryFn: ({ signal }) =>
      api.get<{ items: TimelineItem[]; summary?: MemberTimeline['summary'] }>(
        subject.type === 'PERSON' ? `/members/${subject.id}/timeline` : `/organisations/${subject.id}/timeline`,
        { includeHistory },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
