import { Collapse, Group, Stack, Switch, TextInput } from '@mantine/core';
import type { SecretStorageKind } from '@shared/models/app';
import { PasswordField, type PasswordState } from './password-field';
import type { ErrorKey, SshFieldName, SshFormValues } from './use-profile-form';

interface SshTunnelSectionProps {
  values: SshFormValues;
  onChange: (values: SshFormValues) => void;
  errorOf: (key: ErrorKey) => string | undefined;
  blur: (key: ErrorKey) => void;
  passphrase: PasswordState;
  onPassphraseChange: (state: PasswordState) => void;
  storage: SecretStorageKind | undefined;
  /** Editing a profile that already has a stored passphrase. */
  hasStoredPassphrase: boolean;
}

/** An optional bastion: the switch opens the section, the database host is then resolved by the bastion. */
export function SshTunnelSection({
  values,
  onChange,
  errorOf,
  blur,
  passphrase,
  onPassphraseChange,
  storage,
  hasStoredPassphrase,
}: SshTunnelSectionProps) {
  const set = (patch: Partial<SshFormValues>) => onChange({ ...values, ...patch });
  const text = (key: 'host' | 'port' | 'user' | 'keyPath') => {
    const name: SshFieldName = `ssh.${key}`;
    return {
      value: values[key],
      error: errorOf(name),
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [key]: e.currentTarget.value }),
      onBlur: () => blur(name),
      spellCheck: false,
      'data-testid': `field-ssh-${key}`,
      errorProps: { 'data-testid': `error-ssh-${key}` },
    };
  };

  return (
    <Stack gap="xs" data-testid="ssh-tunnel">
      <Switch
        label="SSH tunnel"
        description="Connect through a bastion host; the database host is then resolved by the bastion"
        checked={values.enabled}
        onChange={(e) => set({ enabled: e.currentTarget.checked })}
        data-testid="field-ssh-enabled"
      />
      <Collapse expanded={values.enabled}>
        <Stack gap="sm" pl="md">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput label="SSH host" withAsterisk style={{ flex: 1 }} {...text('host')} />
            <TextInput label="SSH port" withAsterisk w={120} inputMode="numeric" {...text('port')} />
          </Group>
          <TextInput label="SSH user" withAsterisk autoComplete="off" {...text('user')} />
          <Switch
            label="Use SSH agent"
            description="The keys of the running agent (SSH_AUTH_SOCK)"
            checked={values.useAgent}
            onChange={(e) => set({ useAgent: e.currentTarget.checked })}
            data-testid="field-ssh-useAgent"
          />
          {!values.useAgent && (
            <Group gap="sm" align="flex-start" wrap="nowrap" grow>
              <TextInput
                label="Private key file"
                placeholder="/home/me/.ssh/id_ed25519"
                withAsterisk
                {...text('keyPath')}
              />
              <PasswordField
                state={passphrase}
                onChange={onPassphraseChange}
                storage={storage}
                hasStored={hasStoredPassphrase}
                label="Key passphrase"
                name="ssh-passphrase"
                noun="passphrase"
              />
            </Group>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}
