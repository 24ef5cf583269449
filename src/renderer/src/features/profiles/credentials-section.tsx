import { Group, Input, SegmentedControl, Select, Text } from '@mantine/core';
import { useAwsProfiles, useAwsRegions } from '@renderer/api/use-aws';
import { SecretSelect } from './secret-select';
import type { CredentialFieldName, CredentialFormValues, ErrorKey } from './use-profile-form';

const SOURCES: { value: CredentialFormValues['source']; label: string }[] = [
  { value: 'password', label: 'Password' },
  { value: 'secret', label: 'Secrets Manager' },
  { value: 'iam', label: 'IAM token' },
];

interface CredentialsProps {
  values: CredentialFormValues;
  onChange: (values: CredentialFormValues) => void;
  errorOf: (key: ErrorKey) => string | undefined;
  blur: (key: ErrorKey) => void;
}

function fieldProps(
  name: CredentialFieldName,
  { errorOf, blur }: Omit<CredentialsProps, 'values' | 'onChange'>,
) {
  const id = name.replace('.', '-');
  return {
    error: errorOf(name),
    onBlur: () => blur(name),
    'data-testid': `field-${id}`,
    errorProps: { 'data-testid': `error-${id}` },
  };
}

/** The choice of where the password comes from. Switching to AWS preselects the default profile. */
export function CredentialSourceControl({ values, onChange }: Pick<CredentialsProps, 'values' | 'onChange'>) {
  const aws = useAwsProfiles().data;
  function choose(source: string): void {
    const next = { ...values, source: source as CredentialFormValues['source'] };
    if (next.source !== 'password' && !next.awsProfile && aws) {
      const profile = aws.profiles.find((p) => p.name === aws.defaultProfile) ?? aws.profiles[0];
      if (profile)
        Object.assign(next, { awsProfile: profile.name, region: next.region || profile.region || '' });
    }
    onChange(next);
  }
  return (
    <Input.Wrapper label="Credentials">
      <SegmentedControl
        fullWidth
        size="xs"
        data={SOURCES}
        value={values.source}
        onChange={choose}
        data-testid="field-credentials-source"
      />
    </Input.Wrapper>
  );
}

/** Beside the user: the AWS profile whose keys read the secret or sign the token. */
export function AwsProfileSelect({ values, onChange, ...rest }: CredentialsProps) {
  const profiles = useAwsProfiles().data?.profiles ?? [];
  return (
    <Select
      label="AWS profile"
      withAsterisk
      searchable
      allowDeselect={false}
      miw={0}
      data={profiles.map((p) => ({ value: p.name, label: p.label }))}
      value={values.awsProfile || null}
      onChange={(name) => {
        const region = profiles.find((p) => p.name === name)?.region;
        // A secret belongs to one account and region: another profile means choosing it again.
        onChange({ ...values, awsProfile: name ?? '', region: region ?? values.region, secretArn: '' });
      }}
      {...fieldProps('credentials.awsProfile', rest)}
    />
  );
}

/** Below the user: the region, then the secret (Secrets Manager) or what IAM authentication implies. */
export function AwsCredentialDetails({ values, onChange, ...rest }: CredentialsProps) {
  const regions = useAwsRegions(values.awsProfile || null).data?.regions ?? [];
  const data = regions.map((r) => ({ value: r.code, label: r.code }));
  if (values.region && !regions.some((r) => r.code === values.region))
    data.push({ value: values.region, label: values.region });
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Select
        label="Region"
        withAsterisk
        searchable
        w={150}
        data={data}
        value={values.region || null}
        onChange={(region) => onChange({ ...values, region: region ?? '', secretArn: '' })}
        {...fieldProps('credentials.region', rest)}
      />
      {values.source === 'secret' ? (
        <SecretSelect
          awsProfile={values.awsProfile}
          region={values.region}
          value={values.secretArn}
          onChange={(secretArn) => onChange({ ...values, secretArn })}
          onBlur={() => rest.blur('credentials.secretArn')}
          error={rest.errorOf('credentials.secretArn')}
        />
      ) : (
        <Text size="xs" c="dimmed" mt={26} style={{ flex: 1 }} data-testid="credentials-iam-note">
          A token is made for the user above at each connection. IAM authentication needs TLS, so TLS is
          always used.
        </Text>
      )}
    </Group>
  );
}
