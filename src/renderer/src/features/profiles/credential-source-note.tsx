import { Input, Text } from '@mantine/core';
import type { CredentialSource } from '@shared/models/profile';
import { useAwsProfiles } from '@renderer/api/use-aws';

/** The last part of an ARN (`rds!db-1234…`), which is what people recognise a secret by. */
function secretName(arn: string): string {
  return arn.startsWith('arn:') ? arn.split(':').slice(6).join(':') : arn;
}

/** Shown in place of the password field when the password does not come from the keychain. */
export function CredentialSourceNote({
  source,
}: {
  source: Exclude<CredentialSource, { source: 'password' }>;
}) {
  const label = useAwsProfiles().data?.profiles.find((p) => p.name === source.awsProfile)?.label;
  return (
    <Input.Wrapper label="Password" miw={0} data-testid="credential-source" data-source={source.source}>
      {source.source === 'secret' ? (
        <>
          <Text size="sm" mt={4}>
            From Secrets Manager
          </Text>
          <Text size="xs" ff="monospace" truncate title={source.secretArn}>
            {secretName(source.secretArn)}
          </Text>
        </>
      ) : (
        <Text size="sm" mt={4}>
          IAM token, made for each connection
        </Text>
      )}
      <Text size="xs" c="dimmed" truncate>
        AWS profile {label ?? source.awsProfile} · {source.region}
      </Text>
    </Input.Wrapper>
  );
}
