import { CheckIcon as MantineCheck, ColorSwatch, Group, Input } from '@mantine/core';
import { PROFILE_COLORS, type ProfileColor } from '@shared/models/profile';

/** The colour tag: a radio group of swatches, so it also works from the keyboard. */
export function ColorSwatches({
  value,
  onChange,
}: {
  value: ProfileColor;
  onChange: (c: ProfileColor) => void;
}) {
  return (
    <Input.Wrapper label="Colour">
      <Group gap={6} role="radiogroup" aria-label="Colour" mt={4}>
        {PROFILE_COLORS.map((color) => (
          <ColorSwatch
            key={color}
            component="button"
            type="button"
            role="radio"
            aria-checked={value === color}
            aria-label={color}
            color={`var(--mantine-color-${color}-filled)`}
            size={20}
            onClick={() => onChange(color)}
            data-testid={`color-${color}`}
            style={{ color: '#fff', cursor: 'pointer' }}
          >
            {value === color && <MantineCheck size={10} />}
          </ColorSwatch>
        ))}
      </Group>
    </Input.Wrapper>
  );
}
