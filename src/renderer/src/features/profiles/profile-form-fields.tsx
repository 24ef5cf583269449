import { Group, Select, Switch, TextInput } from '@mantine/core';
import { PROFILE_ENVIRONMENTS, type ProfileEnvironment } from '@shared/models/profile';
import type { FieldName, FormValues } from './use-profile-form';

interface ProfileFormFieldsProps {
  values: FormValues;
  setField: <K extends FieldName>(key: K, value: FormValues[K]) => void;
  errorOf: (key: FieldName) => string | undefined;
  blur: (key: FieldName) => void;
  /** The password input sits between user and database; the parent owns its state. */
  passwordSlot: React.ReactNode;
  /** Where the password comes from, above the user row; what that source needs, below it. */
  credentialsSlot: React.ReactNode;
  afterUserSlot: React.ReactNode;
  /** Focus the name on open; off when the form opens only to ask for the password. */
  focusName?: boolean;
}

export function ProfileFormFields({
  values,
  setField,
  errorOf,
  blur,
  passwordSlot,
  credentialsSlot,
  afterUserSlot,
  focusName = true,
}: ProfileFormFieldsProps) {
  const text = (key: 'name' | 'host' | 'port' | 'user' | 'database') => ({
    value: values[key],
    error: errorOf(key),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setField(key, e.currentTarget.value),
    onBlur: () => blur(key),
    'data-testid': `field-${key}`,
    errorProps: { 'data-testid': `error-${key}` },
  });

  // The main process turns TLS on for IAM tokens (sent in clear text otherwise); the switch says so.
  const tlsForced = values.credentials.source === 'iam';
  return (
    <>
      <TextInput
        label="Name"
        placeholder="e.g. orders-prod"
        data-autofocus={focusName || undefined}
        withAsterisk
        {...text('name')}
      />
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput label="Host" withAsterisk style={{ flex: 1 }} spellCheck={false} {...text('host')} />
        <TextInput label="Port" withAsterisk w={120} inputMode="numeric" {...text('port')} />
      </Group>
      {credentialsSlot}
      <Group gap="sm" align="flex-start" wrap="nowrap" grow>
        <TextInput label="User" withAsterisk spellCheck={false} autoComplete="off" {...text('user')} />
        {passwordSlot}
      </Group>
      {afterUserSlot}
      <TextInput
        label="Database"
        description="Optional: the default schema"
        spellCheck={false}
        {...text('database')}
      />
      <Group gap="xl">
        <Switch
          label="Use TLS"
          checked={values.tls || tlsForced}
          disabled={tlsForced}
          onChange={(e) => setField('tls', e.currentTarget.checked)}
          data-testid="field-tls"
        />
        <Switch
          label="Read-only"
          checked={values.readOnly}
          onChange={(e) => setField('readOnly', e.currentTarget.checked)}
          data-testid="field-readOnly"
        />
      </Group>
      <Select
        label="Environment"
        description="Production connections get a red frame around their SQL tabs"
        placeholder="Not tagged"
        data={PROFILE_ENVIRONMENTS.map((e) => ({ value: e, label: e.charAt(0).toUpperCase() + e.slice(1) }))}
        value={values.environment ?? null}
        onChange={(value) => setField('environment', (value ?? undefined) as ProfileEnvironment | undefined)}
        clearable
        allowDeselect
        w={220}
        data-testid="field-environment"
      />
    </>
  );
}
