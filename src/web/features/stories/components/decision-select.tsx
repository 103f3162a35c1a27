import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DecisionSummaryDto } from '../../../../contracts/decisions';
import { api, type Page } from '../../../lib/api-client';

/** The signed decisions of an organisation (`GET /decisions?status=SIGNED`), "none" first; shared by stories and the model register. */
export function SignedDecisionSelect({ orgId, value, onChange, label, description, noneLabel, error, testId }: {
  orgId: number;
  value: number | null;
  onChange: (id: number | null) => void;
  label: string;
  description?: string;
  noneLabel: string;
  error?: string;
  testId: string;
}) {
  const decisions = useQuery({
    queryKey: ['decisions', 'list', { orgId, pick: true }],
    queryFn: ({ signal }) => api.get<Page<DecisionSummaryDto>>('/decisions', { orgId, status: 'SIGNED', page: 1, pageSize: 200 }, signal),
  });
  return (
    <Select
      label={label}
      description={description}
      data={[{ value: '', label: noneLabel }, ...(decisions.data?.items ?? []).map((d) => ({ value: String(d.id), label: `${d.numberText ?? `#${d.id}`} (${d.year})` }))]}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      searchable
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
