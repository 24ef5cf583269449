import { createTheme, rem } from '@mantine/core';

/** System fonts only: the app must look right offline and under a CSP that forbids remote fonts. */
export const UI_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif';
export const MONO_FONT =
  'ui-monospace, "SF Mono", SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

/** Dense like a desktop DB tool: 13px body text, small controls. Heights are trimmed in global.css. */
export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: UI_FONT,
  fontFamilyMonospace: MONO_FONT,
  headings: { fontFamily: UI_FONT },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontSizes: { xs: rem(11), sm: rem(12), md: rem(13), lg: rem(14), xl: rem(16) },
  lineHeights: { xs: '1.35', sm: '1.4', md: '1.45', lg: '1.5', xl: '1.55' },
  spacing: { xs: rem(6), sm: rem(8), md: rem(12), lg: rem(16), xl: rem(24) },
});
