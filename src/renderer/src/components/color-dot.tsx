import type { ProfileColor } from '@shared/models/profile';

/** The profile's colour tag, the same dot in the sidebar, the tabs and the toolbar. */
export function ColorDot({ color, size = 8 }: { color: ProfileColor; size?: number }) {
  return (
    <span
      aria-hidden="true"
      data-color={color}
      style={{
        display: 'inline-block',
        flex: 'none',
        width: size,
        height: size,
        borderRadius: '50%',
        background: `var(--mantine-color-${color}-filled)`,
      }}
    />
  );
}
