import { TextInput } from '@mantine/core';
import type { ActionErrors, ActionValues } from './action-values';

interface SnapshotFieldProps {
  label: string;
  values: ActionValues;
  errors: ActionErrors;
  set: <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => void;
  disabled?: boolean;
}

export function SnapshotField({ label, values, errors, set, disabled = false }: SnapshotFieldProps) {
  return (
    <TextInput
      label={label}
      value={values.snapshotId}
      onChange={(e) => set('snapshotId', e.currentTarget.value)}
      error={disabled ? undefined : errors.snapshotId}
      disabled={disabled}
      spellCheck={false}
      data-testid="snapshot-id"
    />
  );
}
