import { Text, TextInput } from '@mantine/core';

interface TypeToConfirmProps {
  expected: string;
  value: string;
  onChange: (value: string) => void;
}

/** For actions that cannot be taken back: the user types the name of what they act on. */
export function TypeToConfirm({ expected, value, onChange }: TypeToConfirmProps) {
  return (
    <TextInput
      label={
        <Text span size="sm">
          Type{' '}
          <Text span ff="monospace" fw={600}>
            {expected}
          </Text>{' '}
          to confirm
        </Text>
      }
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoComplete="off"
      spellCheck={false}
      data-testid="type-to-confirm"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}

export function typedMatches(expected: string, value: string): boolean {
  return value.trim() === expected;
}
