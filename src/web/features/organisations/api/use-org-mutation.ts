import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/**
 * Any change to the tree (new unit, rename, move, merge, end) can change breadcrumbs, children
 * lists, pickers and member counts anywhere, so all organisation and member queries are refreshed.
 */
export function useOrgMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.organisations.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.members.all }),
      ]);
    },
  });
}
