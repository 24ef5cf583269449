import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ConnectionProfile } from '@shared/models/profile';
import { fieldIssues } from '@renderer/api/api-error';
import { useAppInfo } from '@renderer/api/use-app-info';
import { useSaveProfile, useTestConnection } from '@renderer/api/use-profiles';
import { AlertIcon } from '@renderer/components/icons';
import { ColorSwatches } from './color-swatches';
import { AwsCredentialDetails, AwsProfileSelect, CredentialSourceControl } from './credentials-section';
import { PasswordField, passwordChange, type PasswordState } from './password-field';
import { ProfileFormFields } from './profile-form-fields';
import { SshTunnelSection } from './ssh-tunnel-section';
import { TestResult } from './test-result';
import type { ProfilePrefill } from '@renderer/stores/profile-editor-store';
import { useProfileForm, type FieldName, type FormValues } from './use-profile-form';

interface ProfileFormProps {
  profile: ConnectionProfile | null;
  /** Starting values of a new profile. */
  prefill?: ProfilePrefill | null;
  onDone: () => void;
  /** Called with the saved profile, before `onDone`. */
  onSaved?: (profile: ConnectionProfile) => void;
  submitLabel?: string;
  /** Opened only to ask for the password: it takes the focus. */
  askPassword?: boolean;
}

export function ProfileForm({
  profile,
  prefill = null,
  onDone,
  onSaved,
  submitLabel = 'Save',
  askPassword = false,
}: ProfileFormProps) {
  const form = useProfileForm(profile, prefill);
  const [password, setPassword] = useState<PasswordState>({ value: '', clear: false });
  const [passphrase, setPassphrase] = useState<PasswordState>({ value: '', clear: false });
  const storage = useAppInfo().data?.secretStorage;
  const test = useTestConnection();
  const save = useSaveProfile();

  // A test result describes the fields it was run with; any edit makes it stale.
  function setField<K extends FieldName>(key: K, value: FormValues[K]): void {
    form.setField(key, value);
    test.reset();
  }

  // Another source keeps the stored password as it is (`undefined`): switching back finds it again.
  const usesPassword = form.values.credentials.source === 'password';
  const passwordToSend = usesPassword ? passwordChange(password) : undefined;
  const credentialProps = {
    values: form.values.credentials,
    onChange: (next: FormValues['credentials']) => setField('credentials', next),
    errorOf: form.errorOf,
    blur: form.blur,
  };

  function runTest(): void {
    const fields = form.submit();
    if (!fields) return;
    test.mutate({
      fields,
      password: passwordToSend,
      sshPassphrase: passwordChange(passphrase),
      ...(profile ? { profileId: profile.id } : {}),
    });
  }

  function runSave(event: React.FormEvent): void {
    event.preventDefault();
    const fields = form.submit();
    if (!fields) return;
    save.mutate(
      {
        ...(profile ? { id: profile.id } : {}),
        fields,
        password: passwordToSend,
        sshPassphrase: passwordChange(passphrase),
      },
      {
        onSuccess: (saved) => {
          notifications.show({ message: `Saved “${saved.name}”`, color: 'green', autoClose: 2500 });
          onSaved?.(saved);
          onDone();
        },
        onError: (err) => form.setServerErrors(fieldIssues(err)),
      },
    );
  }

  return (
    <form onSubmit={runSave} noValidate data-testid="profile-form">
      <Stack gap="sm">
        <ProfileFormFields
          values={form.values}
          setField={setField}
          errorOf={form.errorOf}
          blur={form.blur}
          focusName={!askPassword}
          credentialsSlot={<CredentialSourceControl {...credentialProps} />}
          afterUserSlot={usesPassword ? null : <AwsCredentialDetails {...credentialProps} />}
          passwordSlot={
            !usesPassword ? (
              <AwsProfileSelect {...credentialProps} />
            ) : (
              <PasswordField
                state={password}
                onChange={(next) => {
                  setPassword(next);
                  test.reset();
                }}
                storage={storage}
                hasStored={profile?.hasPassword ?? false}
                autoFocus={askPassword}
              />
            )
          }
        />
        <SshTunnelSection
          values={form.values.ssh}
          onChange={(ssh) => setField('ssh', ssh)}
          errorOf={form.errorOf}
          blur={form.blur}
          passphrase={passphrase}
          onPassphraseChange={(next) => {
            setPassphrase(next);
            test.reset();
          }}
          storage={storage}
          hasStoredPassphrase={profile?.hasSshPassphrase ?? false}
        />
        <ColorSwatches value={form.values.color} onChange={(c) => setField('color', c)} />
        <TestResult result={test.data} error={test.error} />
        {save.error && (
          <Alert
            color="red"
            variant="light"
            title="Could not save"
            icon={<AlertIcon />}
            data-testid="form-error"
          >
            {save.error.message}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <Button variant="default" onClick={runTest} loading={test.isPending} data-testid="test-connection">
            Test connection
          </Button>
          <Group gap="xs">
            <Button variant="subtle" color="gray" onClick={onDone} data-testid="cancel-profile">
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-profile">
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
