import { createContext, useContext, type ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { selectorQuery, type FigureSelector } from '../api/dashboard';

/** Opens the records of a figure (the page puts the selector in the URL and shows the drawer). */
export const DrillContext = createContext<(figure: FigureSelector) => void>(() => undefined);

/** `figure=award&code=LDTT&subject=INDIVIDUAL`: the selector as tests and links read it. */
export const selectorKey = (figure: FigureSelector) =>
  Object.entries(selectorQuery(figure))
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&');

/** A figure shown as a button that opens the list of records it counts; `label` says which figure. */
export function DrillButton({ figure, value, label, children, fw = 600 }: { figure: FigureSelector; value: number; label: string; children?: ReactNode; fw?: number }) {
  const t = useT();
  const open = useContext(DrillContext);
  const text = formatNumber(value);
  // The accessible name starts with the visible text (WCAG 2.5.3), then says which list opens.
  const visible = typeof children === 'string' ? children : text;
  return (
    <Anchor
      component="button"
      type="button"
      onClick={() => open(figure)}
      fw={fw}
      inherit
      aria-label={`${visible} – ${t('web.dashboard.drill.open', { figure: label })}`}
      data-testid="dashboard-drill"
      data-figure={selectorKey(figure)}
      style={{ minHeight: 24 }}
    >
      {children ?? text}
    </Anchor>
  );
}
