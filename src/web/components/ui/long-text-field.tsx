import { Textarea } from '@mantine/core';

/** A required multi-line text kept with a record (findings, a resolution, a reason, a note). */
export function LongTextField({
  label,
  description,
  value,
  onChange,
  error,
  max,
  maxRows = 10,
  testId,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  max: number;
  maxRows?: number;
  testId: string;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(e) => {
        // Read now: a state updater may run after the event, when currentTarget is null.
        const v = e.currentTarget.value;
        onChange(v);
      }}
      error={error}
      required
      autosize
      minRows={3}
      maxRows={maxRows}
      maxLength={max}
      data-testid={testId}
    />
  );
}
