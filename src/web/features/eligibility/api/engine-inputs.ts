import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { toAwardDefinition, type AwardDefinition } from '../../../../domain/catalogue/awards';
import type { ParameterChange, ParamValue } from '../../../../domain/eligibility';
import { awardOptionsQuery } from './list-award-options';
import { parameterChangesQuery } from './rules';

/**
 * What the pure engine needs besides the facts, so that an answer computed in the browser is the
 * server's answer: the installation's catalogue and the administrators' parameter changes.
 * Stable identities matter: the engine caches per catalogue and per list of changes.
 */
export function useEngineInputs() {
  const awards = useQuery(awardOptionsQuery);
  const changes = useQuery(parameterChangesQuery);
  const inputs = useMemo(() => {
    if (!awards.data || !changes.data) return undefined;
    const catalogue: AwardDefinition[] = awards.data.map(toAwardDefinition);
    // The server applies changes in the order they were made; the history lists the newest first.
    const list: ParameterChange[] = [...changes.data]
      .sort((a, b) => a.id - b.id)
      .map((c) => ({ packId: c.packId, key: c.key, value: c.value as ParamValue, effectiveFrom: c.effectiveFrom }));
    return { catalogue, changes: list };
  }, [awards.data, changes.data]);
  return { inputs, error: awards.error ?? changes.error, isPending: awards.isPending || changes.isPending };
}
