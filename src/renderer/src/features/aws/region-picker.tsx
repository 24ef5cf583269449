import { Group, MultiSelect, Text } from '@mantine/core';
import type { AwsRegion } from '@shared/models/aws';
import classes from './region-picker.module.css';

interface RegionPickerProps {
  options: AwsRegion[];
  value: string[];
  onChange: (regions: string[]) => void;
}

/** Several regions at once; the RDS tab lists them side by side. Never empty: the last one stays. */
export function RegionPicker({ options, value, onChange }: RegionPickerProps) {
  const names = new Map(options.map((r) => [r.code, r.name]));
  return (
    <MultiSelect
      size="xs"
      aria-label="AWS regions"
      placeholder={value.length === 0 ? 'Regions' : undefined}
      data={options.map((r) => ({ value: r.code, label: r.code }))}
      value={value}
      onChange={(next) => next.length > 0 && onChange(next)}
      searchable
      hidePickedOptions={false}
      nothingFoundMessage="No such region"
      comboboxProps={{ width: 300, position: 'bottom-start' }}
      maxDropdownHeight={320}
      renderOption={({ option, checked }) => (
        <Group gap={8} wrap="nowrap" w="100%" data-testid="aws-region-option" data-region={option.value}>
          <Text size="sm" ff="monospace" fw={checked ? 600 : 400} w={120}>
            {option.value}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {names.get(option.value)}
          </Text>
        </Group>
      )}
      className={value.length === 1 ? classes.single : undefined}
      data-testid="aws-region-picker"
    />
  );
}
