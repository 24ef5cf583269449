import { Group, Select, TextInput } from '@mantine/core';
import type { ScalarType } from '@shared/models/dynamo';
import type { KeyInput } from './create-table-form';

const TYPES = [
  { value: 'S', label: 'String' },
  { value: 'N', label: 'Number' },
  { value: 'B', label: 'Binary' },
];

interface KeyFieldProps {
  label: string;
  placeholder?: string;
  value: KeyInput;
  onChange: (value: KeyInput) => void;
  error?: string | undefined;
  testId: string;
  disabled?: boolean;
}

/** A key attribute: its name and scalar type. */
export function KeyField({ label, placeholder, value, onChange, error, testId, disabled }: KeyFieldProps) {
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <TextInput
        size="xs"
        label={label}
        placeholder={placeholder}
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
        error={error}
        disabled={disabled}
        style={{ flex: 1 }}
        spellCheck={false}
        data-testid={`${testId}-name`}
      />
      <Select
        size="xs"
        label="Type"
        w={100}
        data={TYPES}
        value={value.type}
        onChange={(v) => onChange({ ...value, type: (v ?? 'S') as ScalarType })}
        allowDeselect={false}
        disabled={disabled}
        data-testid={`${testId}-type`}
      />
    </Group>
  );
}
