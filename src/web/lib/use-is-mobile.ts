import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em ≈ 768 px): tables become cards, the navbar a drawer. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
}
