import { Anchor, PasswordInput, Text } from '@mantine/core';
import type { SecretStorageKind } from '@shared/models/app';

/** `keep`: leave the stored password alone (`undefined`); `clear`: remove it (`null`). */
export interface PasswordState {
  value: string;
  clear: boolean;
}

/** What `profiles.save` and `connections.test` expect for the password. */
export function passwordChange(state: PasswordState): string | null | undefined {
  if (state.clear) return null;
  return state.value === '' ? undefined : state.value;
}

function storageNote(kind: SecretStorageKind | undefined, name: string, noun: string) {
  switch (kind) {
    case 'keychain':
      return (
        <Text size="xs" c="dimmed">
          Saved in the OS keychain.
        </Text>
      );
    case 'basic_text':
      return (
        <Text size="xs" c="orange.7" data-testid={`${name}-storage-warning`}>
          The OS keychain is unavailable: the {noun} will be stored unencrypted on this computer.
        </Text>
      );
    case 'memory':
      return (
        <Text size="xs" c="dimmed">
          Browser mode: kept in memory only until the app stops.
        </Text>
      );
    default:
      return null;
  }
}

interface PasswordFieldProps {
  state: PasswordState;
  onChange: (state: PasswordState) => void;
  storage: SecretStorageKind | undefined;
  /** Editing a profile that already has a stored password. */
  hasStored: boolean;
  /** Take the focus when the dialog opens (Connect on an instance that needs a password). */
  autoFocus?: boolean;
  /** The same field serves the SSH key passphrase: its label, test ids and wording. */
  label?: string;
  name?: string;
  noun?: string;
}

export function PasswordField({
  state,
  onChange,
  storage,
  hasStored,
  autoFocus = false,
  label = 'Password',
  name = 'password',
  noun = 'password',
}: PasswordFieldProps) {
  const placeholder = state.clear ? 'Removed when you save' : hasStored ? 'Unchanged (stored)' : '';
  return (
    <div>
      <PasswordInput
        label={label}
        value={state.value}
        placeholder={placeholder}
        disabled={state.clear}
        autoComplete="new-password"
        onChange={(e) => onChange({ value: e.currentTarget.value, clear: false })}
        data-testid={`field-${name}`}
        data-autofocus={autoFocus || undefined}
      />
      <div style={{ marginTop: 4, display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
        {storageNote(storage, name, noun)}
        {hasStored && (
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => onChange({ value: '', clear: !state.clear })}
            data-testid={`clear-${name}`}
          >
            {state.clear ? `Keep stored ${noun}` : `Clear stored ${noun}`}
          </Anchor>
        )}
      </div>
    </div>
  );
}
