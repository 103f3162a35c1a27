import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseViDate } from '../../lib/format';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** ISO `yyyy-mm-dd` or null. */
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A date typed or picked as dd/mm/yyyy, stored as ISO `yyyy-mm-dd` like the API expects. */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  return (
    <DateInput
      value={value}
      onChange={onChange}
      valueFormat="DD/MM/YYYY"
      dateParser={parseViDate}
      placeholder="dd/mm/yyyy"
      leftSection={<IconCalendar size={16} aria-hidden />}
      firstDayOfWeek={1}
      {...props}
    />
  );
}
