import { createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/** Palettes whose darkest shade is still too bright for small text on their own tint. */
const BRIGHT = new Set(['yellow', 'orange', 'lime']);

/**
 * "Light" badges and alerts: darkest shade on the palest tint, so the text stays readable (AA);
 * bright palettes (yellow, orange, lime) keep their tint but take near-black text.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return resolved;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return resolved;
  return {
    ...resolved,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
    color: BRIGHT.has(parsed.color) ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${parsed.color}-9)`,
    hoverColor: BRIGHT.has(parsed.color) ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${parsed.color}-9)`,
  };
};

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white-on-blue buttons and blue links above the WCAG AA contrast ratio (4.5:1).
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  variantColorResolver,
  defaultRadius: 'sm',
  focusRing: 'auto',
  // System fonts render Vietnamese diacritics well on old office PCs and phones alike.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Badge: { defaultProps: { style: { textTransform: 'none' } } },
  },
});

/**
 * The theme with texts in the user's language: every close button (dialogs, notifications, alerts)
 * gets an accessible name, which Mantine leaves empty.
 */
export function localisedTheme(closeLabel: string): typeof theme {
  return { ...theme, components: { ...theme.components, CloseButton: { defaultProps: { 'aria-label': closeLabel } } } };
}

/**
 * Mantine's default "dimmed" grey and its error red (red.6, 3.3:1 on white) are below AA; secondary
 * text and the field errors people must read stay readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
